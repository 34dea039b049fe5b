import RamuModel

extension IndicatorTables {
    /// indicators_by_quintile.csv: one line per (year, quintile, indicator), in the order of `summary`
    /// (`ReplicationSummary.quintiles`); quintile 1 = the poorest fifth of the population.
    /// Header exactly: scenario,year,quintile,indicator,label_fr,unit,mean,sd,p05,p50,p95,replications
    public static func indicatorsByQuintile(
        scenario: String,
        summary: [(year: Int, quintile: Int, indicator: QuintileIndicator, stats: IndicatorStatistics)]
    ) throws -> CSVTable {
        var table = CSVTable(header: ["scenario", "year", "quintile", "indicator", "label_fr", "unit",
                                      "mean", "sd", "p05", "p50", "p95", "replications"])
        table.rows.reserveCapacity(summary.count)
        for (i, entry) in summary.enumerated() {
            let line = i + 2
            let s = entry.stats
            func number(_ x: Double, _ column: String) throws -> String {
                guard x.isFinite else { throw OutputError.nonFiniteValue(column: column, row: line) }
                return formatNumber(x)
            }
            table.rows.append([
                scenario, String(entry.year), String(entry.quintile), entry.indicator.id, entry.indicator.labelFR,
                entry.indicator.unit.text,
                try number(s.mean, "mean"), try number(s.sd, "sd"), try number(s.p05, "p05"),
                try number(s.p50, "p50"), try number(s.p95, "p95"), String(s.replications),
            ])
        }
        return table
    }
}
