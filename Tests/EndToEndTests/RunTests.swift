import Foundation
import Testing

/// `ramusim run` on the shipped baseline, checked as a user reads its output.
@Suite("ramusim run")
struct RunTests {
    static let small = ["--sample-fraction", "0.0005", "--replications", "2"]

    @Test func baselineWritesItsTablesAndPrintsAFrenchTable() throws {
        let dir = try TemporaryDirectory()
        let r = try Ramusim.run(["run", Ramusim.baseline, "--out", dir.path("out")] + Self.small)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Population totale"))
        #expect(r.stdout.contains("Dépenses catastrophiques"))
        #expect(r.stdout.contains("2035"))
        let indicators = try String(contentsOfFile: dir.path("out/baseline/indicators.csv"), encoding: .utf8)
        let rows = parseCSV(indicators)
        #expect(rows[0] == ["scenario", "year", "indicator", "label_fr", "unit", "mean", "sd", "p05", "p50", "p95", "replications"])
        // One row per year 2020–2035 and per indicator of MODEL.md section 9.
        let ids = Set(rows.dropFirst().map { $0[2] })
        #expect(rows.count - 1 == 16 * ids.count)
        for id in ["population", "coverage_total_pct", "catastrophic_10_pct", "catastrophic_discretionary_40_pct",
                   "hardship_impoverishing_pct", "hardship_large_pct", "financing_gap_mfcfa", "che_oop_mfcfa"] {
            #expect(ids.contains(id), "missing \(id)")
        }
        #expect(Set(rows.dropFirst().map { $0[1] }) == Set((2020...2035).map(String.init)))
        #expect(rows.dropFirst().allSatisfy { $0[0] == "baseline" && $0[10] == "2" && !$0[3].isEmpty && !$0[4].isEmpty })
        let population2020 = rows.first { $0[1] == "2020" && $0[2] == "population" }!
        // round(20 537 000 × 0.0005) = 10 269 people simulated, each standing for 2 000.
        #expect(population2020[5] == "20538000")

        let parameters = parseCSV(try String(contentsOfFile: dir.path("out/baseline/parameters.csv"), encoding: .utf8))
        #expect(parameters[0] == ["parameter", "value", "unit", "source"])
        #expect(parameters.dropFirst().allSatisfy { $0.count == 4 && !$0[3].isEmpty })
        let fraction = parameters.first { $0[0] == "simulation.sample_fraction" }!
        #expect(fraction[1] == "0.0005" && fraction[3].contains("--sample-fraction"))
        let share = parameters.first { $0[0] == "budget.health_share" }!
        #expect(share[1] == "0.051" && share[3].contains("Plan d'action pour le Mali"))
        // No earmarked tax in the baseline: no taxes.csv (CompareTests check one that has).
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/baseline/taxes.csv")))
    }

    @Test func sameSeedSameBytesWhateverTheThreads() throws {
        let dir = try TemporaryDirectory()
        var outputs: [Data] = []
        for (name, threads) in [("a", "1"), ("b", "2"), ("c", "2")] {
            let r = try Ramusim.run(["run", Ramusim.baseline, "--out", dir.path(name), "--threads", threads,
                                     "--seed", "4", "--microdata"] + Self.small)
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: dir.path("\(name)/baseline/indicators.csv")))
                + Data(contentsOf: URL(fileURLWithPath: dir.path("\(name)/baseline/households.csv"))))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[1] == outputs[2])
        let other = try Ramusim.run(["run", Ramusim.baseline, "--out", dir.path("d"), "--seed", "5"] + Self.small)
        #expect(other.status == 0)
        let d = try Data(contentsOf: URL(fileURLWithPath: dir.path("d/baseline/indicators.csv")))
        #expect(d != (try Data(contentsOf: URL(fileURLWithPath: dir.path("a/baseline/indicators.csv")))))
    }

    @Test func microdataReproducesThePublishedIndicators() throws {
        // With one replication, catastrophic_10/25, impoverished and oop_per_capita recomputed from
        // households.csv equal indicators.csv (up to the rounding of the printed numbers).
        let dir = try TemporaryDirectory()
        let r = try Ramusim.run(["run", Ramusim.baseline, "--out", dir.path("out"), "--microdata",
                                 "--replications", "1", "--sample-fraction", "0.0005"])
        #expect(r.status == 0, "\(r.stderr)")
        let households = parseCSV(try String(contentsOfFile: dir.path("out/baseline/households.csv"), encoding: .utf8))
        #expect(households[0] == ["year", "household_id", "weight", "size", "sector", "regime", "consumption_fcfa", "oop_fcfa"])
        let indicators = parseCSV(try String(contentsOfFile: dir.path("out/baseline/indicators.csv"), encoding: .utf8))
        func published(_ year: Int, _ id: String) -> Double {
            Double(indicators.first { $0[1] == String(year) && $0[2] == id }![5])!
        }
        for year in [2020, 2027, 2035] {
            let rows = households.dropFirst().filter { $0[0] == String(year) }
            var people = 0.0, cat10 = 0.0, cat25 = 0.0, impoverished = 0.0, oop = 0.0
            let line = 190_000 * pow(1.02, Double(year - 2020))
            for row in rows {
                let weight = Double(row[2])!, size = Double(row[3])!, consumption = Double(row[6])!, paid = Double(row[7])!
                people += weight * size
                oop += weight * paid
                if paid > 0.10 * consumption { cat10 += weight * size }
                if paid > 0.25 * consumption { cat25 += weight * size }
                if consumption / size >= line && (consumption - paid) / size < line { impoverished += weight * size }
            }
            #expect(abs(people - published(year, "population")) < 1e-6 * people)
            #expect(abs(100 * cat10 / people - published(year, "catastrophic_10_pct")) < 1e-3)
            #expect(abs(100 * cat25 / people - published(year, "catastrophic_25_pct")) < 1e-3)
            #expect(abs(impoverished - published(year, "impoverished")) < 1e-6 * max(1, impoverished) + 1)
            #expect(abs(oop / people - published(year, "oop_per_capita_fcfa")) < 1e-3)
        }
    }

    @Test func validateAndParamsAnswerWithoutRunning() throws {
        let dir = try TemporaryDirectory()
        let child = try dir.write("child.yaml", """
            extends: \(Ramusim.baseline)
            budget:
              health_share: {value: 0.15, unit: fraction, source: "Plan d'actions 2018-2022, extrant 1.1.1"}
            """)
        let v = try Ramusim.run(["validate", child], in: dir.url)
        #expect(v.status == 0, "\(v.stderr)")
        let p = try Ramusim.run(["params", child, "--csv"], in: dir.url)
        #expect(p.status == 0)
        let rows = parseCSV(p.stdout)
        let share = rows.first { $0.first == "budget.health_share" }!
        #expect(share[1] == "0.15" && share[3].contains("extrant 1.1.1"))
        let growth = rows.first { $0.first == "demography.growth_rate" }!
        #expect(growth[1] == "0.03" && growth[3].contains("Plan d'action pour le Mali"))
        #expect(try dir.snapshot().keys.sorted() == [child])  // nothing written
    }
}
