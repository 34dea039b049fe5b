import Foundation
import Testing
@testable import RamuModel

/// The policy timeline, RAMU's single pool, integrated gratuités, taxes and the constrained rule
/// (MODEL.md sections 6 to 8), checked on whole runs with common random numbers.
@Suite("Policies: timeline, RAMU, gratuités, constrained financing")
struct PolicyTests {
    static func parameters(_ fraction: Double = 0.0005, endYear: Int = 2031) -> Parameters {
        var p = Parameters()
        p.simulation.sampleFraction = fraction
        p.simulation.endYear = endYear
        return p
    }

    static func step<V: Sendable>(_ key: String, at t: Double, _ path: WritableKeyPath<Parameters, V> & Sendable,
                                  _ value: V) -> PolicyChange {
        PolicyChange(key: key, start: t, end: t, action: .set { $0[keyPath: path] = value })
    }

    static func ramp(_ key: String, from a: Double, to b: Double, _ path: WritableKeyPath<Parameters, Double> & Sendable,
                     _ target: Double) -> PolicyChange {
        PolicyChange(key: key, start: a, end: b,
                     action: .ramp(get: { $0[keyPath: path] }, set: { $0[keyPath: path] = $1 }, target: target))
    }

    static let ramuFull = PolicyTimeline([
        ramp("budget.health_share", from: 2021, to: 2025, \.budget.healthShare, 0.15),
        step("gratuites.arrangement", at: 2023, \.gratuites.arrangement, .integrated),
        step("gratuites.enrolment_disincentive", at: 2023, \.gratuites.enrolmentDisincentive, 0),
        step("ramu.active", at: 2024, \.ramu.active, true),
    ])

    func run(_ p: Parameters, _ timeline: PolicyTimeline = PolicyTimeline(), seed: UInt64 = 3, replication: Int = 0)
        -> ReplicationResult {
        Simulation.runReplication(p, timeline: timeline, seed: seed, replication: replication, threads: 2)
    }

    @Test(arguments: [2024.0, 2023.5])
    func aChangeAtTLeavesEverythingBeforeTIdentical(t: Double) {
        let p = Self.parameters()
        let base = run(p)
        let changed = run(p, PolicyTimeline([Self.step("ramu.active", at: t, \.ramu.active, true),
                                             Self.step("mutuelle.coverage_rate", at: t, \.mutuelle.coverageRate, 0.9)]))
        for (a, b) in zip(base.years, changed.years) where Double(a.year + 1) <= t {
            #expect(a == b, "\(a.year) differs before the change at \(t)")
        }
        let after = changed.years.first { Double($0.year) >= t }!
        #expect(after[.coverageRAMU] > 0)
        #expect(after != base.years.first { $0.year == after.year }!)
    }

    @Test func changesThatChangeNothingGiveIdenticalOutput() {
        var p = Self.parameters()
        let base = run(p)
        let noop = PolicyTimeline([
            Self.ramp("budget.health_share", from: 2021, to: 2025, \.budget.healthShare, 0.051),
            Self.step("mutuelle.join_rate", at: 2022.5, \.mutuelle.joinRate, 0.01),
            Self.step("care.need_rate_woman", at: 2023.25, \.care.needRateWoman, 1.0),
        ])
        let a = run(p, noop)
        #expect(a.years == base.years)
        p.taxes = [EarmarkedTax(name: "mines", base: 2_500_000, rate: 0, start: 2023, collectionEfficiency: 0.8,
                                shareToRAMU: 1)]
        let b = run(p)
        #expect(b.years == base.years)
    }

