import RamuModel

/// The CSV files of a run, built from model results. Numbers go through `formatNumber`; a NaN or
/// an infinity is refused with `OutputError.nonFiniteValue` (column, and line of the file with the
/// header as line 1) rather than written.
public enum IndicatorTables {
    /// indicators.csv: one line per (year, indicator), in the order of `summary`.
    /// Header exactly: scenario,year,indicator,label_fr,unit,mean,sd,p05,p50,p95,replications
    public static func indicators(scenario: String,
                                  summary: [(year: Int, indicator: Indicator, stats: IndicatorStatistics)])
        throws -> CSVTable
    {
        var table = CSVTable(header: ["scenario", "year", "indicator", "label_fr", "unit",
                                      "mean", "sd", "p05", "p50", "p95", "replications"])
        table.rows.reserveCapacity(summary.count)
        for (i, entry) in summary.enumerated() {
            let line = i + 2
            let s = entry.stats
            table.rows.append([
                scenario, String(entry.year), entry.indicator.id, entry.indicator.labelFR, entry.indicator.unit.text,
                try number(s.mean, column: "mean", line: line), try number(s.sd, column: "sd", line: line),
                try number(s.p05, column: "p05", line: line), try number(s.p50, column: "p50", line: line),
                try number(s.p95, column: "p95", line: line), String(s.replications),
            ])
        }
        return table
    }

    /// taxes.csv: one line per (year, earmarked tax), in the order of `summary`
    /// (`ReplicationSummary.taxes`); revenue assigned to RAMU in MFCFA.
    /// Header exactly: scenario,year,tax,unit,mean,sd,p05,p50,p95,replications
    public static func taxes(scenario: String, summary: [(year: Int, tax: String, stats: IndicatorStatistics)])
        throws -> CSVTable
    {
        var table = CSVTable(header: ["scenario", "year", "tax", "unit", "mean", "sd", "p05", "p50", "p95", "replications"])
        table.rows.reserveCapacity(summary.count)
        for (i, entry) in summary.enumerated() {
            let line = i + 2
            let s = entry.stats
            table.rows.append([
                scenario, String(entry.year), entry.tax, "MFCFA",
                try number(s.mean, column: "mean", line: line), try number(s.sd, column: "sd", line: line),
                try number(s.p05, column: "p05", line: line), try number(s.p50, column: "p50", line: line),
                try number(s.p95, column: "p95", line: line), String(s.replications),
            ])
        }
        return table
    }

    /// comparison.csv: each scenario's (year, indicator) entries (`ComparisonSummary.compare`) against
    /// the baseline, scenarios in the order given, then the order of their entries.
    /// Header exactly: scenario,year,indicator,label_fr,unit,mean,diff_vs_baseline,diff_p05,diff_p95
    public static func comparison(_ scenarios: [(scenario: String, entries: [PairedComparison])]) throws -> CSVTable {
        var table = CSVTable(header: ["scenario", "year", "indicator", "label_fr", "unit",
                                      "mean", "diff_vs_baseline", "diff_p05", "diff_p95"])
        table.rows.reserveCapacity(scenarios.reduce(0) { $0 + $1.entries.count })
        for (scenario, entries) in scenarios {
            for entry in entries {
                let line = table.rows.count + 2
                table.rows.append([
                    scenario, String(entry.year), entry.indicator.id, entry.indicator.labelFR, entry.indicator.unit.text,
                    try number(entry.mean, column: "mean", line: line),
                    try number(entry.difference, column: "diff_vs_baseline", line: line),
                    try number(entry.differenceP05, column: "diff_p05", line: line),
                    try number(entry.differenceP95, column: "diff_p95", line: line),
                ])
            }
        }
        return table
    }

    /// parameters.csv: the parameters of the run with their provenance, in the order given.
    /// Header exactly: parameter,value,unit,source
    public static func parameters(_ rows: [(parameter: String, value: String, unit: String, source: String)])
        -> CSVTable
    {
        CSVTable(header: ["parameter", "value", "unit", "source"],
                 rows: rows.map { [$0.parameter, $0.value, $0.unit, $0.source] })
    }

    /// households.csv (microdata): one line per household and year, sorted by year then household id
    /// (stable, so the file does not depend on the order the records were gathered in).
    /// Header exactly: year,household_id,weight,size,sector,regime,consumption_fcfa,oop_fcfa
    public static func households(_ records: [HouseholdYearRecord]) throws -> CSVTable {
        let sorted = records.enumerated().sorted {
            ($0.element.year, $0.element.householdID, $0.offset) < ($1.element.year, $1.element.householdID, $1.offset)
        }
        var table = CSVTable(header: ["year", "household_id", "weight", "size", "sector", "regime",
                                      "consumption_fcfa", "oop_fcfa"])
        table.rows.reserveCapacity(records.count)
        for (i, record) in sorted.map(\.element).enumerated() {
            let line = i + 2
            table.rows.append([
                String(record.year), String(record.householdID), try number(record.weight, column: "weight", line: line),
                String(record.size), record.sector.name, record.regime.name,
                try number(record.consumptionFCFA, column: "consumption_fcfa", line: line),
                try number(record.oopFCFA, column: "oop_fcfa", line: line),
            ])
        }
        return table
    }

    private static func number(_ x: Double, column: String, line: Int) throws -> String {
        guard x.isFinite else { throw OutputError.nonFiniteValue(column: column, row: line) }
        return formatNumber(x)
    }
}
