import EventEngine

/// One replication: the initial population, then year after year the households' blocks in parallel,
/// the year's money and its indicators.
enum ReplicationRunner {
    static func run(_ p: Parameters, seed: UInt64, replication: Int, threads: Int, microdata: Bool,
                    tracker: ProgressTracker) -> ReplicationResult {
        let weight = 1 / p.simulation.sampleFraction
        let store = BlockStore(InitialPopulation.build(p, seed: seed, replication: replication, threads: threads))
        var census = Census()
        var consumption: [ConsumptionPoint] = []
        for block in store.blocks {
            census.add(block.census())
            consumption.append(contentsOf: block.consumptionPoints())
        }
        let startHealthBudget = p.budget.healthShare * p.macro.stateBudgetShareOfGDP * p.macro.gdp2020
        var reserve = 0.0
        var years: [YearIndicators] = []
        var records: [HouseholdYearRecord] = []
        var events = Array(repeating: 0, count: HouseholdEventKind.allCases.count)

        for year in p.simulation.startYear..<p.simulation.endYear {
            let context = YearContext(year: year, parameters: p, seed: seed, replication: replication,
                                      census: census, medianConsumption: weightedMedian(&consumption))
            let blockResults = Parallel.map(count: store.count, threads: threads,
                                                  makeWorker: { HouseholdWorker() }) { worker, b in
                store.withBlock(b) { worker.simulateBlockYear(&$0, context, weight: weight, microdata: microdata) }
            }
            var accounts = YearAccounts()
            var nextCensus = Census()
            consumption.removeAll(keepingCapacity: true)
            for r in blockResults {
                accounts.add(r.accounts)
                nextCensus.add(r.nextCensus)
                consumption.append(contentsOf: r.nextConsumption)
                if microdata { records.append(contentsOf: r.records) }
            }
            let money = YearMoney(year: year, p, accounts: accounts, weight: weight,
                                  population: census.population * weight, startHealthBudget: startHealthBudget)
            reserve += money.poolBalance
            years.append(YearIndicators(year: year, census: census, accounts: accounts, money: money,
                                        reserve: reserve, weight: weight, parameters: p))
            for k in events.indices { events[k] += accounts.events[k] }
            census = nextCensus
            tracker.yearDone()
        }
        return ReplicationResult(replication: replication, years: years, households: records, eventCounts: events)
    }
}

extension HouseholdBlock {
    /// Head-counts of the block as it stands (at the start of a year).
    func census() -> Census {
        var c = Census()
        for h in households {
            let n = Double(h.sizeAtYearStart)
            c.population += n
            c.households += 1
            c.byRegime[Int(h.regime.rawValue)] += n
        }
        c.womenNotPregnant = womenNotPregnant()
        return c
    }

    func consumptionPoints() -> [ConsumptionPoint] {
        households.map { ConsumptionPoint(perPerson: $0.consumptionPerPerson, persons: Double($0.sizeAtYearStart)) }
    }
}

extension YearIndicators {
    /// The indicators of section 9 for one year: stocks from the census at its start, flows from its
    /// accounts and money, the reserve at its end.
    init(year: Int, census: Census, accounts a: YearAccounts, money m: YearMoney, reserve: Double,
         weight: Double, parameters p: Parameters) {
        self.init(year: year)
        let people = census.population
        func percent(_ x: Double, of total: Double) -> Double { total > 0 ? 100 * x / total : 0 }
        func regimeShare(_ r: Regime) -> Double { percent(census.byRegime[Int(r.rawValue)], of: people) }
        self[.population] = people * weight
        self[.coverageAMO] = regimeShare(.amo)
        self[.coverageRAMED] = regimeShare(.ramed)
        self[.coverageMutuelle] = regimeShare(.mutuelle)
        self[.coverageRAMU] = regimeShare(.ramu)
        self[.coverageTotal] = self[.coverageAMO] + self[.coverageRAMED] + self[.coverageMutuelle] + self[.coverageRAMU]
        self[.uncovered] = census.byRegime[Int(Regime.none.rawValue)] * weight
        self[.careNeeds] = a.needs * weight
        self[.careEpisodes] = a.episodes * weight
        self[.forgoneCare] = percent(a.needs - a.episodes, of: a.needs)
        let bySource = m.cheBySource
        self[.cheTotal] = m.cheTotal
        self[.cheState] = bySource[FinancingSource.state.rawValue]
        self[.cheCollectivites] = bySource[FinancingSource.collectivites.rawValue]
        self[.cheDonors] = bySource[FinancingSource.donors.rawValue]
        self[.cheContributions] = bySource[FinancingSource.contributions.rawValue]
        self[.chePremiums] = bySource[FinancingSource.premiums.rawValue]
        self[.cheTaxes] = bySource[FinancingSource.taxes.rawValue]
        self[.cheOOP] = bySource[FinancingSource.outOfPocket.rawValue]
        self[.oopShare] = percent(m.outOfPocket, of: m.cheTotal)
        self[.oopPerCapita] = people > 0 ? a.outOfPocket / people : 0
        self[.catastrophic10] = percent(a.catastrophic10, of: people)
        self[.catastrophic25] = percent(a.catastrophic25, of: people)
        self[.hardshipImpoverishing] = percent(a.hardshipImpoverishing, of: people)
        self[.hardshipLarge] = percent(a.hardshipLarge, of: people)
        self[.catastrophicDiscretionary40] = self[.hardshipImpoverishing] + self[.hardshipLarge]
        self[.impoverished] = a.impoverished * weight
        self[.furtherImpoverished] = a.furtherImpoverished * weight
        self[.gratuitesCost] = m.gratuitesCost
        self[.healthBudget] = m.healthBudget
        self[.healthBudgetShare] = 100 * p.budget.healthShare
        self[.earmarkedTaxRevenue] = m.earmarkedTaxes
        self[.poolRevenue] = m.poolRevenue
        self[.poolSpending] = m.poolSpending
        self[.poolBalance] = m.poolBalance
        self[.poolReserve] = reserve
        self[.financingGap] = max(0, -m.poolBalance) + max(0, -m.fiscalSpace)
        self[.fiscalSpace] = m.fiscalSpace
    }
}
