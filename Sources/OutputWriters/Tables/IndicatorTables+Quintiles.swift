import RamuModel

extension IndicatorTables {
    /// indicators_by_quintile.csv (`OutputFile.indicatorsByQuintile`): one line per (year, quintile,
    /// indicator), in the order of `summary` (`ReplicationSummary.quintiles`); quintile 1 = the poorest
    /// fifth of the population.
    public static func indicatorsByQuintile(
        scenario: String,
        summary: [(year: Int, quintile: Int, indicator: QuintileIndicator, stats: IndicatorStatistics)]
    ) throws -> CSVTable {
        var table = CSVTable(OutputFile.indicatorsByQuintile)
        table.rows.reserveCapacity(summary.count)
        for (i, entry) in summary.enumerated() {
            table.rows.append([scenario, String(entry.year), String(entry.quintile), entry.indicator.id,
                               entry.indicator.labelFR, entry.indicator.unit.text]
                              + (try statistics(entry.stats, line: i + 2)))
        }
        return table
    }
}
