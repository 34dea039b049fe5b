import Foundation
import Testing

/// `ramusim compare`: scenarios run with the same seed, each written as `run` writes it, and their
/// paired differences with a baseline in comparison.csv.
@Suite("ramusim compare")
struct CompareTests {
    static let small = ["--sample-fraction", "0.0005", "--replications", "3", "--seed", "7"]
    static let comparisonHeader = ["scenario", "year", "indicator", "label_fr", "unit", "mean",
                                   "diff_vs_baseline", "diff_p05", "diff_p95"]

    /// A child of the baseline whose mutuelles pay 95 % instead of 75 %.
    static func writeChild(in dir: TemporaryDirectory) throws -> String {
        try dir.write("mutuelle-95.yaml", """
            title: "Mutuelles à 95 %"
            extends: \(Ramusim.baseline)
            mutuelle:
              coverage_rate: {value: 0.95, unit: fraction, source: "hypothèse de test"}
            """)
    }

    /// A child of the baseline with one earmarked tax.
    static func writeTaxed(in dir: TemporaryDirectory) throws -> String {
        try dir.write("taxe-tabac.yaml", """
            extends: \(Ramusim.baseline)
            taxes:
              - name: "Tabac, boissons"
                base: 300000
                rate: 0.05
                start: 2023.0
                collection_efficiency: 0.8
                share_to_ramu: 1.0
            """)
    }

    static func read(_ path: String) throws -> [[String]] {
        parseCSV(try String(contentsOfFile: path, encoding: .utf8))
    }

