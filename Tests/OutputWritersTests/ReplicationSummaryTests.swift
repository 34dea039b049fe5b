import OutputWriters
import RamuModel
import Testing

@Suite("Replication statistics")
struct ReplicationSummaryTests {
    @Test func oneToFive() {
        let s = ReplicationSummary.statistics([5, 3, 1, 4, 2])
        #expect(s.mean == 3)
        #expect(abs(s.sd - 2.5.squareRoot()) < 1e-15)
        #expect(abs(s.p05 - 1.2) < 1e-12)
        #expect(s.p50 == 3)
        #expect(abs(s.p95 - 4.8) < 1e-12)
        #expect(s.replications == 5)
    }

    /// Reference values from numpy 2.4: mean, std(ddof=1), percentile(5, 50, 95).
    @Test func matchesNumpy() {
        let s = ReplicationSummary.statistics([12.5, 3.0, 7.25, 19.0, 3.0, 11.0, 8.5])
        #expect(abs(s.mean - 9.178571428571429) < 1e-12)
        #expect(abs(s.sd - 5.64711262083385) < 1e-12)
        #expect(s.p05 == 3.0)
        #expect(s.p50 == 8.5)
        #expect(abs(s.p95 - 17.05) < 1e-12)
    }

    @Test func singleReplication() {
        let s = ReplicationSummary.statistics([42.5])
        #expect(s == IndicatorStatistics(mean: 42.5, sd: 0, p05: 42.5, p50: 42.5, p95: 42.5, replications: 1))
    }

    @Test func twoReplicationsInterpolate() {
        let s = ReplicationSummary.statistics([10, 20])
        #expect(s.p50 == 15)
        #expect(abs(s.p05 - 10.5) < 1e-12)
        #expect(abs(s.p95 - 19.5) < 1e-12)
        #expect(abs(s.sd - 50.0.squareRoot()) < 1e-12)
    }

    @Test func emptySampleIsNaN() {
        let s = ReplicationSummary.statistics([])
        #expect(s.mean.isNaN && s.p50.isNaN)
        #expect(s.replications == 0)
    }

    /// Values whose floating-point sum depends on the order of addition.
    static func results() -> [ReplicationResult] {
        let awkward: [Double] = [1e16, 0.1, -1e16, 0.7, 3.3, 1.0 / 3.0]
        return (0..<awkward.count).map { r in
            let years = [2021, 2020].map { year -> YearIndicators in
                var y = YearIndicators(year: year)
                for indicator in Indicator.allCases {
                    y[indicator] = awkward[(r + indicator.index + year) % awkward.count] * Double(indicator.index + 1)
                }
                return y
            }
            return ReplicationResult(replication: r, years: years)
        }
    }

    @Test func summaryDoesNotDependOnOrder() {
        let results = Self.results()
        let reference = ReplicationSummary.summarize(results)
        let orders = [Array(results.reversed()), [results[3], results[0], results[5], results[1], results[4], results[2]]]
        for order in orders {
            let other = ReplicationSummary.summarize(order)
            #expect(other.count == reference.count)
            for (a, b) in zip(reference, other) {
                #expect(a.year == b.year && a.indicator == b.indicator)
                // Bitwise: the bytes of the CSV must be identical.
                #expect(a.stats.mean.bitPattern == b.stats.mean.bitPattern)
                #expect(a.stats.sd.bitPattern == b.stats.sd.bitPattern)
                #expect(a.stats == b.stats)
            }
        }
    }

    @Test func summaryOrderIsYearThenCatalogue() {
        let summary = ReplicationSummary.summarize(Self.results())
        let n = Indicator.allCases.count
        #expect(summary.count == 2 * n)
        #expect(summary.map(\.year) == Array(repeating: 2020, count: n) + Array(repeating: 2021, count: n))
        #expect(summary.map(\.indicator) == Indicator.allCases + Indicator.allCases)
        #expect(summary.allSatisfy { $0.stats.replications == 6 })
    }

    @Test func summaryValuesAreThePerIndicatorStatistics() {
        var a = YearIndicators(year: 2030)
        var b = YearIndicators(year: 2030)
        a[.population] = 100
        b[.population] = 300
        a[.oopShare] = 30
        b[.oopShare] = 20
        let summary = ReplicationSummary.summarize([
            ReplicationResult(replication: 1, years: [b]), ReplicationResult(replication: 0, years: [a]),
        ])
        let population = summary.first { $0.indicator == .population }!.stats
        #expect(population.mean == 200)
        #expect(population.p50 == 200)
        #expect(summary.first { $0.indicator == .oopShare }!.stats.mean == 25)
        #expect(summary.first { $0.indicator == .cheTotal }!.stats == ReplicationSummary.statistics([0, 0]))
    }
}
