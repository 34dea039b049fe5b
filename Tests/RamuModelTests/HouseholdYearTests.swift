import Foundation
import Testing
@testable import RamuModel

/// How one household's year draws what happens to it (`HouseholdWorker.simulateYear`): one uniform per
/// need settles seeking and level, antenatal visits are resolved with the stretch they fall in, and one
/// clock per household for deaths (and one for conceptions) takes its members (its women who are not
/// pregnant) at the rate each, any of them equally likely.
@Suite("A household's year: seeking and levels, antenatal visits, deaths")
struct HouseholdYearTests {
    /// Simulates 2020 for `count` households built by `members(i)` (informal, uninsured unless said),
    /// with no conception (empty census). Returns the year's accounts and each household's living members.
    static func year(_ p: Parameters, households count: Int, regime: Regime = .none,
                     timeline: PolicyTimeline = PolicyTimeline(), year: Int = 2020, census: Census = Census(),
                     members: (Int) -> [Member]) -> (YearAccounts, [[Member]]) {
        let c = YearContext(year: year, base: p, timeline: timeline, seed: 23, replication: 0,
                            census: census, medianConsumption: 300_000)
        var worker = HouseholdWorker()
        var a = YearAccounts()
        var living: [[Member]] = []
        c.segments.withUnsafeBufferPointer { segments in
            for i in 0..<count {
                var h = Household(id: UInt64(i), sector: .informal, regime: regime, consumptionPerPerson: 300_000)
                worker.members.removeAll()
                for m in members(i) { worker.members.append(m) }
                _ = worker.simulateYear(&h, c, segments, &a)
                living.append(Array(worker.members.elements))
            }
        }
        return (a, living)
    }

    /// Uninsured adults seek care for 54 % of their needs; sought care goes to CSCom, CSRéf and hospital
    /// in the shares 0.80 / 0.14 / 0.06, which the mean cost per episode shows: 0.80 × 6 000 + 0.14 × 25 000
    /// + 0.06 × 120 000 = 15 500 FCFA, all paid out of pocket. Tolerances: four standard errors (binomial
    /// for the share; for the mean, the mixture's sd of about 46 900 FCFA over the episodes).
    @Test func oneUniformPerNeedSettlesSeekingAndLevel() {
        var p = Parameters()
        p.demography.crudeDeathRate = 0
        let (a, _) = Self.year(p, households: 20_000) { _ in Array(repeating: Member(group: .other), count: 3) }
        let share = a.episodes / a.needs
        #expect(abs(share - 0.54) <= 4 * (0.54 * 0.46 / a.needs).squareRoot(), "sought \(share)")
        let meanCost = a.outOfPocket / a.episodes
        let sd = (0.80 * (5_000.0 * 5_000 + 6_000 * 6_000) + 0.14 * (2 * 25_000.0 * 25_000)
                  + 0.06 * (150_000.0 * 150_000 + 120_000 * 120_000) - 15_500 * 15_500).squareRoot()
        #expect(abs(meanCost - 15_500) <= 4 * sd / a.episodes.squareRoot(), "mean cost \(meanCost)")
    }

    /// A pregnancy's four visits are spread over it (0.75 year): delivery at 2020.7 puts all four in 2020;
    /// delivery at 2021.2 puts three in 2020 and the fourth in 2021. A change of the seeking rate at
    /// 2020.3 cuts the stretches without adding or losing a visit; a change of the number of visits or
    /// of the pregnancy's duration leaves a pregnancy under way with the plan it began with (the dates
    /// from the new rules would give 6 visits, or 5). (No illness: need rates 0.)
    @Test func antenatalVisitsFallInTheYearAndStretchTheyAreDatedIn() {
        var p = Parameters()
        p.demography.crudeDeathRate = 0
        p.care.needRateUnderFive = 0
        p.care.needRateWoman = 0
        p.care.needRateOther = 0
        func change(_ key: String, at t: Double, _ set: @escaping @Sendable (inout Parameters) -> Void) -> PolicyTimeline {
            PolicyTimeline([PolicyChange(key: key, start: t, end: t, action: .set(set))])
        }
        let plan = (visits: 4, duration: 0.75)
        let timelines = [PolicyTimeline(), change("care.seek_covered", at: 2020.3) { $0.care.seekCovered = 0.7 },
                         change("demography.antenatal_visits", at: 2020.4) { $0.demography.antenatalVisits = 8 },
                         change("demography.pregnancy_duration", at: 2020.5) { $0.demography.pregnancyDuration = 0.5 }]
        for timeline in timelines {
            let (early, _) = Self.year(p, households: 1, timeline: timeline) { _ in
                [Member(group: .woman15to49, pregnant: true, eventTime: 2020.7, antenatal: plan)]
            }
            #expect(early.events[.antenatalVisit] == 4 && early.births == 1)
            #expect(early.needs == 5)  // four visits and the delivery
            let (late2020, living) = Self.year(p, households: 1, timeline: timeline) { _ in
                [Member(group: .woman15to49, pregnant: true, eventTime: 2021.2, antenatal: plan)]
            }
            #expect(late2020.events[.antenatalVisit] == 3 && late2020.births == 0)
            let (late2021, _) = Self.year(p, households: 1, year: 2021) { _ in living[0] }
            #expect(late2021.events[.antenatalVisit] == 1 && late2021.births == 1)
        }
        // A member stays 16 bytes: the plan sits in what was padding.
        #expect(MemoryLayout<Member>.stride == 16)
    }

