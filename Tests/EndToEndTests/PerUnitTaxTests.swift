import Foundation
import Testing

/// An earmarked tax of kind per_unit (issue 13, item 5) through the built binary: it validates, runs, and
/// its revenue in taxes.csv is the formula of the README, year by year.
@Suite("A per-unit earmarked tax through ramusim")
struct PerUnitTaxTests {
    /// 1 000 FCFA per litre on 40 million litres in 2020, +4 %/yr, from 2025, 90 % collected, 60 % to RAMU.
    static let scenario = """
        extends: \(Ramusim.baseline)
        taxes:
          - name: Alcool (par litre)
            kind: {value: per_unit, unit: choice, source: "prélèvement de 2025 (MODEL.md section 7)"}
            rate: {value: 1000, unit: FCFA/unit, source: "1 000 FCFA par litre"}
            volume: {value: 40000000, unit: units, source: "illustratif"}
            volume_growth: {value: 0.04, unit: fraction/year, source: "illustratif"}
            start: 2025.0
            collection_efficiency: 0.9
            share_to_ramu: 0.6
          - {name: Mines, base: 2500000, rate: 0.01, start: 2023.0, collection_efficiency: 0.8, share_to_ramu: 1}
        """

    @Test func itsRevenueIsTheFormulaEveryYear() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("litre.yaml", Self.scenario)
        let v = try Ramusim.run(["validate", file])
        #expect(v.status == 0, "\(v.stderr)")
        let r = try Ramusim.run(["run", file, "--sample-fraction", "0.0005", "--replications", "2", "--out", dir.path("out")])
        try #require(r.status == 0, "\(r.stderr)")
        let rows = parseCSV(try String(contentsOfFile: dir.path("out/litre/taxes.csv"), encoding: .utf8))
        #expect(rows[0] == ["scenario", "year", "tax", "unit", "mean", "sd", "p05", "p50", "p95", "replications"])
        let inflation = 0.02  // baseline.yaml's macro.inflation
        var checked = 0
        for row in rows.dropFirst() where row[2] == "Alcool (par litre)" {
            let year = Int(row[1])!, t = Double(year - 2020)
            // rate × volume × (1 + volume_growth)^t × (1 + inflation)^t × collection × share, in MFCFA.
            let expected = year < 2025 ? 0 : 1000 * 40e6 * pow(1.04, t) * pow(1 + inflation, t) * 0.9 * 0.6 / 1e6
            let mean = Double(row[4])!
            // The CSV rounds to 4 decimals (`formatNumber`): the formula to within half of the last one.
            #expect(abs(mean - expected) <= 0.5e-4 + 1e-12 * expected, "\(year): \(mean) ≠ \(expected)")
            #expect(Double(row[5])! == 0)  // no randomness in a tax
            checked += 1
        }
        #expect(checked == 16)
        // The kind and its fields reach parameters.csv with their units and sources.
        let parameters = parseCSV(try String(contentsOfFile: dir.path("out/litre/parameters.csv"), encoding: .utf8))
        let keys = parameters.map { $0[0] }.filter { $0.hasPrefix("taxes[0].") }
        #expect(keys == ["taxes[0].name", "taxes[0].kind", "taxes[0].rate", "taxes[0].volume", "taxes[0].volume_growth",
                         "taxes[0].start", "taxes[0].collection_efficiency", "taxes[0].share_to_ramu"])
        #expect(parameters.contains { $0[0] == "taxes[0].rate" && $0[2] == "FCFA/unit" && $0[3] == "1 000 FCFA par litre" })
        // The ad valorem tax beside it keeps its rows, without a kind.
        #expect(!parameters.contains { $0[0] == "taxes[1].kind" })
    }
}
