// What the rule tables say one episode of care, or one stretch of enrolment, costs whom (MODEL.md
// sections 5 to 7): the functions the simulation's hot path calls, and that economists' test cases
// (Tests/RamuModelTests/Cases) check directly.

extension Rules {
    /// Who pays an episode of `cost` FCFA of `kind` for a member of `regime` in a household of `sector`
    /// (the payer cascade): the gratuité, if it works for this eligible member, pays everything;
    /// otherwise the regime pays its coverage rate and the household the rest.
    public func split(cost: Double, kind: CareKind, regime: Regime, sector: Sector, gratuiteWorks: Bool) -> CostSplit {
        regimes[regime].benefits.split(cost: cost, kind: kind, sector: sector, gratuiteWorks: gratuiteWorks)
    }
}

extension RegimeBenefits {
    /// `Rules.split` for a member of this regime: its coverage rate, in the cascade (`CostSplit.split`, what
    /// the hot path calls with the same table entry, read in place).
    public func split(cost: Double, kind: CareKind, sector: Sector, gratuiteWorks: Bool) -> CostSplit {
        CostSplit.split(cost: cost, gratuiteWorks: gratuiteWorks, coverageRate: coverage[Int(sector.rawValue)][kind.rawValue])
    }
}

/// What a regime's claims cost beyond themselves (section 7), FCFA.
public struct RegimeSpending: Sendable, Equatable {
    /// Administration of the claims.
    public var admin: Double
    /// The part of claims and administration the state budget and the collectivités pay (RAMED's).
    public var paidByState: Double
    public var paidByCollectivites: Double
}

extension RegimeBenefits {
    /// The administration and the budget's share of `claims` FCFA paid by this regime.
    public func spending(claims: Double) -> RegimeSpending {
        Self.spending(claims: claims, adminRate: adminRate, byState: spendingPaidByState,
                      byCollectivites: spendingPaidByCollectivites)
    }

    /// `spending(claims:)` from the row's three rates (what the hot path reads in place).
    @inline(__always)
    static func spending(claims: Double, adminRate: Double, byState: Double, byCollectivites: Double) -> RegimeSpending {
        let admin = adminRate * claims
        return RegimeSpending(admin: admin, paidByState: byState * (claims + admin),
                              paidByCollectivites: byCollectivites * (claims + admin))
    }
}

/// What an enrolled household pays in over a stretch (section 7), FCFA.
public struct PremiumsDue: Sendable, Equatable {
    /// Contributions on the covered wage (AMO's).
    public var contributions: Double
    /// The premium's household share, and the state's (the subsidy).
    public var household: Double
    public var state: Double
}

extension RegimeFinancing {
    /// What a household of `sector` with `persons` members owes over `years` years.
    @inline(__always) public func due(sector: Sector, persons: Int, years: Double) -> PremiumsDue {
        let s = Int(sector.rawValue)
        let gross = Double(persons) * years * premium[s]
        let stateShare = premiumStateShare[s]
        return PremiumsDue(contributions: years * contributionPerHousehold[s], household: (1 - stateShare) * gross,
                           state: stateShare * gross)
    }
}