    /// At a death rate of 0.5 a year each member dies within the year with probability 1 − e^−0.5 whoever
    /// else dies: 4 × 0.3935 = 1.574 deaths per household of four, and each of the four (told apart by a
    /// tag in `eventTime`, which other persons do not use) survives with probability e^−0.5 = 0.6065.
    /// Four standard errors, binomial (the deaths of a household's members are independent).
    @Test func theDeathClockTakesEachMemberAtTheDeathRate() {
        var p = Parameters()
        p.demography.crudeDeathRate = 0.5
        p.care.needRateOther = 0
        let n = 20_000
        let (a, living) = Self.year(p, households: n) { _ in
            (0..<4).map { Member(group: .other, eventTime: 3000 + Double($0)) }
        }
        let dies = 1 - exp(-0.5)
        let deathsPerHousehold = a.deaths / Double(n)
        #expect(abs(deathsPerHousehold - 4 * dies) <= 4 * (4 * dies * (1 - dies) / Double(n)).squareRoot(),
                "deaths per household \(deathsPerHousehold)")
        for slot in 0..<4 {
            let survived = Double(living.filter { $0.contains { $0.eventTime == 3000 + Double(slot) } }.count) / Double(n)
            #expect(abs(survived - (1 - dies)) <= 4 * (dies * (1 - dies) / Double(n)).squareRoot(),
                    "member \(slot) survived \(survived)")
        }
    }

    /// The conception clock: each woman not pregnant conceives at the conception hazard h whoever else
    /// does, so each of three women (tagged in `eventTime`, which a conception overwrites with the
    /// delivery date) has conceived at least once by the year's end with probability 1 − e^−h. The
    /// census sets h to about 0.5 (the hazard makes births match the population's birth rate).
    @Test func theConceptionClockTakesEachWomanAtTheHazard() throws {
        var p = Parameters()
        p.demography.crudeDeathRate = 0
        p.care.needRateWoman = 0
        var census = Census()
        census.population = 100
        census.womenNotPregnant = 6
        let hazard = YearContext(year: 2020, base: p, timeline: PolicyTimeline(), seed: 23, replication: 0,
                                 census: census, medianConsumption: 300_000).segments[0].rules.demography.conceptionHazard
        try #require(hazard > 0.4 && hazard < 0.6)
        let n = 20_000
        let (a, living) = Self.year(p, households: n, census: census) { _ in
            (0..<3).map { Member(group: .woman15to49, eventTime: 3000 + Double($0)) }
        }
        let conceives = 1 - exp(-hazard)
        let tolerance = 4 * (conceives * (1 - conceives) / Double(n)).squareRoot()
        for slot in 0..<3 {
            let untouched = Double(living.filter { $0.contains { $0.eventTime == 3000 + Double(slot) } }.count) / Double(n)
            #expect(abs((1 - untouched) - conceives) <= tolerance, "woman \(slot) conceived: \(1 - untouched)")
        }
        // Those who conceived before 2020.25 gave birth within the year.
        #expect(a.births > 0 && a.births < 3 * Double(n) * (1 - exp(-hazard * 0.25)) * 1.1)
    }
}
