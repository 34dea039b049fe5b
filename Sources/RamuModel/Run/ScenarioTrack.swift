/// One scenario's side of a replication: its parameters and timeline, its pools, and its results.
struct ScenarioTrack {
    let base: Parameters
    let timeline: PolicyTimeline
    /// What its initial population is built from.
    let recipe: InitialPopulation.Recipe
    let startHealthBudget: Double
    var pools = PoolHistory()
    var result: ReplicationResult

    init(_ p: Parameters, timeline: PolicyTimeline, replication: Int) {
        base = p
        self.timeline = timeline
        let start = timeline.parameters(at: Double(p.simulation.startYear), base: p)
        recipe = InitialPopulation.Recipe(start)
        startHealthBudget = start.healthBudget(year: start.simulation.startYear)
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
