import Foundation
import Testing
@testable import RamuModel

/// Care needs are resolved in groups between the events that change what a need meets (a Poisson count
/// over each stretch), not dated one by one. That must keep the law of section 5: each member's needs in
/// a year are Poisson at its group's rate, the rate in force at each instant, across policy changes.
@Suite("Care needs: Poisson at the rates in force, across changes")
struct CareNeedsTests {
    static let households = 20_000

    /// `households` households of one child under five, one woman and one other person, with no deaths
    /// or conceptions, through 2020 under `timeline`. Returns each household's number of needs.
    static func needsPerHousehold(_ timeline: PolicyTimeline,
                                  members: [Member] = [Member(group: .underFive, eventTime: 2030),
                                                       Member(group: .woman15to49), Member(group: .other)]) -> [Double] {
        var p = Parameters()
        p.demography.crudeDeathRate = 0
        let c = YearContext(year: 2020, base: p, timeline: timeline, seed: 11, replication: 0,
                            census: Census(), medianConsumption: 300_000)  // no census: no conceptions
        var worker = HouseholdWorker()
        var counts: [Double] = []
        c.segments.withUnsafeBufferPointer { segments in
            for id in 0..<households {
                var h = Household(id: UInt64(id), sector: .informal, regime: .none, consumptionPerPerson: 300_000)
                worker.members.removeAll()
                for m in members { worker.members.append(m) }
                var a = YearAccounts()
                _ = worker.simulateYear(&h, c, segments, &a)
                counts.append(Double(a.events[.careNeed]))
                #expect(a.needs == Double(a.events[.careNeed]))
            }
        }
        return counts
    }

    static func change<V: Sendable>(_ key: String, at t: Double, _ path: WritableKeyPath<Parameters, V> & Sendable,
                                    _ value: V) -> PolicyChange {
        PolicyChange(key: key, start: t, end: t, action: .set { $0[keyPath: path] = value })
    }

    /// Mean and variance of the counts both equal the expected number of needs (Poisson), within four
    /// standard errors: of the mean, sqrt(λ/n); of the variance, sqrt((μ4 − σ⁴)/n) with μ4 = λ(1 + 3λ).
    static func expectPoisson(_ counts: [Double], mean lambda: Double, _ what: Comment) {
        let n = Double(counts.count)
        let mean = counts.reduce(0, +) / n
        let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        #expect(abs(mean - lambda) <= 4 * (lambda / n).squareRoot(), "\(what): mean \(mean), want \(lambda)")
        let varianceSE = ((lambda * (1 + 3 * lambda) - lambda * lambda) / n).squareRoot()
        #expect(abs(variance - lambda) <= 4 * varianceSE, "\(what): variance \(variance), want \(lambda)")
    }

    @Test func withoutChangesEachGroupAtItsRate() {
        // 2.0 + 1.0 + 0.8 needs a year.
        Self.expectPoisson(Self.needsPerHousehold(PolicyTimeline()), mean: 3.8, "no change")
    }

    /// Rates change at 2020.25 (the other person's doubles), seeking changes at 2020.5 (needs met so far
    /// are resolved under the old rule) and the health budget at 2020.75 (nothing care reads): the
    /// expected count is the rates integrated over the year, 2.0 + 1.0 + 0.8 × 0.25 + 1.6 × 0.75 = 4.4.
    /// (Resolving every need at the rate of the year's end would give 4.6, 19 standard errors away.)
    @Test func acrossMidYearChangesTheRatesInForce() {
        let timeline = PolicyTimeline([
            Self.change("care.need_rate_other", at: 2020.25, \.care.needRateOther, 1.6),
            Self.change("care.seek_covered", at: 2020.5, \.care.seekCovered, 0.6),
            Self.change("budget.health_share", at: 2020.75, \.budget.healthShare, 0.15),
        ])
        Self.expectPoisson(Self.needsPerHousehold(timeline), mean: 4.4, "mid-year changes")
    }

    /// Women and other persons have their year of needs counted together, from a table by their numbers
    /// (up to four women and sixteen others) or beyond it by inversion: 2 women and 3 others have
    /// 2 × 1.0 + 3 × 0.8 = 4.4 needs a year (the table of 3 women and 2 others would give 4.6, 13 standard
    /// errors away); 5 women and 1 other, 5.8; 6 children under five, 12.
    @Test func aHouseholdsGroupsCountedTogether() {
        let woman = Member(group: .woman15to49), other = Member(group: .other)
        Self.expectPoisson(Self.needsPerHousehold(PolicyTimeline(), members: [woman, other, woman, other, other]),
                           mean: 4.4, "2 women, 3 others")
        Self.expectPoisson(Self.needsPerHousehold(PolicyTimeline(), members: Array(repeating: woman, count: 5) + [other]),
                           mean: 5.8, "5 women, 1 other")
        Self.expectPoisson(Self.needsPerHousehold(PolicyTimeline(),
                                                  members: Array(repeating: Member(group: .underFive, eventTime: 2030), count: 6)),
                           mean: 12, "6 under five")
    }
}
