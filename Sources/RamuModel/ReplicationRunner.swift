import EventEngine
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// One replication: the initial population, then year after year the households' blocks in parallel,
/// the year's money and its indicators.
enum ReplicationRunner {
    static func run(_ p: Parameters, timeline: PolicyTimeline, seed: UInt64, replication: Int, threads: Int,
                    microdata: Bool, tracker: ProgressTracker) -> ReplicationResult {
        let weight = 1 / p.simulation.sampleFraction
        let start = timeline.parameters(at: Double(p.simulation.startYear), base: p)
        // Built straight into the store: a local copy of the blocks kept alive would make the store's
        // first write to each block copy it (copy-on-write), doubling the population in memory.
        let store = BlockStore(InitialPopulation.build(start, seed: seed, replication: replication, threads: threads))
        if start.ramu.active {
            for b in 0..<store.count { store.withBlock(b) { $0.mergeIntoRAMU() } }
        }
        var census = Census()
        var consumption: [ConsumptionPoint] = []
        for block in store.blocks {
            census.add(block.census())
            consumption.append(contentsOf: block.consumptionPoints())
        }
        let startHealthBudget = start.budget.healthShare * start.macro.stateBudgetShareOfGDP * start.macro.gdp2020
        var pools = PoolHistory()
        var result = ReplicationResult(replication: replication, years: [],
                                       eventCounts: Array(repeating: 0, count: HouseholdEventKind.allCases.count))

        for year in p.simulation.startYear..<p.simulation.endYear {
            // The median (for the SPL) and the quintile boundaries, in one selection.
            let q = weightedQuantiles(&consumption, [0.2, 0.4, 0.5, 0.6, 0.8])
            let plain = YearContext(year: year, base: p, timeline: timeline, seed: seed, replication: replication,
                                    census: census, medianConsumption: q[2], quintileCuts: [q[0], q[1], q[3], q[4]])
            let context = plain.withSubsidisedQuota(pools.subsidisedQuotaShare(plain, census: census, weight: weight))
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
                if microdata { result.households.append(contentsOf: r.records) }
            }
            let money = YearMoney(year: year, segments: context.segments, accounts: accounts, weight: weight,
                                  population: census.population * weight, startHealthBudget: startHealthBudget,
                                  gratuiteBudgetLine: pools.gratuiteBudgetLine(context, accounts: accounts, weight: weight))
            pools.close(year: year, money: money, accounts: accounts, context: context)
            result.years.append(YearIndicators(year: year, census: census, accounts: accounts, money: money,
                                               reserve: pools.reserve, weight: weight))
            result.taxRevenue.append(money.taxRevenue)
            result.money.append(money)
            result.quintiles.append(QuintileYear(year: year, accounts: accounts.quintiles, weight: weight))
            result.subsidisedEnrolments.append(accounts.subsidisedEnrolments)
            for kind in HouseholdEventKind.allCases { result.eventCounts[Int(kind.rawValue)] += accounts.events[kind] }
            census = nextCensus
            tracker.yearDone()
        }
        return result
    }
}

