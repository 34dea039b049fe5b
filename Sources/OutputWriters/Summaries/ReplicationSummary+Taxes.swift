import RamuModel

extension ReplicationSummary {
    /// Statistics of each earmarked tax's revenue (MFCFA) per year, across replications, in year order
    /// then in the order of `names` (the instruments of `Parameters.taxes`).
    ///
    /// `ReplicationResult.taxRevenue[i][k]` is the revenue of instrument k in the year `years[i]`.
    /// Like `summarize`, a value missing from some replications is summarised over those that have it;
    /// a (year, instrument) that no replication reports gives no row rather than an invented zero.
    public static func taxes(_ results: [ReplicationResult], names: [String])
        -> [(year: Int, tax: String, stats: IndicatorStatistics)]
    {
        var valuesByYear: [Int: [[Double]]] = [:]  // year → instrument → one value per replication
        for result in results {
            for (i, year) in result.years.enumerated() where i < result.taxRevenue.count {
                var columns = valuesByYear[year.year] ?? Array(repeating: [], count: names.count)
                for (k, revenue) in result.taxRevenue[i].prefix(names.count).enumerated() {
                    columns[k].append(revenue)
                }
                valuesByYear[year.year] = columns
            }
        }
        var summary: [(year: Int, tax: String, stats: IndicatorStatistics)] = []
        for year in valuesByYear.keys.sorted() {
            for (k, name) in names.enumerated() where !valuesByYear[year]![k].isEmpty {
                summary.append((year: year, tax: name, stats: statistics(valuesByYear[year]![k])))
            }
        }
        return summary
    }
}
