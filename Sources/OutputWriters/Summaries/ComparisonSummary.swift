import RamuModel

/// One indicator in one year of a scenario, beside the baseline it is compared with.
public struct PairedComparison: Sendable, Equatable {
    public var year: Int
    public var indicator: Indicator
    /// Mean over the scenario's replications: the `mean` of its indicators.csv.
    public var mean: Double
    /// Mean over r of (x_r − b_r), replication r of the scenario minus replication r of the baseline.
    public var difference: Double
    /// 5th and 95th percentiles of the paired differences (interpolation of `ReplicationSummary.statistics`).
    public var differenceP05: Double
    public var differenceP95: Double
    /// How many replications were paired.
    public var pairs: Int

    public init(year: Int, indicator: Indicator, mean: Double, difference: Double,
                differenceP05: Double, differenceP95: Double, pairs: Int) {
        self.year = year
        self.indicator = indicator
        self.mean = mean
        self.difference = difference
        self.differenceP05 = differenceP05
        self.differenceP95 = differenceP95
        self.pairs = pairs
    }
}

/// Scenario minus baseline, replication by replication (MODEL.md section 2, common random numbers).
///
/// Both scenarios ran with the same seed, so replication r of each drew the same random numbers
/// wherever the scenarios did not diverge: the difference of the two runs of r carries much less
/// noise than either run, and its spread across r is the honest uncertainty of the difference.
/// Pairs are matched by `ReplicationResult.replication` and year, never by position in the arrays.
public enum ComparisonSummary {
    /// One entry per (year, indicator) of `scenario`, in year order then `Indicator.allCases` order.
    /// A replication or year the baseline lacks is left out of the differences (`pairs` says how many
    /// remain); with no pair at all the differences are NaN, which the CSV writer refuses.
    /// Identical inputs give differences of exactly 0 (x − x is +0 for every finite x).
    public static func compare(baseline: [ReplicationResult], scenario: [ReplicationResult]) -> [PairedComparison] {
        var baselineYears: [Int: [Int: YearIndicators]] = [:]  // replication → year → values
        for result in baseline {
            precondition(baselineYears[result.replication] == nil,
                         "comparaison : la réplication \(result.replication) de la référence apparaît deux fois")
            baselineYears[result.replication] = Dictionary(result.years.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let count = Indicator.allCases.count
        var values: [Int: [[Double]]] = [:]  // year → indicator index → one value per replication
        var differences: [Int: [[Double]]] = [:]  // year → indicator index → one difference per pair
        var seen: Set<Int> = []
        for result in scenario {  // order is irrelevant: `statistics` sorts the values
            precondition(seen.insert(result.replication).inserted,
                         "comparaison : la réplication \(result.replication) du scénario apparaît deux fois")
            let paired = baselineYears[result.replication]
            for year in result.years {
                var columns = values[year.year] ?? Array(repeating: [], count: count)
                var deltas = differences[year.year] ?? Array(repeating: [], count: count)
                let base = paired?[year.year]
                for i in 0..<count {
                    columns[i].append(year.values[i])
                    if let base { deltas[i].append(year.values[i] - base.values[i]) }
                }
                values[year.year] = columns
                differences[year.year] = deltas
            }
        }
        var entries: [PairedComparison] = []
        entries.reserveCapacity(values.count * count)
        for year in values.keys.sorted() {
            for indicator in Indicator.allCases {
                let mean = ReplicationSummary.statistics(values[year]![indicator.index]).mean
                let d = ReplicationSummary.statistics(differences[year]![indicator.index])
                entries.append(PairedComparison(year: year, indicator: indicator, mean: mean, difference: d.mean,
                                                differenceP05: d.p05, differenceP95: d.p95, pairs: d.replications))
            }
        }
        return entries
    }
}
