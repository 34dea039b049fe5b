import RamuModel
