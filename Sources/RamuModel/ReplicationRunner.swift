#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// One replication: the initial population, then year after year the households' blocks in parallel,
/// the year's money and its indicators.
///
/// Several scenarios can run one replication together. Households see only part of the parameters
/// (not the state budget, donors or earmarked taxes), so scenarios whose households see the same
/// thing in a year simulate exactly the same households that year (common random numbers): that year
/// is simulated once for all of them, and each computes its own money from the same accounts. Where
/// a scenario's households start to differ, it goes on with its own copy of the population.
/// The results are those of each scenario run alone, to the byte.
enum ReplicationRunner {
    static func run(_ p: Parameters, timeline: PolicyTimeline, seed: UInt64, replication: Int, threads: Int,
                    microdata: Bool, tracker: ProgressTracker) -> ReplicationResult {
        run([(p, timeline)], seed: seed, replication: replication, threads: threads, microdata: microdata,
            tracker: tracker)[0]
    }

    /// One replication of each scenario (same sample fraction and years), in the scenarios' order.
    static func run(_ scenarios: [(parameters: Parameters, timeline: PolicyTimeline)], seed: UInt64,
                    replication: Int, threads: Int, microdata: Bool, tracker: ProgressTracker) -> [ReplicationResult] {
        var tracks = scenarios.map { ScenarioTrack($0.parameters, timeline: $0.timeline, replication: replication) }
        // Populations and the scenarios that share each one, built once per distinct start.
        var lines: [(population: Population, scenarios: [Int])] = []
        for i in tracks.indices {
            if let k = lines.firstIndex(where: { tracks[$0.scenarios[0]].start.householdView == tracks[i].start.householdView }) {
                lines[k].scenarios.append(i)
            } else {
                lines.append((Population(tracks[i].start, seed: seed, replication: replication, threads: threads), [i]))
            }
        }
        let p = scenarios[0].parameters
        for year in p.simulation.startYear..<p.simulation.endYear {
            var next: [(population: Population, scenarios: [Int])] = []
            for line in lines {
                // The median (for the SPL) and the quintile boundaries, in one selection.
                let q = line.population.quantiles()
                let contexts = line.scenarios.map { tracks[$0].context(year: year, seed: seed, census: line.population.census, q) }
                // Scenarios whose households see the same year go on together; the others each on a copy.
                var groups: [[Int]] = []
                for k in line.scenarios.indices {
                    if let g = groups.firstIndex(where: { contexts[$0[0]].simulatesHouseholdsAs(contexts[k]) }) {
                        groups[g].append(k)
                    } else {
                        groups.append([k])
                    }
                }
                // Copies are taken before anyone simulates the year.
                let populations = groups.indices.map { $0 == 0 ? line.population : line.population.copy() }
                for (group, population) in zip(groups, populations) {
                    let outcome = population.simulateYear(contexts[group[0]], threads: threads, microdata: microdata)
                    for k in group {
                        tracks[line.scenarios[k]].close(year: year, contexts[k], outcome, census: population.census)
                        tracker.yearDone()
                    }
                    population.census = outcome.nextCensus
                    next.append((population, group.map { line.scenarios[$0] }))
                }
            }
            lines = next
        }
        return tracks.map(\.result)
    }
}

/// One scenario's side of a replication: its parameters and timeline, its pools, and its results.
struct ScenarioTrack {
    let base: Parameters
    let timeline: PolicyTimeline
    let start: Parameters
    let startHealthBudget: Double
    var pools = PoolHistory()
    var result: ReplicationResult

    init(_ p: Parameters, timeline: PolicyTimeline, replication: Int) {
        base = p
        self.timeline = timeline
        start = timeline.parameters(at: Double(p.simulation.startYear), base: p)
        startHealthBudget = start.budget.healthShare * start.macro.stateBudgetShareOfGDP * start.macro.gdp2020
        result = ReplicationResult(replication: replication, years: [],
                                   eventCounts: Array(repeating: 0, count: HouseholdEventKind.allCases.count))
    }

    var weight: Double { 1 / base.simulation.sampleFraction }

    /// The year as this scenario's households see it (its policies, and its pool's room for new members).
    func context(year: Int, seed: UInt64, census: Census, _ q: [Double]) -> YearContext {
        let plain = YearContext(year: year, base: base, timeline: timeline, seed: seed, replication: result.replication,
                                census: census, medianConsumption: q[2], quintileCuts: [q[0], q[1], q[3], q[4]])
        return plain.withSubsidisedQuota(pools.subsidisedQuotaShare(plain, census: census, weight: weight))
    }

    /// The year's money and indicators, from what the households did under `context`.
    mutating func close(year: Int, _ context: YearContext, _ outcome: YearOutcome, census: Census) {
        let accounts = outcome.accounts
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
        result.households.append(contentsOf: outcome.records)
        for kind in HouseholdEventKind.allCases { result.eventCounts[Int(kind.rawValue)] += accounts.events[kind] }
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
