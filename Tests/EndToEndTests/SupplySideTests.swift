import Foundation
import Testing

/// The derived supply side (MODEL.md section 7, second version) reaches parameters.csv as a number with
/// its derivation, and one the scenario gives is kept as given.
@Suite("The state's supply side in parameters.csv")
struct SupplySideTests {
    static func row(_ dir: TemporaryDirectory, _ scenario: String) throws -> [String] {
        let rows = parseCSV(try String(contentsOfFile: dir.path("out/\(scenario)/parameters.csv"), encoding: .utf8))
        return try #require(rows.first { $0[0] == "budget.supply_side" })
    }

    /// The 2020 mean of indicator `id` in the scenario's indicators.csv.
    static func mean2020(_ dir: TemporaryDirectory, _ scenario: String, _ id: String) throws -> Double {
        let rows = parseCSV(try String(contentsOfFile: dir.path("out/\(scenario)/indicators.csv"), encoding: .utf8))
        return try #require(rows.first { $0[1] == "2020" && $0[2] == id }.flatMap { Double($0[5]) })
    }

    @Test func aDerivedSupplySideIsReportedWithItsDerivation() throws {
        let dir = try TemporaryDirectory()
        let r = try Ramusim.run(["run", Ramusim.baseline, "--sample-fraction", "0.0005", "--replications", "3",
                                 "--out", dir.path("out")])
        try #require(r.status == 0, "\(r.stderr)")
        let row = try Self.row(dir, "baseline")
        let value = try #require(Double(row[1]), "« \(row[1]) » is not a number")
        #expect(value > 10_000 && value < 112_200, "\(value)")  // part of the 2020 health budget
        #expect(row[2] == "MFCFA")
        #expect(row[3].hasPrefix("dérivé : budget santé de 2020 moins ses engagements"), "\(row[3])")
        #expect(row[3].contains("moyenne de 3 réplication(s)"))
        // The base year is in balance: no fiscal space, no gap in 2020.
        for id in ["fiscal_space_mfcfa", "financing_gap_mfcfa"] {
            let mean = try Self.mean2020(dir, "baseline", id)
            #expect(abs(mean) < 1e-6, "\(id) \(mean)")
        }
    }

    @Test func aGivenSupplySideIsKept() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("given.yaml", """
            extends: \(Ramusim.baseline)
            budget:
              supply_side: {value: 78540, unit: MFCFA, source: "70 % du budget santé de 2020 (première version)"}
            """)
        let r = try Ramusim.run(["run", file, "--sample-fraction", "0.0005", "--replications", "2", "--out", dir.path("out")])
        try #require(r.status == 0, "\(r.stderr)")
        let row = try Self.row(dir, "given")
        #expect(row[1] == "78540" && row[3] == "70 % du budget santé de 2020 (première version)")
        let gap = try Self.mean2020(dir, "given", "financing_gap_mfcfa")
        #expect(gap > 10_000, "the first version's supply side leaves a gap in 2020: \(gap)")
    }
}
