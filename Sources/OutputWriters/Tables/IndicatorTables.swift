import RamuModel

/// The CSV files of a run, built from model results. Numbers go through `formatNumber`; a NaN or
/// an infinity is refused with `OutputError.nonFiniteValue` (column, and line of the file with the
/// header as line 1) rather than written.
public enum IndicatorTables {
    /// indicators.csv (`OutputFile.indicators`): one line per (year, indicator), in the order of `summary`.
    public static func indicators(scenario: String,
                                  summary: [(year: Int, indicator: Indicator, stats: IndicatorStatistics)])
        throws -> CSVTable
    {
        var table = CSVTable(OutputFile.indicators)
        table.rows.reserveCapacity(summary.count)
        for (i, entry) in summary.enumerated() {
            table.rows.append([scenario, String(entry.year), entry.indicator.id, entry.indicator.labelFR,
                               entry.indicator.unit.text] + (try statistics(entry.stats, line: i + 2)))
        }
        return table
    }

    /// taxes.csv (`OutputFile.taxes`): one line per (year, earmarked tax), in the order of `summary`
    /// (`ReplicationSummary.taxes`); revenue assigned to RAMU in MFCFA.
    public static func taxes(scenario: String, summary: [(year: Int, tax: String, stats: IndicatorStatistics)])
        throws -> CSVTable
    {
        var table = CSVTable(OutputFile.taxes)
        table.rows.reserveCapacity(summary.count)
        for (i, entry) in summary.enumerated() {
            // A tax's revenue is a part of earmarked_tax_revenue_mfcfa, in its unit.
            table.rows.append([scenario, String(entry.year), entry.tax, Indicator.earmarkedTaxRevenue.unit.text]
                              + (try statistics(entry.stats, line: i + 2)))
        }
        return table
    }

    /// comparison.csv (`OutputFile.comparison`): each scenario's (year, indicator) entries
    /// (`ComparisonSummary.compare`) against the baseline, scenarios in the order given, then the order
    /// of their entries.
    public static func comparison(_ scenarios: [(scenario: String, entries: [PairedComparison])]) throws -> CSVTable {
        var table = CSVTable(OutputFile.comparison)
        table.rows.reserveCapacity(scenarios.reduce(0) { $0 + $1.entries.count })
        for (scenario, entries) in scenarios {
            for entry in entries {
                let line = table.rows.count + 2
                table.rows.append([
                    scenario, String(entry.year), entry.indicator.id, entry.indicator.labelFR, entry.indicator.unit.text,
                    try number(entry.mean, column: .mean, line: line),
                    try number(entry.difference, column: .differenceVsBaseline, line: line),
                    try number(entry.differenceP05, column: .differenceP05, line: line),
                    try number(entry.differenceP95, column: .differenceP95, line: line),
                ])
            }
        }
        return table
    }

    /// parameters.csv (`OutputFile.parameters`): the parameters of the run with their provenance, in the
    /// order given.
    public static func parameters(_ rows: [(parameter: String, value: String, unit: String, source: String)])
        -> CSVTable
    {
        CSVTable(header: OutputFile.parameters.header, rows: rows.map { [$0.parameter, $0.value, $0.unit, $0.source] })
    }

    /// households.csv (`OutputFile.households`, microdata): one line per household and year, sorted by
    /// year then household id (stable, so the file does not depend on the order the records were gathered in).
    public static func households(_ records: [HouseholdYearRecord]) throws -> CSVTable {
        let sorted = records.enumerated().sorted {
            ($0.element.year, $0.element.householdID, $0.offset) < ($1.element.year, $1.element.householdID, $1.offset)
        }
        var table = CSVTable(OutputFile.households)
        table.rows.reserveCapacity(records.count)
        for (i, record) in sorted.map(\.element).enumerated() {
            let line = i + 2
            table.rows.append([
                String(record.year), String(record.householdID), try number(record.weight, column: .weight, line: line),
                String(record.size), record.sector.name, record.regime.name,
                try number(record.consumptionFCFA, column: .consumptionFCFA, line: line),
                try number(record.oopFCFA, column: .oopFCFA, line: line),
            ])
        }
        return table
    }

    /// mean, sd, p05, p50, p95, replications: the last columns of the tables of statistics.
    static func statistics(_ s: IndicatorStatistics, line: Int) throws -> [String] {
        [try number(s.mean, column: .mean, line: line), try number(s.sd, column: .sd, line: line),
         try number(s.p05, column: .p05, line: line), try number(s.p50, column: .p50, line: line),
         try number(s.p95, column: .p95, line: line), String(s.replications)]
    }

    private static func number(_ x: Double, column: OutputFile.Column, line: Int) throws -> String {
        guard x.isFinite else { throw OutputError.nonFiniteValue(column: column.name, row: line) }
        return formatNumber(x)
    }
}
