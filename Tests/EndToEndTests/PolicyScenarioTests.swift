import Foundation
import Testing

/// The shipped policy scenarios and timelines, through the built binary.
@Suite("Policy scenarios through ramusim")
struct PolicyScenarioTests {
    static let scenarios = Ramusim.packageRoot.appendingPathComponent("scenarios")

    @Test func ramuFullLowersOOPShareAndCatastrophicSpendingIn2030() throws {
        let dir = try TemporaryDirectory()
        let r = try Ramusim.run(["compare", "baseline.yaml", "ramu-full.yaml", "--sample-fraction", "0.0005",
                                 "--replications", "3", "--out", dir.path("out")], in: Self.scenarios)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = parseCSV(try String(contentsOfFile: dir.path("out/comparison.csv"), encoding: .utf8))
        func diff(_ id: String) -> Double {
            Double(rows.first { $0[0] == "ramu-full" && $0[1] == "2030" && $0[2] == id }![6])!
        }
        #expect(diff("oop_share_pct") < 0)
        #expect(diff("catastrophic_10_pct") < 0)
        #expect(diff("coverage_ramu_pct") > 0)
    }

    @Test func aScenarioThatChangesNothingGivesTheBaselinesBytes() throws {
        let dir = try TemporaryDirectory()
        let noop = try dir.write("noop.yaml", """
            extends: \(Ramusim.baseline)
            taxes:
              - {name: mines, base: 2500000, rate: 0, start: 2023.0, collection_efficiency: 0.8, share_to_ramu: 1}
            timeline:
              - from: 2021.0
                to: 2025.0
                ramp:
                  budget.health_share: 0.051
              - at: 2026.5
                set:
                  mutuelle.join_rate: 0.01
            """)
        let common = ["--sample-fraction", "0.0005", "--replications", "2", "--seed", "6", "--out", dir.path("out")]
        #expect(try Ramusim.run(["run", Ramusim.baseline] + common).status == 0)
        let r = try Ramusim.run(["run", noop] + common)
        #expect(r.status == 0, "\(r.stderr)")
        let base = try String(contentsOfFile: dir.path("out/baseline/indicators.csv"), encoding: .utf8)
        let same = try String(contentsOfFile: dir.path("out/noop/indicators.csv"), encoding: .utf8)
        // Identical but for the scenario's name in the first column.
        #expect(same.replacingOccurrences(of: "\nnoop,", with: "\nbaseline,") == base)
    }

    @Test func aBadTimelineEntryIsRefusedAndNothingIsWritten() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("bad.yaml", """
            extends: \(Ramusim.baseline)
            timeline:
              - at: 2024.0
                set:
                  ramu.activ: true
            """)
        let r = try Ramusim.run(["run", file, "--out", dir.path("out")])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("\(file):5:7:"), "\(r.stderr)")
        #expect(r.stderr.contains("ramu.active"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    }
}
