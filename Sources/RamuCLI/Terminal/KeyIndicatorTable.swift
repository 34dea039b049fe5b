import OutputWriters
import RamuModel
import ScenarioFiles

/// The short French table `run` prints: the headline indicators in a few years.
enum KeyIndicatorTable {
    static let indicators: [Indicator] = [
        .population, .coverageTotal, .forgoneCare, .oopShare, .catastrophic10, .impoverished,
        .cheTotal, .financingGap,
    ]
    static let years = [2020, 2025, 2030, 2035]

    static func render(scenario: Scenario, summary: [(year: Int, indicator: Indicator, stats: IndicatorStatistics)],
                       replications: Int, sampleFraction: Double) -> String {
        let available = Set(summary.map(\.year))
        let shown = years.filter(available.contains)
        var mean: [String: Double] = [:]
        for row in summary { mean["\(row.year)|\(row.indicator.id)"] = row.stats.mean }
        let rows = indicators.map { indicator -> [String] in
            let declaration = indicator.declaration
            return [declaration.labelFR, declaration.unit.text] + shown.map { year in
                let value = mean["\(year)|\(declaration.id)"] ?? 0
                return formatFrench(value, decimals: declaration.format.levelDecimals)
            }
        }
        let title = "\(scenario.title ?? scenario.name) — moyenne de \(replications) réplication(s), "
            + "échantillon \(formatFrench(100 * sampleFraction, decimals: 2)) % des ménages"
        return TerminalTable.render(title: title, columns: ["Indicateur", "Unité"] + shown.map(String.init), rows: rows)
    }
}
