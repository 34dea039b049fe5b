import Foundation
import Testing

/// `ramusim bench` as the performance issue uses it: what it reports, not how fast (no timed assertion).
@Suite("ramusim bench")
struct BenchTests {
    static func bench(_ arguments: [String]) throws -> [String: Any] {
        let r = try Ramusim.run(["bench", "--json"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try #require(json as? [String: Any], "bench --json printed: \(r.stdout)")
    }

    static func eventsByKind(_ report: [String: Any]) throws -> [String: Int] {
        try #require(report["events_by_kind"] as? [String: Int])
    }

    /// The report names what it ran, its counts are in proportion; they do not depend on the threads.
    @Test func reportsEventsThatAddUpWhateverTheThreads() throws {
        let one = try Self.bench(["--sample-fraction", "0.001", "--threads", "1"])
        let two = try Self.bench(["--sample-fraction", "0.001", "--threads", "2"])
        let kinds = try Self.eventsByKind(two)
        #expect(Set(kinds.keys) == ["careEpisode", "antenatalVisit", "pregnancy", "birth", "death", "ageOut",
                                    "enrolOrDropOut", "policyChange"])
        let needs = try #require(kinds["careEpisode"]), births = try #require(kinds["birth"])
        let deaths = try #require(kinds["death"])
        // About one need a person a year against births at 4.1 % and deaths at 1.1 %.
        #expect(needs > 10 * births && births > deaths && deaths > 0)
        #expect(two["events"] as? Int == kinds.values.reduce(0, +))
        #expect(two["threads"] as? Int == 2 && one["threads"] as? Int == 1)
        #expect(two["sample_fraction"] as? Double == 0.001)
        // Weighted back to all of Mali: 20 537 000 at the start (to a household's weight), more at the end.
        let start = try #require(two["population_start"] as? Int), end = try #require(two["population_end"] as? Int)
        #expect(abs(start - 20_537_000) <= 10_000 && end > start)
        #expect((two["peak_memory_bytes"] as? Int ?? 0) > 0 && (two["wall_seconds"] as? Double ?? 0) > 0)
        #expect(try Self.eventsByKind(one) == kinds)
    }

    /// `--scenario` measures the scenario as `run` simulates it, timeline included: ramu-full's RAMU
    /// (2024) and integrated gratuités (2023) change who enrols, so its enrolments are not the baseline's.
    @Test func aScenarioIsMeasuredWithItsTimeline() throws {
        let scenarios = Ramusim.packageRoot.appendingPathComponent("scenarios")
        let baseline = try Self.eventsByKind(Self.bench(["--sample-fraction", "0.001", "--threads", "1"]))
        let reform = try Self.eventsByKind(Self.bench(["--sample-fraction", "0.001", "--threads", "1", "--scenario",
                                                       scenarios.appendingPathComponent("ramu-full.yaml").path]))
        #expect(reform["enrolOrDropOut"] != baseline["enrolOrDropOut"])
        // Demography does not depend on insurance: the same births and deaths (common random numbers).
        #expect(reform["birth"] == baseline["birth"] && reform["death"] == baseline["death"])
    }

    @Test func refusesAFractionOrThreadCountOutOfRange() throws {
        for (option, value, expected) in [("--sample-fraction", "0", "fraction dans (0, 1]"),
                                          ("--sample-fraction", "1.5", "fraction dans (0, 1]"),
                                          ("--threads", "0", "entier ≥ 1")] {
            let r = try Ramusim.run(["bench", option, value])
            #expect(r.status == 2, "\(option) \(value)")
            #expect(r.stderr.contains(option) && r.stderr.contains(expected), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }
}
