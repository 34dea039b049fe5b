/// The pools' rules from one year to the next (MODEL.md sections 6 and 7): the reserve each carries
/// (merged into RAMU's when it starts), the gratuité budget line the state hands to the pool once
/// gratuités are integrated, and the room the pool has for new subsidised members under the
/// `constrained` rule.
struct PoolHistory {
    /// Each pool's reserve at the end of the last year closed (MFCFA).
    var reserves = PerRegime()
    /// What the state budget had left last year once it had paid its supply side, commitments and the
    /// pools' deficits (MFCFA): what it can allocate to RAMU.
    var lastUnallocated = 0.0
    /// The last year whose gratuités were all paid separately by the state, and what that cost (MFCFA).
    var lastSeparateGratuites: (year: Int, cost: Double)?
    /// Last year's (claims + admin) of RAMU's package per insured member-year (FCFA), and its year.
    var memberCost: (year: Int, fcfa: Double)?

    /// MODEL.md section 6: when gratuités are integrated, the state's gratuité budget line becomes pool
    /// revenue: its last separate spending, carried forward with inflation, for the integrated part
    /// of the year. Integrated from the start, it is what the state would have paid at the separate
    /// effectiveness.
    func gratuiteBudgetLine(_ c: YearContext, accounts: YearAccounts, weight: Double) -> Double {
        var line = 0.0
        let integrated = c.segments.filter(\.rules.care.gratuitesIntegrated)
        for s in integrated {
            let p = s.parameters
            if let last = lastSeparateGratuites {
                line += s.duration * last.cost * p.macro.priceIndex(after: Double(c.year - last.year))
            } else if p.gratuites.integratedEffectiveness > 0 {
                // (At an effectiveness of 0 the pool paid nothing to scale from: the line stays 0.)
                let share = s.duration / integrated.reduce(0) { $0 + $1.duration }
                line += share * accounts.gratuitePaidByPool * weight / 1_000_000
                    * p.gratuites.effectiveness / p.gratuites.integratedEffectiveness
            }
        }
        return line
    }

    /// `constrained` (MODEL.md section 7): the share of this year's candidates the pool can take into
    /// subsidised RAMU cover while it has the money for them. A member admitted now stays: the pool must
    /// be able to pay every member's expected net cost (claims and admin beyond the premium) until the
    /// end of the run from its reserve, its earmarked taxes and what the state allocates it (as much as
    /// it could last year: second version), or its reserve would later fall below
    /// zero because of today's enrolment. Conservative on every count: new members cost a whole year,
    /// formal members bring only the premium, nobody leaves, and taxes are assumed to grow no faster
    /// than medical costs. nil when enrolment is not constrained this year.
    func subsidisedQuotaShare(_ c: YearContext, census: Census, weight: Double) -> Double? {
        guard let s = c.segments.first(where: { $0.parameters.simulation.financingRule == .constrained
                                                && $0.rules.subsidisedCover != nil }),
              let cover = s.rules.subsidisedCover else { return nil }
        let p = s.parameters
        guard census.subsidisedCandidates > 0 else { return 0 }
        // Without a measured cost yet, nobody new is taken on.
        guard let cost = memberCost else { return 0 }
        let net = cost.fcfa * p.macro.medicalPriceIndex(after: Double(c.year - cost.year)) - cover.premium
        guard net > 0 else { return nil }
        // Σ growth^k over the years left, this one included.
        let yearsLeft = p.simulation.endYear - c.year
        let horizon = (0..<max(1, yearsLeft)).reduce(0.0) { $0 + p.macro.medicalPriceIndex(after: Double($1)) }
        let taxes = p.taxes.reduce(0.0) { $0 + $1.revenueToRAMU(year: c.year, p) }
        // What the state can allocate to RAMU, as it could last year (second version).
        let allocation = p.budget.ramuAllocationShare * max(0, lastUnallocated)
        let fcfa = 1_000_000 / weight  // MFCFA for Mali → unweighted FCFA
        let insured = Regime.pools.reduce(0.0) { $0 + census.byRegime[Int($1.rawValue)] }
        let available = reserves.total * fcfa + horizon * ((taxes + allocation) * fcfa - insured * net)
        return max(0, available / (horizon * net)) / census.subsidisedCandidates
    }

    /// RAMU takes every other pool's reserve (MODEL.md section 8: one pool absorbs the others' money).
    mutating func merge(into pool: Regime) {
        for r in Regime.pools where r != pool {
            reserves[pool] += reserves[r]
            reserves[r] = 0
        }
    }

    mutating func close(year: Int, money: YearMoney, accounts: YearAccounts, context: YearContext) {
        for (i, r) in Regime.pools.enumerated() { reserves[r] += money.pools[i].balance }
        lastUnallocated = money.fiscalSpace + money.ramuAllocation
        if !context.segments.contains(where: \.rules.care.gratuitesIntegrated) {
            lastSeparateGratuites = (year, money.separateGratuites)
        }
        if accounts.insuredMemberYears > 0 {
            memberCost = (year, accounts.packageEquivalentCost / accounts.insuredMemberYears)
        }
    }
}
