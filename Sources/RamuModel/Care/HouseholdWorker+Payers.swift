// One episode of care: sought or forgone, its cost, and who pays it (MODEL.md sections 5 and 6).
extension HouseholdWorker {
    /// One need of member `m` for a delivery or an antenatal visit: seek care or forgo it, then as
    /// `soughtEpisode`. Returns what the household pays out of pocket.
    mutating func careEpisode(member m: Int, kind: CareKind, _ h: Household, _ s: Segment,
                              _ a: inout YearAccounts) -> Double {
        a.needs += 1
        household.needs += 1
        needs[m].noNeed = 0
        needsByMember = true
        let eligible = members[m].gratuiteEligible
        // An unmet need draws nothing more: forgone care costs nothing and needs no cost draw.
        let u = episodes.uniform()
        let seek = care.seekProbability(covered: h.regime != .none, eligible: eligible)
        guard u < seek else {
            // Forgone for its cost: below the chance of seeking without the barrier (as in `meetNeeds`).
            if u < seek + care.costBarrier(covered: h.regime != .none, eligible: eligible) { needs[m].noCostForgone = 0 }
            return 0
        }
        var kind = kind
        if kind == .delivery && episodes.uniform() < s.rules.pointee.care.caesareanProbability {
            kind = .caesarean
        }
        return soughtEpisode(eligible: eligible, kind: kind, cost: cost(of: kind, s), h, s, &a)
    }

    /// The cost of an episode of care of `kind`, lognormal (section 5).
    @inline(__always) func cost(of kind: CareKind, _ s: Segment) -> Double {
        let shape = s.rules.pointee.care.costShapes[kind]
        return episodes.lognormal(zeta: shape.zeta, sigma: shape.sigma)
    }

    /// A need for which care was sought, of `kind` (a level, an antenatal visit, a delivery or a
    /// caesarean) and cost `cost`: the payer cascade (section 5). `eligible`, whether the member is
    /// eligible for a gratuité. Returns what the household pays out of pocket.
    mutating func soughtEpisode(eligible: Bool, kind: CareKind, cost: Double, _ h: Household, _ s: Segment,
                                _ a: inout YearAccounts) -> Double {
        let rules = s.rules
        let regime = h.regime
        // The regime's row read field by field in place (a method on it copied its 18 coverage rates).
        let benefits = rules.pointer(to: \.regimes)!.entry(Int(regime.rawValue)).pointer(to: \.benefits)!
        a.episodes += 1
        household.episodes += 1
        let gratuiteWorks = eligible && episodes.uniform() < rules.pointee.care.gratuiteEffectiveness
        let coverage = benefits.pointer(to: \.coverage)!.entry(Int(h.sector.rawValue)).entry(kind.rawValue).pointee
        let split = CostSplit.split(cost: cost, gratuiteWorks: gratuiteWorks, coverageRate: coverage)
        // What the gratuité paid (0 if it did not work: added all the same, as a branch on it mispredicts).
        a.gratuiteCost += split.gratuite
        if rules.pointee.care.gratuitesIntegrated {
            // One purchaser: the RAMU pool pays the act and administers it.
            let purchaser = Rules.gratuitePurchaser
            a.gratuitePaidByPool += split.gratuite
            household.poolClaims += split.gratuite
            a.admin[purchaser] += rules.pointee.regimes[purchaser].benefits.adminRate * split.gratuite
            if regime != .none { a.packageEquivalentCost += rules.pointee.packageCostOfGratuites * split.gratuite }
        }
        if regime != .none {
            let spending = RegimeBenefits.spending(claims: split.regime, adminRate: benefits.pointee.adminRate,
                                                   byState: benefits.pointee.spendingPaidByState,
                                                   byCollectivites: benefits.pointee.spendingPaidByCollectivites)
            a.claims[regime] += split.regime
            household.poolClaims += split.regime
            a.admin[regime] += spending.admin
            // Spending the budget pays rather than the pool's revenue (RAMED's; zero elsewhere).
            a.spendingPaidByState[regime] += spending.paidByState
            a.spendingPaidByCollectivites[regime] += spending.paidByCollectivites
            // Claims of members who pay contributions (AMO's), for the claims ratio of contributors.
            a.contributorClaims += contributes ? split.regime : 0
            // What RAMU's package would have paid for the part the gratuité left (all of it, or nothing).
            let package = rules.pointer(to: \.packageCost)!.entry(Int(h.sector.rawValue)).entry(kind.rawValue).pointee
            a.packageEquivalentCost += package * (cost - split.gratuite)
        }
        return split.outOfPocket
    }
}
