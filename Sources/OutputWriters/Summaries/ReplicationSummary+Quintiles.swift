import RamuModel

extension ReplicationSummary {
    /// Statistics of each equity indicator (MODEL.md section 9) per year and consumption quintile,
    /// across replications: in year order, then quintile 1 (poorest) to 5, then
    /// `QuintileIndicator.allCases` order.
    ///
    /// `ReplicationResult.quintiles[i]` carries its own year. Like `summarize`, a year missing from
    /// some replications is summarised over those that have it; a quintile row that no replication
    /// reports gives no row rather than an invented zero.
    public static func quintiles(_ results: [ReplicationResult])
        -> [(year: Int, quintile: Int, indicator: QuintileIndicator, stats: IndicatorStatistics)]
    {
        let count = QuintileIndicator.allCases.count
        var valuesByYear: [Int: [[[Double]]]] = [:]  // year → quintile − 1 → indicator → one value per replication
        for result in results {  // order is irrelevant: `statistics` sorts the values
            for year in result.quintiles {
                var cells = valuesByYear[year.year]
                    ?? Array(repeating: Array(repeating: [], count: count), count: 5)
                for (q, row) in year.values.prefix(5).enumerated() {
                    for (k, value) in row.prefix(count).enumerated() { cells[q][k].append(value) }
                }
                valuesByYear[year.year] = cells
            }
        }
        var summary: [(year: Int, quintile: Int, indicator: QuintileIndicator, stats: IndicatorStatistics)] = []
        summary.reserveCapacity(valuesByYear.count * 5 * count)
        for year in valuesByYear.keys.sorted() {
            let cells = valuesByYear[year]!
            for q in 0..<5 {
                for indicator in QuintileIndicator.allCases where !cells[q][indicator.index].isEmpty {
                    summary.append((year: year, quintile: q + 1, indicator: indicator,
                                    stats: statistics(cells[q][indicator.index])))
                }
            }
        }
        return summary
    }
}
