import Foundation
@testable import Briefing
import OutputWriters
@testable import RamuModel

/// Output directories written by the real table writers from made-up replications, so that the
/// briefing is tested on files exactly like those `run` and `compare` write, in milliseconds.
enum Fixture {
    static let years = Array(2020...2035)
    /// Text that must come out escaped in HTML and quoted in CSV.
    static let hostileTitle = "Réforme <script>alert('x')</script> & « guillemets \"doubles\" » ; point-virgule"

    /// Earmarked taxes of the reform when asked for: a name to quote in CSV and escape in HTML.
    static let taxNames = ["Téléphonie ; « données » <mobile>", "Tabac"]

    /// R replications whose every indicator grows with the year; `scale` makes a scenario differ; `taxes`
    /// instruments bring revenue from 2023 on.
    static func results(scale: Double, replications: Int = 3, taxes: Int = 0) -> [ReplicationResult] {
        (0..<replications).map { r in
            var result = ReplicationResult(replication: r, years: years.map { year in
                var y = YearIndicators(year: year)
                for indicator in Indicator.allCases {
                    let base = indicator.unit == .percent ? 10.0 + Double(indicator.index % 7) : 1000.0 * Double(indicator.index + 1)
                    y[indicator] = scale * base * (1 + 0.02 * Double(year - 2020)) + 0.37 * Double(r) - 0.1
                }
                return y
            })
            result.quintiles = years.map { year in
                QuintileYear(year: year, values: (1...5).map { q in
                    QuintileIndicator.allCases.map { scale * Double(10 * q + $0.index) + 0.25 * Double(r) + Double(year - 2020) }
                })
            }
            result.taxRevenue = years.map { year in
                (0..<taxes).map { k in year < 2023 ? 0 : scale * 100 * Double(k + 1) * Double(year - 2022) + 0.5 * Double(r) }
            }
            return result
        }
    }

    static func parameters(healthShare: String, source: String) -> [(parameter: String, value: String, unit: String, source: String)] {
        [("simulation.start_year", "2020", "year", "MODEL.md (valeur par défaut)"),
         ("budget.health_share", healthShare, "fraction", source),
         ("gratuites.arrangement", "separate", "choice", "assumption : statu quo"),
         ("run.seed", "1", "text", "ligne de commande (--seed)")]
    }

    struct Written {
        var root: URL
        var baseline: [ReplicationResult]
        var scenario: [ReplicationResult]
    }

    /// DIR/comparison.csv, DIR/baseline/, DIR/reforme/ as `compare` writes them (manifest aside).
    @discardableResult
    static func writeComparison(to root: URL, recordBaseline: Bool = true, taxes: Bool = false) throws -> Written {
        let baseline = results(scale: 1), scenario = results(scale: 1.2, taxes: taxes ? taxNames.count : 0)
        let run = { (baselineName: String?) in
            ScenarioRecord.RunRecord(command: ["ramusim", "compare", "scenarios/baseline.yaml", "scenarios/reforme.yaml"],
                                     version: "9.9.9", seed: 1, replications: 3, sampleFraction: 0.01, date: "2026-11-25",
                                     baseline: baselineName)
        }
        try writeScenario(root.appendingPathComponent("baseline"), results: baseline,
                          record: ScenarioRecord(name: "baseline", title: "Statu quo (référence)", description: "Le Mali sans réforme.",
                                                 file: "scenarios/baseline.yaml", run: run(recordBaseline ? "baseline" : nil)),
                          parameters: parameters(healthShare: "0.051", source: "Loi de finances 2019"))
        try writeScenario(root.appendingPathComponent("reforme"), results: scenario,
                          record: ScenarioRecord(name: "reforme", title: hostileTitle,
                                                 description: "Une <b>description</b> & des \"guillemets\".",
                                                 file: "scenarios/reforme.yaml", run: run(recordBaseline ? "baseline" : nil)),
                          parameters: parameters(healthShare: "0.15", source: "<i>hypothèse</i> du GTT"),
                          taxes: taxes ? taxNames : [])
        let comparisons = [
            (scenario: "baseline", entries: ComparisonSummary.compare(baseline: baseline, scenario: baseline)),
            (scenario: "reforme", entries: ComparisonSummary.compare(baseline: baseline, scenario: scenario)),
        ]
        try IndicatorTables.comparison(comparisons).render()
            .write(to: root.appendingPathComponent("comparison.csv"), atomically: true, encoding: .utf8)
        return Written(root: root, baseline: baseline, scenario: scenario)
    }

    static func writeScenario(_ directory: URL, results: [ReplicationResult], record: ScenarioRecord,
                              parameters: [(parameter: String, value: String, unit: String, source: String)],
                              taxes: [String] = []) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("indicators.csv", IndicatorTables.indicators(scenario: record.name,
                                                               summary: ReplicationSummary.summarize(results)).render())
        try write("indicators_by_quintile.csv", IndicatorTables.indicatorsByQuintile(
            scenario: record.name, summary: ReplicationSummary.quintiles(results)).render())
        try write("parameters.csv", IndicatorTables.parameters(parameters).render())
        if !taxes.isEmpty {
            try write("taxes.csv", IndicatorTables.taxes(scenario: record.name,
                                                         summary: ReplicationSummary.taxes(results, names: taxes)).render())
        }
        try write(ScenarioRecord.fileName, record.rendered())
    }
}

/// A fresh temporary directory, removed afterwards.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ramusim-briefing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}