    @Test func childAgainstBaseline() throws {
        let dir = try TemporaryDirectory()
        let child = try Self.writeChild(in: dir), taxed = try Self.writeTaxed(in: dir)
        // The baseline is named, and not given first: rows follow the order of the files.
        let r = try Ramusim.run(["compare", child, Ramusim.baseline, taxed, "--baseline", "baseline",
                                 "--out", dir.path("out")] + Self.small)
        #expect(r.status == 0, "\(r.stderr)")

        // Each scenario's directory, as `run` writes it; taxes.csv only where there is a tax.
        for name in ["mutuelle-95", "baseline", "taxe-tabac"] {
            for file in ["indicators.csv", "parameters.csv"] {
                #expect(FileManager.default.fileExists(atPath: dir.path("out/\(name)/\(file)")), "\(name)/\(file)")
            }
            #expect(FileManager.default.fileExists(atPath: dir.path("out/\(name)/taxes.csv")) == (name == "taxe-tabac"))
        }
        let taxes = try Self.read(dir.path("out/taxe-tabac/taxes.csv"))
        #expect(taxes[0] == ["scenario", "year", "tax", "unit", "mean", "sd", "p05", "p50", "p95", "replications"])
        #expect(taxes.count == 1 + 16)
        #expect(taxes.dropFirst().allSatisfy { $0[0] == "taxe-tabac" && $0[2] == "Tabac, boissons" && $0[3] == "MFCFA" && $0[9] == "3" })
        #expect(taxes.dropFirst().map { $0[1] } == (2020...2035).map(String.init))
        #expect(taxes.first { $0[1] == "2022" }?[4] == "0")  // before the tax starts
        #expect(Double(taxes.first { $0[1] == "2030" }![4])! > 0)

        // The same seed, replications and fraction give `run` the same bytes.
        for (file, name) in [(child, "mutuelle-95"), (taxed, "taxe-tabac")] {
            let alone = try Ramusim.run(["run", file, "--out", dir.path("run"), "--threads", "1"] + Self.small)
            #expect(alone.status == 0, "\(alone.stderr)")
            for table in ["indicators.csv", "parameters.csv"] + (name == "taxe-tabac" ? ["taxes.csv"] : []) {
                let compared = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/\(name)/\(table)")))
                let run = try Data(contentsOf: URL(fileURLWithPath: dir.path("run/\(name)/\(table)")))
                #expect(compared == run, "\(name)/\(table) differs from what run writes")
            }
        }

        let rows = try Self.read(dir.path("out/comparison.csv"))
        #expect(rows[0] == Self.comparisonHeader)
        let indicators = try Self.read(dir.path("out/baseline/indicators.csv")).dropFirst()
        let ids = indicators.filter { $0[1] == "2020" }.map { $0[2] }
        #expect(rows.count - 1 == 3 * 16 * ids.count)
        // Scenarios in the order given, then years, then the indicators in catalogue order.
        var expectedKeys: [[String]] = []
        for name in ["mutuelle-95", "baseline", "taxe-tabac"] {
            for year in 2020...2035 { for id in ids { expectedKeys.append([name, String(year), id]) } }
        }
        #expect(rows.dropFirst().map { Array($0[0..<3]) } == expectedKeys)
        // Means are those of each scenario's indicators.csv; labels and units too.
        for name in ["mutuelle-95", "baseline"] {
            let own = try Self.read(dir.path("out/\(name)/indicators.csv")).dropFirst()
            #expect(rows.dropFirst().filter { $0[0] == name }.map { Array($0[0..<6]) } == own.map { Array($0[0..<6]) })
        }
        // The baseline against itself: exactly zero.
        #expect(rows.dropFirst().filter { $0[0] == "baseline" }.allSatisfy { $0[6] == "0" && $0[7] == "0" && $0[8] == "0" })
        // Higher coverage can only lower what each household pays, replication by replication
        // (common random numbers): the whole 90 % interval of the difference is at or below zero.
        let oop = rows.filter { $0[0] == "mutuelle-95" && $0[2] == "che_oop_mfcfa" }
        #expect(oop.count == 16)
        for row in oop {
            let diff = Double(row[6])!, p05 = Double(row[7])!, p95 = Double(row[8])!
            #expect(diff < 0 && p95 <= 0 && p05 <= diff && diff <= p95, "\(row)")
        }

        // The French table: titles, names, the years.
        for text in ["Mutuelles à 95 %", "Statu quo", "mutuelle-95", "baseline", "taxe-tabac", "2025", "2030", "2035",
                     "Couverture totale par l'assurance maladie", "Réserves cumulées"] {
            #expect(r.stdout.contains(text), "missing \(text) in:\n\(r.stdout)")
        }
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 120 }, "\(r.stdout)")
    }

    @Test func identicalScenariosDifferByExactlyZero() throws {
        let dir = try TemporaryDirectory()
        let copy = dir.path("copie.yaml")
        try FileManager.default.copyItem(atPath: Ramusim.baseline, toPath: copy)
        // The baseline given by its path, second.
        let r = try Ramusim.run(["compare", Ramusim.baseline, copy, "--baseline", copy, "--out", dir.path("out"),
                                 "--sample-fraction", "0.0005", "--replications", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.read(dir.path("out/comparison.csv"))
        #expect(rows[0] == Self.comparisonHeader)
        #expect(rows.count > 1 && rows.dropFirst().allSatisfy { $0[6] == "0" && $0[7] == "0" && $0[8] == "0" })
        let a = try Self.read(dir.path("out/baseline/indicators.csv")), b = try Self.read(dir.path("out/copie/indicators.csv"))
        #expect(a.dropFirst().map { Array($0.dropFirst()) } == b.dropFirst().map { Array($0.dropFirst()) })
        #expect(r.stdout.contains("copie") && r.stdout.contains("référence des écarts"))
    }

    @Test func anUnwritableScenarioDirectoryWritesNothing() throws {
        // The second scenario's directory is taken by a file: the first, already staged, must not
        // appear either, nor comparison.csv, nor any temporary directory.
        let dir = try TemporaryDirectory()
        let child = try Self.writeChild(in: dir)
        try FileManager.default.createDirectory(atPath: dir.path("out"), withIntermediateDirectories: true)
        try dir.write("out/mutuelle-95", "un fichier, pas un dossier\n")
        let before = try dir.snapshot()
        let r = try Ramusim.run(["compare", Ramusim.baseline, child, "--out", dir.path("out"),
                                 "--sample-fraction", "0.0005", "--replications", "1"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("mutuelle-95") && r.stderr.contains("n'est pas un dossier"), "\(r.stderr)")
        #expect(try dir.snapshot() == before)
    }

    struct BadCase: CustomStringConvertible, Sendable {
        var name: String
        /// Arguments after "compare"; "$B" is the baseline, "$C" a good child, "$X" a bad file,
        /// "$D" a copy of the baseline in a subdirectory (same name), "$F" a child with another fraction.
        var arguments: [String]
        var mentions: [String]
        /// Whether to pass --sample-fraction (which would make the fractions agree).
        var fractionOption = true
        var description: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "duplicate names", arguments: ["$B", "$C", "$D"], mentions: ["« baseline »", "même nom"]),
        BadCase(name: "unknown baseline", arguments: ["$B", "$C", "--baseline", "nulle-part"],
                mentions: ["--baseline", "nulle-part", "« enfant »"]),
        BadCase(name: "one bad file among good ones", arguments: ["$B", "$X", "$C"], mentions: ["mutuelle.join_rate"]),
        BadCase(name: "a single file", arguments: ["$B"], mentions: ["deux"]),
        BadCase(name: "bad option", arguments: ["$B", "$C", "--replications", "0"], mentions: ["--replications"]),
        BadCase(name: "different sample fractions", arguments: ["$B", "$F"], mentions: ["simulation.sample_fraction", "--sample-fraction"], fractionOption: false),
    ]

    @Test(arguments: badCases)
    func refused(_ c: BadCase) throws {
        let dir = try TemporaryDirectory()
        let files = [
            "$B": Ramusim.baseline,
            "$C": try dir.write("enfant.yaml", "extends: \(Ramusim.baseline)\nmutuelle:\n  join_rate: 0.02\n"),
            "$X": try dir.write("mauvais.yaml", "extends: \(Ramusim.baseline)\nmutuelle:\n  join_rat: 0.02\n"),
            "$F": try dir.write("fraction.yaml", "extends: \(Ramusim.baseline)\nsimulation:\n  sample_fraction: 0.02\n"),
        ]
        try FileManager.default.createDirectory(atPath: dir.path("autre"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Ramusim.baseline, toPath: dir.path("autre/baseline.yaml"))
        // An earlier comparison's outputs must survive untouched.
        try FileManager.default.createDirectory(atPath: dir.path("out/baseline"), withIntermediateDirectories: true)
        try dir.write("out/baseline/indicators.csv", "earlier results\n")
        try dir.write("out/comparison.csv", "earlier comparison\n")
        let before = try dir.snapshot()
        let arguments = c.arguments.map { $0 == "$D" ? dir.path("autre/baseline.yaml") : files[$0] ?? $0 }
        // The case's own options come last, so they win over these.
        let common = ["--out", dir.path("out")] + (c.fractionOption ? ["--sample-fraction", "0.0005", "--replications", "1"] : [])
        let r = try Ramusim.run(["compare"] + common + arguments)
        #expect(r.status == 2, "\(c.name): exit \(r.status), \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one message, got: \(r.stderr)")
        for word in c.mentions { #expect(r.stderr.contains(word), "\(c.name): \(r.stderr)") }
        #expect(r.stdout.isEmpty)
        #expect(try dir.snapshot() == before, "\(c.name): outputs changed")
    }
}

/// `compare` runs its scenarios together and simulates once the years their households see alike
/// (MODEL.md section 2's common random numbers make them the same households). Each scenario's tables
/// must still be, to the byte, those `run` writes for it alone.
@Suite("ramusim compare gives each scenario what run gives it")
struct CompareSharingTests {
    @Test func eachShippedScenarioAsWhenRunAlone() throws {
        let dir = try TemporaryDirectory()
        let scenarios = ["baseline", "budget-15", "earmarked-taxes", "gratuites-ramu", "ramu-full", "population-wpp2024"]
        let files = scenarios.map { Ramusim.packageRoot.appendingPathComponent("scenarios/\($0).yaml").path }
        let options = ["--sample-fraction", "0.0005", "--replications", "2", "--seed", "5"]
        let together = try Ramusim.run(["compare"] + files + ["--out", dir.path("together")] + options, timeout: 300)
        #expect(together.status == 0, "\(together.stderr)")
        for (name, file) in zip(scenarios, files) {
            let alone = try Ramusim.run(["run", file, "--out", dir.path("alone")] + options, timeout: 300)
            #expect(alone.status == 0, "\(alone.stderr)")
            var tables = ["indicators.csv", "indicators_by_quintile.csv"]
            if name == "earmarked-taxes" { tables.append("taxes.csv") }
            for table in tables {
                let a = try Data(contentsOf: URL(fileURLWithPath: dir.path("together/\(name)/\(table)")))
                let b = try Data(contentsOf: URL(fileURLWithPath: dir.path("alone/\(name)/\(table)")))
                #expect(a == b, "\(name)/\(table) differs between compare and run")
            }
        }
    }
}
