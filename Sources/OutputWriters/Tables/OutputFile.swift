/// A CSV file of the outputs, named once: its file name and its header. The writer (`IndicatorTables`),
/// every command that names the file and the briefing that reads it back all take both from here.
public struct OutputFile: Sendable, Equatable {
    /// A column of a header, by its name in the file.
    public enum Column: String, Sendable, CaseIterable {
        case scenario, year, quintile, indicator
        case labelFR = "label_fr"
        case tax, unit
        case mean, sd, p05, p50, p95, replications
        case differenceVsBaseline = "diff_vs_baseline", differenceP05 = "diff_p05", differenceP95 = "diff_p95"
        case parameter, value, source
        case householdID = "household_id", weight, size, sector, regime
        case consumptionFCFA = "consumption_fcfa", oopFCFA = "oop_fcfa"

        public var name: String { rawValue }
    }

    /// The file's name in its directory.
    public let name: String
    /// The header, in order.
    public let columns: [Column]

    public var header: [String] { columns.map(\.name) }

    /// What R replications say of one value: mean, spread, a 90 % interval, how many replications.
    private static let statistics: [Column] = [.mean, .sd, .p05, .p50, .p95, .replications]

    /// One line per (year, indicator) of a scenario (MODEL.md section 9), in its directory.
    public static let indicators = OutputFile(
        name: "indicators.csv", columns: [.scenario, .year, .indicator, .labelFR, .unit] + statistics)
    /// One line per (year, quintile, indicator): the equity indicators, in the scenario's directory.
    public static let indicatorsByQuintile = OutputFile(
        name: "indicators_by_quintile.csv", columns: [.scenario, .year, .quintile, .indicator, .labelFR, .unit] + statistics)
    /// One line per (year, earmarked tax): its revenue for RAMU, when the scenario has one.
    public static let taxes = OutputFile(name: "taxes.csv", columns: [.scenario, .year, .tax, .unit] + statistics)
    /// Every parameter of the run, with its unit and source.
    public static let parameters = OutputFile(name: "parameters.csv", columns: [.parameter, .value, .unit, .source])
    /// Microdata: one line per household and year of replication 0 (`run --microdata`).
    public static let households = OutputFile(
        name: "households.csv",
        columns: [.year, .householdID, .weight, .size, .sector, .regime, .consumptionFCFA, .oopFCFA])
    /// Beside a comparison's scenario directories: each scenario's means and paired differences with the baseline.
    public static let comparison = OutputFile(
        name: "comparison.csv",
        columns: [.scenario, .year, .indicator, .labelFR, .unit, .mean, .differenceVsBaseline, .differenceP05,
                  .differenceP95])

    /// Every CSV of the outputs.
    public static let all: [OutputFile] = [indicators, indicatorsByQuintile, taxes, parameters, households, comparison]
}
