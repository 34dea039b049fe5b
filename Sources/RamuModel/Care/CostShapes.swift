import RandomStreams
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Lognormal cost shapes by kind of care, in one year's prices (MODEL.md section 5), indexed by
/// `CareKind.rawValue`: an indexed load, where a switch on a kind drawn at random mispredicted.
public struct CostShapes: Sendable, Equatable {
    public var shapes: ByCareKind<LognormalShape>

    /// The costs of `care` (start-year prices) times `priceFactor`.
    init(_ care: Parameters.Care, priceFactor: Double) {
        shapes = Table(CareKind.allCases.map { kind in
            let d = care.costDistribution(kind)
            let base = LognormalShape(mean: d.mean, sd: d.sd)
            return LognormalShape(zeta: base.zeta + log(priceFactor), sigma: base.sigma)
        })
    }

    @inlinable public subscript(_ kind: CareKind) -> LognormalShape { shapes[kind.rawValue] }
}

extension Parameters.Care {
    /// Cost distribution of a kind of care, in start-year prices.
    public func costDistribution(_ kind: CareKind) -> CostDistribution {
        switch kind {
        case .csCom: costCSCom
        case .csRef: costCSRef
        case .hospital: costHospital
        case .delivery: costDelivery
        case .caesarean: costCaesarean
        case .antenatal: costAntenatal
        }
    }
}
