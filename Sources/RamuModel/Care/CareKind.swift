/// What kind of care an episode is, which decides its cost distribution and the coverage rate applied.
public enum CareKind: Int, Sendable, CaseIterable {
    case csCom, csRef, hospital, delivery, caesarean, antenatal

    /// Hospital-level care for benefit rules (AMO's 80 % rate; mutuelles cover only CSCom and CSRéf).
    public var isHospital: Bool { self == .hospital || self == .caesarean }
}

/// One entry per kind of care, by `CareKind.rawValue`.
public typealias ByCareKind<Element: Sendable & Equatable> = Table<6, Element>

/// Who pays for one episode of care (MODEL.md section 5, the payer cascade), in FCFA.
public struct CostSplit: Sendable, Equatable {
    public var gratuite: Double
    public var regime: Double
    public var outOfPocket: Double

    /// The cascade: a gratuité pays all if it works for this eligible member; otherwise the member's
    /// regime pays its coverage rate and the household pays the rest.
    /// (Written without a branch: whether a gratuité works is a coin toss.)
    public static func split(cost: Double, gratuiteWorks: Bool, coverageRate: Double) -> CostSplit {
        let gratuite = gratuiteWorks ? cost : 0
        let regime = coverageRate * (cost - gratuite)
        return CostSplit(gratuite: gratuite, regime: regime, outOfPocket: cost - gratuite - regime)
    }
}
