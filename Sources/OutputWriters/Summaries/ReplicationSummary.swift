import RamuModel

/// What R replications say about one indicator in one year: centre, spread and a 90 % interval.
public struct IndicatorStatistics: Sendable, Equatable {
    public var mean: Double
    /// Sample standard deviation (n − 1 denominator), 0 for a single replication.
    public var sd: Double
    public var p05: Double
    public var p50: Double
    public var p95: Double
    public var replications: Int

    public init(mean: Double, sd: Double, p05: Double, p50: Double, p95: Double, replications: Int) {
        self.mean = mean
        self.sd = sd
        self.p05 = p05
        self.p50 = p50
        self.p95 = p95
        self.replications = replications
    }
}

/// Reduces the replications of a run to one `IndicatorStatistics` per (year, indicator).
///
/// Bytes of the output must not depend on which thread finished first, so every sum runs over the
/// values sorted ascending: the same numbers give the same result, bit for bit, in whatever order
/// the replications arrive (a stronger guarantee than summing in replication order, and the sort
/// is needed for the percentiles anyway).
public enum ReplicationSummary {
    /// Statistics per (year, indicator), in year order then `Indicator.allCases` order.
    /// `results` may come in any order; a year missing from some replications is summarised over
    /// those that have it (`replications` says how many).
    public static func summarize(_ results: [ReplicationResult])
        -> [(year: Int, indicator: Indicator, stats: IndicatorStatistics)]
    {
        var valuesByYear: [Int: [[Double]]] = [:]  // year → indicator index → one value per replication
        for result in results {  // order is irrelevant: `statistics` sorts the values
            for year in result.years {
                var columns = valuesByYear[year.year]
                    ?? Array(repeating: [], count: Indicator.allCases.count)
                for indicator in Indicator.allCases {
                    columns[indicator.index].append(year[indicator])
                }
                valuesByYear[year.year] = columns
            }
        }
        var summary: [(year: Int, indicator: Indicator, stats: IndicatorStatistics)] = []
        summary.reserveCapacity(valuesByYear.count * Indicator.allCases.count)
        for year in valuesByYear.keys.sorted() {
            let columns = valuesByYear[year]!
            for indicator in Indicator.allCases {
                summary.append((year: year, indicator: indicator, stats: statistics(columns[indicator.index])))
            }
        }
        return summary
    }

    /// Mean, sample standard deviation and the 5th, 50th and 95th percentiles of `values`.
    ///
    /// Percentiles interpolate linearly between order statistics (R's type 7, numpy's default):
    /// with x sorted and h = (n − 1)p, the value is x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]).
    /// An empty sample gives NaN everywhere and `replications` 0 (the CSV writers refuse NaN).
    public static func statistics(_ values: [Double]) -> IndicatorStatistics {
        guard !values.isEmpty else {
            return IndicatorStatistics(mean: .nan, sd: .nan, p05: .nan, p50: .nan, p95: .nan, replications: 0)
        }
        let sorted = values.sorted()
        let n = sorted.count
        let mean = sorted.reduce(0, +) / Double(n)
        var sumOfSquares = 0.0  // two passes: accurate when the spread is small beside the mean
        for x in sorted { sumOfSquares += (x - mean) * (x - mean) }
        let sd = n > 1 ? (sumOfSquares / Double(n - 1)).squareRoot() : 0
        return IndicatorStatistics(
            mean: mean, sd: sd,
            p05: percentile(sorted: sorted, 0.05), p50: percentile(sorted: sorted, 0.50),
            p95: percentile(sorted: sorted, 0.95), replications: n)
    }

    /// Type 7 percentile of an ascending, non-empty sample.
    static func percentile(sorted x: [Double], _ p: Double) -> Double {
        let h = Double(x.count - 1) * p
        let lower = Int(h.rounded(.down))
        guard lower + 1 < x.count else { return x[lower] }
        let fraction = h - Double(lower)
        // Equal neighbours give exactly that value, not x + 0·(y − x) (which is NaN for infinities).
        return x[lower] == x[lower + 1] ? x[lower] : x[lower] + fraction * (x[lower + 1] - x[lower])
    }
}
