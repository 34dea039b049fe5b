/// One replication's value of every indicator for one year, indexed by `Indicator.index`.
public struct YearIndicators: Sendable, Equatable {
    public var year: Int
    public var values: [Double]

    public init(year: Int) {
        self.year = year
        values = Array(repeating: 0, count: Indicator.allCases.count)
    }

    public subscript(_ indicator: Indicator) -> Double {
        get { values[indicator.index] }
        set { values[indicator.index] = newValue }
    }
}

extension YearIndicators {
    /// The indicators of section 9 for one year: stocks from the census at its start, flows from its
    /// accounts and money, the reserve at its end.
    init(year: Int, census: Census, accounts a: YearAccounts, money m: YearMoney, reserve: Double,
         weight: Double) {
        self.init(year: year)
        let people = census.population
        func percent(_ x: Double, of total: Double) -> Double { total > 0 ? 100 * x / total : 0 }
        self[.population] = people * weight
        var covered = 0.0
        for regime in Regime.pools {
            let share = percent(census.byRegime[Int(regime.rawValue)], of: people)
            self[Indicator.coverage(of: regime)] = share
            covered += share
        }
        self[.coverageTotal] = covered
        self[.uncovered] = census.byRegime[Int(Regime.none.rawValue)] * weight
        self[.careNeeds] = a.needs * weight
        self[.careEpisodes] = a.episodes * weight
        self[.forgoneCare] = percent(a.needs - a.episodes, of: a.needs)
        self[.forgoneCareCost] = percent(a.peopleForgoingCareForCost, of: a.peopleWithNeed)
        let bySource = m.cheBySource
        self[.cheTotal] = m.cheTotal
        self[.cheState] = bySource[FinancingSource.state.rawValue]
        self[.cheCollectivites] = bySource[FinancingSource.collectivites.rawValue]
        self[.cheDonors] = bySource[FinancingSource.donors.rawValue]
        self[.cheContributions] = bySource[FinancingSource.contributions.rawValue]
        self[.chePremiums] = bySource[FinancingSource.premiums.rawValue]
        self[.cheTaxes] = bySource[FinancingSource.taxes.rawValue]
        self[.cheOOP] = bySource[FinancingSource.outOfPocket.rawValue]
        // Levels a minister reads: per person in dollars (at `donors.fcfa_per_usd`), in points of GDP.
        func dollars(_ fcfa: Double) -> Double { m.fcfaPerUSD > 0 ? fcfa / m.fcfaPerUSD : 0 }
        self[.chePerCapitaUSD] = people > 0 ? dollars(m.cheTotal * 1_000_000 / (people * weight)) : 0
        self[.chePctGDP] = percent(m.cheTotal, of: m.gdp)
        self[.oopShare] = percent(m.outOfPocket, of: m.cheTotal)
        self[.oopPerCapita] = people > 0 ? a.outOfPocket / people : 0
        self[.oopPerCapitaUSD] = dollars(self[.oopPerCapita])
        self[.catastrophic10] = percent(a.catastrophic10, of: people)
        self[.catastrophic25] = percent(a.catastrophic25, of: people)
        self[.hardshipImpoverishing] = percent(a.hardshipImpoverishing, of: people)
        self[.hardshipLarge] = percent(a.hardshipLarge, of: people)
        self[.catastrophicDiscretionary40] = self[.hardshipImpoverishing] + self[.hardshipLarge]
        self[.impoverished] = a.impoverished * weight
        self[.furtherImpoverished] = a.furtherImpoverished * weight
        self[.povertyHeadcount] = percent(a.poorBeforeOOP, of: people)
        self[.povertyHeadcountAfterOOP] = percent(a.poorAfterOOP, of: people)
        self[.oopConcentration] = a.concentration.index(of: a.concentration.outOfPocket)
        self[.poolBenefitConcentration] = a.concentration.index(of: a.concentration.poolClaims)
        self[.gratuitesCost] = m.gratuitesCost
        self[.healthBudget] = m.healthBudget
        self[.healthBudgetShare] = 100 * m.healthShare
        self[.stateHealthSpendingPctGDP] = percent(self[.cheState], of: m.gdp)
        self[.earmarkedTaxRevenue] = m.earmarkedTaxes
        self[.statePoolSubsidy] = m.poolSubsidy
        self[.stateRAMUAllocation] = m.ramuAllocation
        self[.poolRevenue] = m.poolRevenue
        self[.poolSpending] = m.poolSpending
        self[.poolBalance] = m.poolBalance
        self[.poolReserve] = reserve
        // (0 while the pools spend next to nothing: a month of a few FCFA says nothing.)
        self[.poolReserveMonths] = m.poolSpending > 1e-3 ? reserve / (m.poolSpending / 12) : 0
        self[.amoClaimsRatio] = percent(a.contributorClaims, of: a.contributions.total)
        self[.financingGap] = m.financingGap
        self[.financingGapPctGDP] = percent(m.financingGap, of: m.gdp)
        self[.fiscalSpace] = m.fiscalSpace
    }
}
