import OutputWriters
import RamuModel
import ScenarioFiles

/// The French tables `compare` prints: for each headline indicator, one row per scenario with its
/// mean and its paired difference with the baseline in a few years. Fits 120 columns with short
/// scenario names; titles are listed once, above the tables.
enum ComparisonTable {
    static let indicators: [Indicator] = [
        .coverageTotal, .oopShare, .catastrophic10, .forgoneCare, .cheTotal, .financingGap, .fiscalSpace, .poolReserve,
    ]
    static let years = [2025, 2030, 2035]

    /// `comparisons[i]` are the entries of `scenarios[i]` (`ComparisonSummary.compare`).
    static func render(scenarios: [Scenario], baseline: Int, comparisons: [[PairedComparison]],
                       replications: Int, sampleFraction: Double) -> String {
        var entry: [String: PairedComparison] = [:]  // "scenario index|year|indicator id"
        for (i, entries) in comparisons.enumerated() {
            for e in entries { entry["\(i)|\(e.year)|\(e.indicator.id)"] = e }
        }
        let available = Set(comparisons.flatMap { $0.map(\.year) })
        let shown = years.filter(available.contains)
        let baselineName = scenarios[baseline].name

        var lines = [
            "Comparaison de \(scenarios.count) scénarios — \(replications) réplication(s) aux mêmes nombres aléatoires, "
                + "échantillon \(formatFrench(100 * sampleFraction, decimals: 2)) % des ménages",
        ]
        let width = scenarios.map(\.name.count).max() ?? 0
        for (i, scenario) in scenarios.enumerated() {
            let padding = String(repeating: " ", count: width - scenario.name.count)
            let title = scenario.title.map { "  \($0)" } ?? ""
            lines.append("  \(scenario.name)\(padding)\(title)\(i == baseline ? "  ← référence des écarts Δ" : "")")
        }
        lines.append("Δ : écart moyen avec « \(baselineName) », réplication par réplication "
                     + "(intervalle 5–95 % : \(OutputFile.comparison.name)).")

        let columns = ["Scénario"] + shown.flatMap { ["\($0)", "Δ \($0)"] }
        for indicator in indicators {
            let declaration = indicator.declaration
            let format = declaration.format
            let rows = scenarios.indices.map { i -> [String] in
                [scenarios[i].name] + shown.flatMap { year -> [String] in
                    guard let e = entry["\(i)|\(year)|\(declaration.id)"] else { return ["n.d.", "n.d."] }
                    return [formatFrench(e.mean, decimals: format.levelDecimals),
                            signed(e.difference, decimals: format.differenceDecimals)]
                }
            }
            lines.append("")
            lines.append(TerminalTable.render(title: "\(declaration.labelFR) (\(declaration.unit.text))", columns: columns,
                                              rows: rows))
        }
        return lines.joined(separator: "\n")
    }

    /// A difference with its sign: "+1 234", "-0,03", "0,00".
    static func signed(_ x: Double, decimals: Int) -> String {
        let text = formatFrench(x, decimals: decimals)
        let isZero = !text.contains { $0.isNumber && $0 != "0" }
        return x > 0 && !isZero ? "+" + text : text
    }
}
