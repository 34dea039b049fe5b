import OutputWriters
import RamuModel
import Testing

@Suite("taxes.csv")
struct TaxTableTests {
    static func result(_ replication: Int, years: [Int], revenue: [[Double]]) -> ReplicationResult {
        ReplicationResult(replication: replication, years: years.map { YearIndicators(year: $0) }, taxRevenue: revenue)
    }

    @Test func statisticsPerYearAndInstrument() throws {
        // Two instruments over two years; replications arrive out of order.
        let results = [
            Self.result(1, years: [2023, 2024], revenue: [[3, 0], [5, 1.5]]),
            Self.result(0, years: [2023, 2024], revenue: [[1, 0], [4, 0.5]]),
            Self.result(2, years: [2023, 2024], revenue: [[2, 0], [6, 2.5]]),
        ]
        let summary = ReplicationSummary.taxes(results, names: ["téléphonie, données", "tabac"])
        #expect(summary.map(\.year) == [2023, 2023, 2024, 2024])
        #expect(summary.map(\.tax) == ["téléphonie, données", "tabac", "téléphonie, données", "tabac"])
        #expect(summary[0].stats == ReplicationSummary.statistics([1, 2, 3]))
        #expect(summary[3].stats == ReplicationSummary.statistics([0.5, 1.5, 2.5]))

        let lines = try IndicatorTables.taxes(scenario: "earmarked-taxes", summary: summary).render()
            .split(separator: "\n").map(String.init)
        #expect(lines[0] == "scenario,year,tax,unit,mean,sd,p05,p50,p95,replications")
        #expect(lines[1] == "earmarked-taxes,2023,\"téléphonie, données\",MFCFA,2,1,1.1,2,2.9,3")
        #expect(lines[2] == "earmarked-taxes,2023,tabac,MFCFA,0,0,0,0,0,3")
        #expect(lines[4] == "earmarked-taxes,2024,tabac,MFCFA,1.5,1,0.6,1.5,2.4,3")
        #expect(lines.count == 5)
    }

    @Test func yearsFollowTheIndicatorYears() {
        // taxRevenue[i] belongs to years[i], whatever the year.
        let summary = ReplicationSummary.taxes([Self.result(0, years: [2031, 2030], revenue: [[7], [9]])], names: ["mines"])
        #expect(summary.map(\.year) == [2030, 2031])
        #expect(summary.map(\.stats.mean) == [9, 7])
    }

    @Test func missingRevenueGivesNoRowRatherThanZero() {
        let summary = ReplicationSummary.taxes([
            Self.result(0, years: [2020, 2021], revenue: []),
            Self.result(1, years: [2020, 2021], revenue: [[4]]),
        ], names: ["mines"])
        #expect(summary.count == 1)
        #expect(summary[0].year == 2020 && summary[0].stats.replications == 1 && summary[0].stats.mean == 4)
        #expect(ReplicationSummary.taxes([Self.result(0, years: [2020], revenue: [])], names: ["mines"]).isEmpty)
    }

    @Test func refusesNonFinite() {
        let summary = ReplicationSummary.taxes([Self.result(0, years: [2020], revenue: [[.infinity]])], names: ["mines"])
        #expect(throws: OutputError.nonFiniteValue(column: "mean", row: 2)) {
            try IndicatorTables.taxes(scenario: "s", summary: summary)
        }
    }
}
