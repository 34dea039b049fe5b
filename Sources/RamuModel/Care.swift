import RandomStreams

/// What kind of care an episode is, which decides its cost distribution and the coverage rate applied.
public enum CareKind: Int, Sendable, CaseIterable {
    case csCom, csRef, hospital, delivery, caesarean, antenatal

    /// Hospital-level care for benefit rules (AMO's 80 % rate; mutuelles cover only CSCom and CSRéf).
    public var isHospital: Bool { self == .hospital || self == .caesarean }
}

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

extension Parameters {
    /// Share of an episode's cost that `regime` pays (MODEL.md section 5; décret 10-578 for AMO).
    /// Antenatal care and deliveries count as outpatient care, caesareans as hospital care.
    public func coverageRate(_ regime: Regime, _ kind: CareKind) -> Double {
        switch regime {
        case .none: 0
        case .amo: kind.isHospital ? amo.coverageHospital : amo.coverageOutpatient
        case .ramed: ramed.coverageRate
        case .mutuelle: kind.isHospital ? 0 : mutuelle.coverageRate
        case .ramu: ramu.coverageRate
        }
    }

    /// Cost distribution of a kind of care, in start-year prices.
    public func costDistribution(_ kind: CareKind) -> CostDistribution {
        switch kind {
        case .csCom: care.costCSCom
        case .csRef: care.costCSRef
        case .hospital: care.costHospital
        case .delivery: care.costDelivery
        case .caesarean: care.costCaesarean
        case .antenatal: care.costAntenatal
        }
    }

    /// Members' annual rate of care needs by group.
    public func needRate(_ group: MemberGroup) -> Double {
        switch group {
        case .underFive: care.needRateUnderFive
        case .woman15to49: care.needRateWoman
        case .other: care.needRateOther
        }
    }

    /// Per-person consumption multiplier of a sector (indigents poorer, formal households richer).
    public func consumptionMultiplier(_ sector: Sector) -> Double {
        switch sector {
        case .formal: consumption.multiplierFormal
        case .indigent: consumption.multiplierIndigent
        case .informal: consumption.multiplierInformal
        }
    }

    /// Birth hazard per person-year that makes births minus deaths grow the population by
    /// `growthRate` a year: ln(1 + g) + d (about 4.1 % at the defaults).
    public var birthHazard: Double { log1p(demography.growthRate) + demography.crudeDeathRate }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