/// What the pools carry from one year to the next: the reserve, the state's last separate spending on
/// gratuités (the budget line it hands to the pool when they are integrated), and the cost of a member.
struct PoolHistory {
    var reserve = 0.0
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
        for s in c.segments where s.gratuitesIntegrated {
            let p = s.parameters
            if let last = lastSeparateGratuites {
                line += s.duration * last.cost * pow(1 + p.macro.inflation, Double(c.year - last.year))
            } else if p.gratuites.integratedEffectiveness > 0 {
                // (At an effectiveness of 0 the pool paid nothing to scale from: the line stays 0.)
                let share = s.duration / c.segments.filter(\.gratuitesIntegrated).reduce(0) { $0 + $1.duration }
                line += share * accounts.gratuitePaidByPool * weight / 1_000_000
                    * p.gratuites.effectiveness / p.gratuites.integratedEffectiveness
            }
        }
        return line
    }

    /// `constrained` (MODEL.md section 7): the share of this year's candidates the pool can take into
    /// subsidised RAMU cover while it has the money for them. A member admitted now stays: the pool must
    /// be able to pay every member's expected net cost (claims and admin beyond the premium) until the
    /// end of the run from its reserve and its earmarked taxes, or its reserve would later fall below
    /// zero because of today's enrolment. Conservative on every count: new members cost a whole year,
    /// formal members bring only the premium, nobody leaves, and taxes are assumed to grow no faster
    /// than medical costs. nil when enrolment is not constrained this year.
    func subsidisedQuotaShare(_ c: YearContext, census: Census, weight: Double) -> Double? {
        guard let s = c.segments.first(where: { $0.parameters.simulation.financingRule == .constrained
                                                && $0.parameters.ramu.active }) else { return nil }
        let p = s.parameters
        guard census.subsidisedCandidates > 0 else { return 0 }
        // Without a measured cost yet, nobody new is taken on.
        guard let cost = memberCost else { return 0 }
        let growth = 1 + p.macro.medicalInflation
        let net = cost.fcfa * pow(growth, Double(c.year - cost.year)) - p.ramu.premium
        guard net > 0 else { return nil }
        // Σ growth^k over the years left, this one included.
        let yearsLeft = p.simulation.endYear - c.year
        let horizon = (0..<max(1, yearsLeft)).reduce(0.0) { $0 + pow(growth, Double($1)) }
        let elapsed = Double(c.year - p.simulation.startYear)
        let nominalGrowth = pow((1 + p.macro.realGDPGrowth) * (1 + p.macro.inflation), elapsed)
        let taxes = p.taxes.reduce(0.0) { sum, tax in
            sum + tax.base * nominalGrowth * tax.rate * tax.collectionEfficiency * tax.shareToRAMU
                * min(1, max(0, Double(c.year + 1) - tax.start))
        }
        let fcfa = 1_000_000 / weight  // MFCFA for Mali → unweighted FCFA
        let existing = census.byRegime[Int(Regime.ramu.rawValue)] + census.byRegime[Int(Regime.amo.rawValue)]
            + census.byRegime[Int(Regime.ramed.rawValue)] + census.byRegime[Int(Regime.mutuelle.rawValue)]
        let available = reserve * fcfa + horizon * (taxes * fcfa - existing * net)
        return max(0, available / (horizon * net)) / census.subsidisedCandidates
    }

    mutating func close(year: Int, money: YearMoney, accounts: YearAccounts, context: YearContext) {
        reserve += money.poolBalance
        if !context.segments.contains(where: \.gratuitesIntegrated) {
            lastSeparateGratuites = (year, money.separateGratuites)
        }
        if accounts.insuredMemberYears > 0 {
            memberCost = (year, accounts.ramuEquivalentCost / accounts.insuredMemberYears)
        }
    }
}

extension YearContext {
    func withSubsidisedQuota(_ share: Double?) -> YearContext {
        YearContext(copying: self, subsidisedQuotaShare: share)
    }
}

extension HouseholdBlock {
    /// Head-counts of the block as it stands (at the start of a year).
    func census() -> Census {
        var c = Census()
        for h in households {
            let first = Int(h.firstMember)
            c.count(h, members: members[first..<first + Int(h.memberSlots)])
        }
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
         weight: Double) {
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
        self[.healthBudgetShare] = 100 * m.healthShare
        self[.earmarkedTaxRevenue] = m.earmarkedTaxes
        self[.poolRevenue] = m.poolRevenue
        self[.poolSpending] = m.poolSpending
        self[.poolBalance] = m.poolBalance
        self[.poolReserve] = reserve
        self[.financingGap] = max(0, -m.poolBalance) + max(0, -m.fiscalSpace)
        self[.fiscalSpace] = m.fiscalSpace
    }
}