    @Test func ramuMergesThePoolsAndTheIdentityHolds() {
        let p = Self.parameters()
        let r = run(p, PolicyTimeline([Self.step("ramu.active", at: 2024, \.ramu.active, true)]))
        for (y, m) in zip(r.years, r.money) {
            if y.year >= 2025 {
                // After the merger every member is in RAMU and the old pools are empty.
                #expect(y[.coverageAMO] == 0 && y[.coverageRAMED] == 0 && y[.coverageMutuelle] == 0)
                #expect(y[.coverageRAMU] > 14)
                for old in [m.pool(.amo), m.pool(.ramed), m.pool(.mutuelle)] { #expect(old.totalRevenue == 0 && old.spending == 0) }
            }
            if y.year >= 2024 {
                // RAMU's money is what the merged members and the new sources bring.
                let sources = m.pool(.ramu).revenue[FinancingSource.contributions.rawValue]
                    + m.pool(.ramu).revenue[FinancingSource.premiums.rawValue] + m.pool(.ramu).revenue[FinancingSource.state.rawValue]
                    + m.pool(.ramu).revenue[FinancingSource.taxes.rawValue]
                #expect(abs(m.pool(.ramu).totalRevenue - sources) <= 1e-9 * sources)
                #expect(m.pool(.ramu).revenue[FinancingSource.contributions.rawValue] > 0)  // AMO contributions keep flowing
                #expect(abs(y[.poolRevenue] - m.pool(.ramu).totalRevenue) <= 1e-9 * y[.poolRevenue])
                // Indigents' premiums are fully subsidised, informal members' at 80 %: what the state owes,
                // paid or (beyond its budget, second version) withheld and counted in the gap.
                let owed = m.pool(.ramu).revenue[FinancingSource.state.rawValue] + m.pool(.ramu).stateWithheld
                #expect(owed > 4 * m.pool(.ramu).revenue[FinancingSource.premiums.rawValue])
                // Withheld only when the budget has nothing left (the pool's reserve bears it first).
                if m.pool(.ramu).stateWithheld > 0 { #expect(m.fiscalSpace == 0 && m.ramuAllocation == 0) }
            }
            #expect(abs(y[.poolBalance] - (y[.poolRevenue] - y[.poolSpending])) <= 1e-9 * y[.poolRevenue])
        }
    }

    @Test func integratedGratuitesArePaidByThePoolAndReportedEitherWay() {
        let p = Self.parameters(endYear: 2026)
        let separate = run(p)
        let integrated = run(p, PolicyTimeline([Self.step("gratuites.arrangement", at: 2023, \.gratuites.arrangement, .integrated)]))
        for a in separate.money where a.gratuitesCost > 0 {
            #expect(a.separateGratuites == a.gratuitesCost)  // the state pays them directly
        }
        let m2024 = integrated.money[4], y2024 = integrated.years[4]
        #expect(m2024.separateGratuites == 0)
        #expect(m2024.pool(.ramu).claims >= m2024.gratuitesCost)
        #expect(y2024[.gratuitesCost] > separate.years[4][.gratuitesCost])  // 0.9 effectiveness, not 0.5
        // The state's budget line, carried from 2022 with inflation, becomes pool revenue (beside what the
        // budget pays to keep the pool's reserve from going below zero).
        let line2022 = integrated.money[2].separateGratuites
        let ramu = m2024.pool(.ramu)
        let line = ramu.revenue[FinancingSource.state.rawValue] - ramu.balancingSubsidy - ramu.stateAllocation
        #expect(abs(line - line2022 * pow(1.02, 2)) < 1e-6 * line2022)
        #expect(y2024[.cheOOP] < separate.years[4][.cheOOP])
    }

    /// Validation refuses an integrated effectiveness of 0, but the model must not divide by it either:
    /// integrated from the start, the budget line is scaled from what the pool paid at that effectiveness.
    @Test func integratedFromTheStartAtZeroEffectivenessStaysFinite() {
        var p = Self.parameters(endYear: 2023)
        p.gratuites.arrangement = .integrated
        p.gratuites.integratedEffectiveness = 0
        let r = run(p)
        for m in r.money { #expect(m.pool(.ramu).revenue.allSatisfy { $0.isFinite }) }
        for y in r.years { for i in Indicator.allCases { #expect(y[i].isFinite, "\(y.year) \(i.id)") } }
    }

    @Test func ramuFullLowersOOPAndCatastrophicSpendingIn2030() {
        // Means over 4 replications, common random numbers.
        var p = Self.parameters(0.001)
        p.ramu.informalSubsidy = 0.8
        var oop = (0.0, 0.0), cat = (0.0, 0.0)
        for r in 0..<4 {
            let a = run(p, replication: r).years.first { $0.year == 2030 }!
            let b = run(p, Self.ramuFull, replication: r).years.first { $0.year == 2030 }!
            oop.0 += a[.oopShare]; oop.1 += b[.oopShare]
            cat.0 += a[.catastrophic10]; cat.1 += b[.catastrophic10]
        }
        #expect(oop.1 < oop.0)
        #expect(cat.1 < cat.0)
    }

    @Test func constrainedNeverLetsNewEnrolmentTakeTheReserveBelowZero() {
        // A generous enrolment drive with no new money: unconstrained, the reserve goes negative.
        var p = Self.parameters(0.001, endYear: 2034)
        p.ramu.enrolmentRate = 0.6
        p.ramed.identificationRate = 0.6
        let timeline = PolicyTimeline([Self.step("ramu.active", at: 2022, \.ramu.active, true)])
        let free = run(p, timeline)
        #expect(free.years.contains { $0[.poolReserve] < 0 }, "the test needs a scenario that runs out of money")
        p.simulation.financingRule = .constrained
        let held = run(p, timeline)
        for y in held.years { #expect(y[.poolReserve] >= 0, "\(y.year): reserve \(y[.poolReserve])") }
        #expect(held.subsidisedEnrolments.reduce(0, +) < free.subsidisedEnrolments.reduce(0, +))
        #expect(held.subsidisedEnrolments.reduce(0, +) > 0, "the pool's money should still buy some cover")
    }
}

@Suite("Policy timeline arithmetic")
struct TimelineArithmeticTests {
    @Test func rampsStartFromWhatCameBeforeAndEndExactlyOnTarget() {
        let timeline = PolicyTimeline([
            PolicyTests.ramp("budget.health_share", from: 2021, to: 2025, \.budget.healthShare, 0.15),
            PolicyTests.step("budget.health_share", at: 2026, \.budget.healthShare, 0.10),
            PolicyTests.ramp("budget.health_share", from: 2027, to: 2030, \.budget.healthShare, 0.13),
        ])
        let base = Parameters()
        func share(_ t: Double) -> Double { timeline.parameters(at: t, base: base).budget.healthShare }
        #expect(share(2020.5) == 0.051)
        #expect(abs(share(2023) - 0.1005) < 1e-15)
        #expect(share(2025) == 0.15 && share(2025.9) == 0.15)
        #expect(share(2026.5) == 0.10)
        #expect(abs(share(2028.5) - 0.115) < 1e-15)  // from the 0.10 in force at 2027
        #expect(share(2030) == 0.13 && share(2035) == 0.13)
    }

    @Test func manyRampsStayCheap() {
        // Twenty chained ramps on one key: each starts where the previous ended.
        let changes = (0..<20).map { k in
            PolicyTests.ramp("budget.health_share", from: 2020 + Double(k) * 0.5, to: 2020.5 + Double(k) * 0.5,
                             \.budget.healthShare, 0.05 + Double(k + 1) * 0.001)
        }
        let timeline = PolicyTimeline(changes)
        #expect(timeline.parameters(at: 2035, base: Parameters()).budget.healthShare == 0.07)
        #expect(abs(timeline.parameters(at: 2020.75, base: Parameters()).budget.healthShare - 0.0515) < 1e-15)
    }
}

@Suite("Equity by consumption quintile")
struct QuintileTests {
    @Test func quintilesGiveBackTheNationalValues() {
        var p = Parameters()
        p.simulation.sampleFraction = 0.001
        p.simulation.endYear = 2026
        let r = Simulation.runReplication(p, timeline: PolicyTests.ramuFull, seed: 8, replication: 0, threads: 2)
        for (y, q) in zip(r.years, r.quintiles) {
            let people = (1...5).map { q[quintile: $0, indicator: .population] }
            #expect(abs(people.reduce(0, +) - y[.population]) < 1e-6 * y[.population])
            // Each quintile holds about a fifth of the people (households are indivisible).
            for n in people { #expect(abs(n / y[.population] - 0.2) < 0.02, "\(y.year): \(people)") }
            func weighted(_ i: QuintileIndicator) -> Double {
                (1...5).reduce(0.0) { $0 + q[quintile: $1, indicator: i] * people[$1 - 1] } / y[.population]
            }
            #expect(abs(weighted(.catastrophic10) - y[.catastrophic10]) < 1e-9)
            #expect(abs(weighted(.catastrophic25) - y[.catastrophic25]) < 1e-9)
            #expect(abs(weighted(.coverageTotal) - y[.coverageTotal]) < 1e-9)
            #expect(abs(weighted(.oopPerCapita) - y[.oopPerCapita]) < 1e-9 * y[.oopPerCapita])
            let incidence = (1...5).reduce(0.0) { $0 + q[quintile: $1, indicator: .poolSpendingShare] }
            #expect(abs(incidence - 100) < 1e-9)
            // The poorest fifth faces more catastrophic spending than the richest.
            #expect(q[quintile: 1, indicator: .catastrophic10] > q[quintile: 5, indicator: .catastrophic10])
        }
    }
}

/// Scenarios run together share the years their households see alike; each must get exactly the
/// results it gets alone, whether the scenarios share or run one after the other.
@Suite("Scenarios run together")
struct SharedScenariosTests {
    typealias Scenario = (parameters: Parameters, timeline: PolicyTimeline)

    static func scenarios() -> [Scenario] {
        let p = PolicyTests.parameters(0.0005, endYear: 2027)
        var bigger = p
        bigger.households.meanSize = 7  // another initial population
        var taxed = p
        taxed.taxes = [EarmarkedTax(name: "t", base: 300_000, rate: 0.05, start: 2022, collectionEfficiency: 0.8, shareToRAMU: 1)]
        return [
            (p, PolicyTimeline()),
            // Only the money side differs: the households of every year are the baseline's.
            (p, PolicyTimeline([PolicyTests.ramp("budget.health_share", from: 2021, to: 2024, \.budget.healthShare, 0.15)])),
            (taxed, PolicyTimeline()),
            // Households differ from 2022, then again from mid-2023.
            (p, PolicyTimeline([PolicyTests.step("gratuites.arrangement", at: 2022, \.gratuites.arrangement, .integrated),
                                PolicyTests.step("ramu.active", at: 2023.5, \.ramu.active, true)])),
            (p, PolicyTimeline([PolicyTests.step("ramu.active", at: 2024, \.ramu.active, true)])),
            (bigger, PolicyTimeline()),
        ]
    }

    /// (Compared into plain booleans: a failure names what differs without printing every number.)
    static func expectSame(_ a: ReplicationResult, _ b: ReplicationResult, _ what: String) {
        let differing = [("indicators", a.years == b.years), ("money", a.money == b.money),
                         ("taxes", a.taxRevenue == b.taxRevenue), ("quintiles", a.quintiles == b.quintiles),
                         ("events", a.eventCounts == b.eventCounts),
                         ("enrolments", a.subsidisedEnrolments == b.subsidisedEnrolments)].filter { !$0.1 }.map(\.0)
        #expect(differing.isEmpty, "\(what): \(differing) differ")
    }

    @Test(arguments: [Simulation.sharedPersonsLimit, 0])
    func eachScenarioAsWhenRunAlone(sharingLimit: Double) {
        let scenarios = Self.scenarios()
        let options = RunOptions(seed: 4, replications: 2, threads: 2)
        let together = Simulation.runScenarios(scenarios, options: options, sharingLimit: sharingLimit) { $0 }
        for (i, s) in scenarios.enumerated() {
            let alone = Simulation.run(s.parameters, timeline: s.timeline, options: options)
            for r in 0..<2 { Self.expectSame(together[i][r], alone[r], "scenario \(i), replication \(r)") }
        }
    }

    /// What decides the sharing: years households see alike, and only those.
    @Test func householdsSeeAlikeOnlyWhatTheySeeAlike() {
        let scenarios = Self.scenarios()
        let census = Census()
        func context(_ s: Scenario, _ year: Int) -> YearContext {
            YearContext(year: year, base: s.parameters, timeline: s.timeline, seed: 1, replication: 0,
                        census: census, medianConsumption: 300_000)
        }
        for year in 2020..<2027 {
            let base = context(scenarios[0], year)
            #expect(base.simulatesHouseholdsAs(context(scenarios[1], year)))  // budget only
            #expect(base.simulatesHouseholdsAs(context(scenarios[2], year)))  // taxes only
            #expect(base.simulatesHouseholdsAs(context(scenarios[3], year)) == (year < 2022))
            // RAMU on 1 January 2024 is in force when 2023 closes (households merge then): 2023 differs.
            #expect(base.simulatesHouseholdsAs(context(scenarios[4], year)) == (year < 2023))
            #expect(!base.simulatesHouseholdsAs(context(scenarios[5], year)))
        }
        #expect(!context(scenarios[0], 2021).simulatesHouseholdsAs(context(scenarios[0], 2022)))
    }
}
