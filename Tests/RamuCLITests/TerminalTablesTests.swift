import Foundation
import OutputWriters
@testable import RamuCLI
import RamuModel
import ScenarioFiles
import Testing

/// The tables `run` and `compare` print take their labels, units and decimals from the declarations.
@Suite("Terminal tables from the declarations")
struct TerminalTablesTests {
    static let scenario = Scenario(name: "baseline", title: "Statu quo", description: nil, parameters: Parameters(),
                                   provenance: [], files: [])
    static let nbsp = "\u{202F}"  // formatFrench's thousands separator

    static func statistics(_ mean: Double) -> IndicatorStatistics {
        IndicatorStatistics(mean: mean, sd: 0, p05: mean, p50: mean, p95: mean, replications: 1)
    }

    /// The row of `indicator`: its cells split on the table's two-space gaps.
    static func row(_ table: String, _ indicator: Indicator) throws -> [String] {
        let line = try #require(table.split(separator: "\n").first { $0.hasPrefix(indicator.labelFR + " ") })
        return line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func runTableShowsASharesDecimalAndWholeMoney() throws {
        let summary = [(year: 2025, indicator: Indicator.oopShare, stats: Self.statistics(36.84)),
                       (year: 2025, indicator: Indicator.cheTotal, stats: Self.statistics(583_140.4))]
        let table = KeyIndicatorTable.render(scenario: Self.scenario, summary: summary, replications: 1,
                                             sampleFraction: 0.01)
        #expect(try Self.row(table, .oopShare) == [Indicator.oopShare.labelFR, "%", "36,8"])
        #expect(try Self.row(table, .cheTotal) == [Indicator.cheTotal.labelFR, "MFCFA", "583\(Self.nbsp)140"])
        // The decimals are the declaration's: a table that kept its own would drift from it.
        #expect(formatFrench(36.84, decimals: Indicator.oopShare.declaration.format.levelDecimals) == "36,8")
        #expect(formatFrench(583_140.4, decimals: Indicator.cheTotal.declaration.format.levelDecimals) == "583\(Self.nbsp)140")
    }

    @Test func compareTableShowsOneMoreDecimalForADifferenceOfShares() throws {
        let entries = [
            PairedComparison(year: 2025, indicator: .oopShare, mean: 25.94, difference: -10.857, differenceP05: -11,
                             differenceP95: -10, pairs: 1),
            PairedComparison(year: 2025, indicator: .cheTotal, mean: 583_140.4, difference: 1234.6, differenceP05: 1000,
                             differenceP95: 1500, pairs: 1),
        ]
        let table = ComparisonTable.render(scenarios: [Self.scenario], baseline: 0, comparisons: [entries], replications: 1,
                                           sampleFraction: 0.01)
        let blocks = table.components(separatedBy: "\n\n")
        let share = try #require(blocks.first { $0.hasPrefix(Indicator.oopShare.labelFR + " (%)") })
        #expect(share.hasSuffix("baseline  25,9  -10,86"))
        let money = try #require(blocks.first { $0.hasPrefix(Indicator.cheTotal.labelFR + " (MFCFA)") })
        #expect(money.hasSuffix("baseline  583\(Self.nbsp)140  +1\(Self.nbsp)235"))
        let format = Indicator.oopShare.declaration.format
        #expect(format.levelDecimals == 1 && format.differenceDecimals == 2)
        #expect(Indicator.cheTotal.declaration.format == .whole)
    }
}
