/// The money of one year (MODEL.md section 7), every amount in MFCFA.
public struct YearMoney: Sendable, Equatable {
    public var gdp = 0.0
    /// The health share of the state budget, averaged over the year.
    public var healthShare = 0.0
    public var healthBudget = 0.0
    public var supplySide = 0.0
    public var donors = 0.0
    /// The exchange rate the dollar amounts are read at (FCFA per USD), averaged over the year.
    public var fcfaPerUSD = 0.0
    /// Gratuités paid directly by the state budget (separate arrangement).
    public var separateGratuites = 0.0
    public var gratuitesCost = 0.0
    public var outOfPocket = 0.0
    /// The insurance pools, one per insured regime, in `Regime.pools` order.
    public var pools: [PoolYear] = Regime.pools.map { _ in PoolYear() }
    /// Earmarked tax revenue assigned to RAMU, per instrument (order of `Parameters.taxes`).
    public var taxRevenue: [Double] = []
    /// Demand-side commitments of the state health budget (RAMED's share, separate gratuités, subsidies).
    public var stateCommitments = 0.0
    /// What the budget paid to the pools' deficits and allocated to RAMU, what it had left (fiscal space),
    /// and what neither it nor the pools could pay (`allocateStateBudget`).
    public var poolSubsidy = 0.0
    public var ramuAllocation = 0.0
    public var fiscalSpace = 0.0
    public var financingGap = 0.0

    /// The pool of an insured regime.
    public func pool(_ regime: Regime) -> PoolYear { pools[Regime.pools.firstIndex(of: regime)!] }
    public var poolRevenue: Double { pools.reduce(0) { $0 + $1.totalRevenue } }
    public var poolSpending: Double { pools.reduce(0) { $0 + $1.spending } }
    public var poolBalance: Double { poolRevenue - poolSpending }
    public var earmarkedTaxes: Double { taxRevenue.reduce(0, +) }

    /// CHE: what was spent (section 7): care paid by separate gratuités, pools and households,
    /// supply side, donors, and pools' administration.
    public var cheTotal: Double { separateGratuites + poolSpending + outOfPocket + supplySide + donors }

    /// CHE by source; the seven add up to `cheTotal`.
    public var cheBySource: [Double] {
        var s = Array(repeating: 0.0, count: FinancingSource.allCases.count)
        s[FinancingSource.state.rawValue] = supplySide + separateGratuites
        s[FinancingSource.donors.rawValue] = donors
        s[FinancingSource.outOfPocket.rawValue] = outOfPocket
        for pool in pools {
            for (k, v) in pool.spendingBySource().enumerated() { s[k] += v }
        }
        return s
    }
}

extension YearMoney {
    /// The year's money from its accounts (unweighted FCFA accrued at the rates in force), its policy
    /// segments (budget-level amounts are weighted by how long each segment lasts), and the population
    /// at its start. Every amount in MFCFA.
    /// The state budget's supply side and what it pays beyond its commitments are not set here
    /// (`allocateStateBudget`).
    /// - Parameter gratuiteBudgetLine: what the state transfers to the pool for integrated gratuités this year (MFCFA).
    public init(year: Int, segments: [PolicySegment], accounts a: YearAccounts, weight: Double, population: Double,
                gratuiteBudgetLine: Double) {
        let p0 = segments[0].parameters
        func average(_ f: (Parameters) -> Double) -> Double {
            segments.reduce(0) { $0 + $1.duration * f($1.parameters) }
        }
        let mfcfa = weight / 1_000_000  // unweighted FCFA → MFCFA for Mali

        gdp = average { $0.macro.gdp2020 * $0.nominalGDPIndex(year: year) }
        healthShare = average { $0.budget.healthShare }
        healthBudget = average { $0.healthBudget(year: year) }
        fcfaPerUSD = average { $0.donors.fcfaPerUSD }
        donors = average { $0.donors.perCapitaUSD * $0.donors.fcfaPerUSD * $0.priceIndex(year: year) } * population / 1_000_000
        outOfPocket = a.outOfPocket * mfcfa
        gratuitesCost = a.gratuiteCost * mfcfa
        separateGratuites = (a.gratuiteCost - a.gratuitePaidByPool) * mfcfa
        taxRevenue = p0.taxes.map { $0.revenueToRAMU(year: year, p0) }

        // Each pool: its claims and administration; its members' contributions and premiums; what the
        // state pays (subsidies, and the spending it owes, as RAMED's); what the collectivités pay. The
        // pool that buys integrated gratuités pays them and receives their budget line; the earmarked
        // taxes go to theirs (section 7).
        var budgetShares = 0.0, subsidies: [Double] = []  // the state's commitments
        pools = Regime.pools.map { r in
            var pool = PoolYear()
            let buysGratuites = r == Rules.gratuitePurchaser
            pool.claims = (buysGratuites ? a.claims[r] + a.gratuitePaidByPool : a.claims[r]) * mfcfa
            pool.admin = a.admin[r] * mfcfa
            pool.revenue[FinancingSource.contributions.rawValue] = a.contributions[r] * mfcfa
            pool.revenue[FinancingSource.premiums.rawValue] = a.premiumsHousehold[r] * mfcfa
            let subsidy = a.premiumsState[r] * mfcfa + (buysGratuites ? gratuiteBudgetLine : 0)
            let budgetShare = a.spendingPaidByState[r] * mfcfa
            pool.revenue[FinancingSource.state.rawValue] = budgetShare + subsidy
            pool.revenue[FinancingSource.collectivites.rawValue] = a.spendingPaidByCollectivites[r] * mfcfa
            if r == Rules.taxRecipient { pool.revenue[FinancingSource.taxes.rawValue] = taxRevenue.reduce(0, +) }
            budgetShares += budgetShare
            subsidies.append(subsidy)
            return pool
        }

        // The state budget pays supply side, then the spending it owes (RAMED's share), separate
        // gratuités and subsidies (section 7).
        stateCommitments = subsidies.reduce(budgetShares + separateGratuites, +)
    }
}
