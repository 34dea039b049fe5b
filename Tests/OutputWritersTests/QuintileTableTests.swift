import OutputWriters
@testable import RamuModel
import Testing

@Suite("indicators_by_quintile.csv")
struct QuintileTableTests {
    /// A replication whose quintile q has value `base + q` for every indicator in each year.
    static func result(_ replication: Int, years: [Int], base: Double) -> ReplicationResult {
        var r = ReplicationResult(replication: replication, years: years.map { YearIndicators(year: $0) })
        r.quintiles = years.map { year in
            QuintileYear(year: year, values: (1...5).map { q in
                Array(repeating: base + Double(q), count: QuintileIndicator.allCases.count)
            })
        }
        return r
    }

    @Test func statisticsAcrossReplicationsPerYearQuintileIndicator() throws {
        // Replications arrive out of order; years too.
        let results = [Self.result(2, years: [2021, 2020], base: 30), Self.result(0, years: [2020, 2021], base: 10),
                       Self.result(1, years: [2020, 2021], base: 20)]
        let summary = ReplicationSummary.quintiles(results)
        let perYear = 5 * QuintileIndicator.allCases.count
        #expect(summary.count == 2 * perYear)
        #expect(summary.prefix(perYear).allSatisfy { $0.year == 2020 })
        #expect(Array(summary.map(\.quintile).prefix(QuintileIndicator.allCases.count + 1))
                == Array(repeating: 1, count: QuintileIndicator.allCases.count) + [2])
        #expect(Array(summary.prefix(QuintileIndicator.allCases.count).map(\.indicator)) == QuintileIndicator.allCases)
        // Quintile 3 of 2020: values 13, 23, 33.
        let q3 = summary.first { $0.year == 2020 && $0.quintile == 3 && $0.indicator == .catastrophic10 }!
        #expect(q3.stats == ReplicationSummary.statistics([13, 23, 33]))

        let lines = try IndicatorTables.indicatorsByQuintile(scenario: "baseline", summary: summary).render()
            .split(separator: "\n").map(String.init)
        #expect(lines[0] == "scenario,year,quintile,indicator,label_fr,unit,mean,sd,p05,p50,p95,replications")
        #expect(lines[1] == "baseline,2020,1,population,Population du quintile,personnes,21,10,12,21,30,3")
        #expect(lines.count == 1 + 2 * perYear)
        // Labels with a comma or a quote are quoted (RFC 4180).
        let catastrophic = lines.first { $0.hasPrefix("baseline,2020,1,catastrophic_10_pct,") }!
        #expect(catastrophic.hasPrefix("baseline,2020,1,catastrophic_10_pct,\"Dépenses catastrophiques (> 10 % de la consommation, ODD 3.8.2)\",%,"))
    }

    @Test func missingYearsAreSummarisedOverTheReplicationsThatHaveThem() {
        var partial = Self.result(1, years: [2020], base: 5)
        partial.quintiles[0].values[4] = []  // quintile 5 reported by no replication
        let summary = ReplicationSummary.quintiles([partial, Self.result(0, years: [], base: 0)])
        #expect(summary.count == 4 * QuintileIndicator.allCases.count)
        #expect(summary.allSatisfy { $0.stats.replications == 1 && $0.quintile <= 4 })
        #expect(ReplicationSummary.quintiles([]).isEmpty)
    }

    @Test func refusesNonFinite() {
        var r = Self.result(0, years: [2020], base: 0)
        r.quintiles[0].values[0][QuintileIndicator.population.index] = .nan
        let summary = ReplicationSummary.quintiles([r])
        #expect(throws: OutputError.nonFiniteValue(column: "mean", row: 2)) {
            try IndicatorTables.indicatorsByQuintile(scenario: "s", summary: summary)
        }
    }
}
