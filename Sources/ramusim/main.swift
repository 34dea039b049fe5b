import RamuCLI
