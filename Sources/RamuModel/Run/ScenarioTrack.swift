#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// One scenario's side of a replication: its parameters and timeline, its pools, and its results.
struct ScenarioTrack {
    let base: Parameters
    let timeline: PolicyTimeline
    /// What its initial population is built from.
    let recipe: InitialPopulation.Recipe
    var pools = PoolHistory()
    var result: ReplicationResult
    /// The supply side of the start year (MFCFA), once known: given by the scenario, or derived from
    /// its start year (MODEL.md section 7, second version); and the population then (unweighted).
    var startSupplySide: Double?
    var startPopulation = 0.0

    init(_ p: Parameters, timeline: PolicyTimeline, replication: Int) {
        base = p
        self.timeline = timeline
        let start = timeline.parameters(at: Double(p.simulation.startYear), base: p)
        recipe = InitialPopulation.Recipe(start)
        result = ReplicationResult(replication: replication, years: [],
                                   eventCounts: Array(repeating: 0, count: HouseholdEventKind.allCases.count))
    }

    var weight: Double { 1 / base.simulation.sampleFraction }

    /// The year as this scenario's households see it (its policies, and its pool's room for new members).
    /// - Parameter q: consumption per person at every half percentile (`Population.halfPercentiles`).
    func context(year: Int, seed: UInt64, census: Census, _ q: [Double]) -> YearContext {
        let cuts = stride(from: 1, to: 199, by: 2).map { q[$0] }, middles = stride(from: 0, to: 199, by: 2).map { q[$0] }
        let plain = YearContext(year: year, base: base, timeline: timeline, seed: seed, replication: result.replication,
                                census: census, medianConsumption: q[99], percentileCuts: cuts,
                                percentileMiddles: middles)
        return plain.withSubsidisedQuota(pools.subsidisedQuotaShare(plain, census: census, weight: weight))
    }

    /// The year's money and indicators, from what the households did under `context`.
    mutating func close(year: Int, _ context: YearContext, _ outcome: YearOutcome, census: Census) {
        let accounts = outcome.accounts
        var money = YearMoney(year: year, segments: context.segments, accounts: accounts, weight: weight,
                              population: census.population * weight,
                              gratuiteBudgetLine: pools.gratuiteBudgetLine(context, accounts: accounts, weight: weight))
        // RAMU, while active, is the one pool: the others' reserves are merged into it.
        let pooled = context.segments.lazy.compactMap(\.rules.pooledInto).first
        if let pool = pooled { pools.merge(into: pool) }
        let supply = supplySide(year: year, context, census: census, money)
        // Allocated to RAMU over the part of the year it is active, at the share then in force.
        let share = context.segments.reduce(0.0) { $0 + ($1.rules.pooledInto == nil ? 0 : $1.duration * $1.parameters.budget.ramuAllocationShare) }
        money.allocateStateBudget(supplySide: supply, reserves: pools.reserves, allocationShare: share, allocationPool: pooled)
        pools.close(year: year, money: money, accounts: accounts, context: context)
        result.years.append(YearIndicators(year: year, census: census, accounts: accounts, money: money,
                                           reserve: pools.reserves.total, weight: weight))
        result.taxRevenue.append(money.taxRevenue)
        result.money.append(money)
        result.quintiles.append(QuintileYear(year: year, accounts: accounts.quintiles, weight: weight))
        result.subsidisedEnrolments.append(accounts.subsidisedEnrolments)
        result.households.append(contentsOf: outcome.records)
        result.startSupplySide = startSupplySide
        for kind in HouseholdEventKind.allCases { result.eventCounts[Int(kind.rawValue)] += accounts.events[kind] }
    }

    /// This year's supply side (MFCFA): the start year's, grown with the population and prices, and
    /// `budget.supply_side_real_growth` a year (averaged over the year's segments). The start year's is
    /// the scenario's `budget.supply_side`, or, derived, what the health budget has left in the start
    /// year after its commitments and the pools' deficits (none below zero), so that the base year is in
    /// balance.
    mutating func supplySide(year: Int, _ context: YearContext, census: Census, _ money: YearMoney) -> Double {
        if startSupplySide == nil {
            startPopulation = census.population
            startSupplySide = context.segments[0].parameters.budget.supplySide
                ?? max(0, money.healthBudget - money.stateCommitments - money.poolDeficits(reserves: pools.reserves))
        }
        let growth = context.segments.reduce(0.0) { sum, s in
            let p = s.parameters
            return sum + s.duration * p.priceIndex(year: year) * pow(1 + p.budget.supplySideRealGrowth, p.yearsSinceStart(year))
        }
        let population = startPopulation > 0 ? census.population / startPopulation : 1
        return startSupplySide! * population * growth
    }
}
