import OutputWriters
@testable import RamuModel
import Testing

/// Each output CSV has one owner of its name and header (`OutputFile`), and the writers write that header.
@Suite("Output files: names and headers")
struct OutputFileTests {
    /// The names and headers the outputs have always had: scripts and spreadsheets open them by these.
    @Test func namesAndHeadersAreTheOutputs() {
        let expected: [(String, String)] = [
            ("indicators.csv", "scenario,year,indicator,label_fr,unit,mean,sd,p05,p50,p95,replications"),
            ("indicators_by_quintile.csv", "scenario,year,quintile,indicator,label_fr,unit,mean,sd,p05,p50,p95,replications"),
            ("taxes.csv", "scenario,year,tax,unit,mean,sd,p05,p50,p95,replications"),
            ("parameters.csv", "parameter,value,unit,source"),
            ("households.csv", "year,household_id,weight,size,sector,regime,consumption_fcfa,oop_fcfa"),
            ("comparison.csv", "scenario,year,indicator,label_fr,unit,mean,diff_vs_baseline,diff_p05,diff_p95"),
        ]
        #expect(OutputFile.all.map(\.name) == expected.map(\.0))
        #expect(OutputFile.all.map { $0.header.joined(separator: ",") } == expected.map(\.1))
        for file in OutputFile.all { #expect(Set(file.columns).count == file.columns.count, "\(file.name)") }
    }

    /// Every writer starts its table with its file's header, and its rows have as many fields.
    @Test func writersWriteTheirFilesHeader() throws {
        var year = YearIndicators(year: 2025)
        year[.population] = 20_537_000
        var result = ReplicationResult(replication: 0, years: [year], taxRevenue: [[12.5]])
        result.quintiles = [QuintileYear(year: 2025, values: Array(repeating: Array(repeating: 1, count:
            QuintileIndicator.allCases.count), count: 5))]
        let household = HouseholdYearRecord(year: 2025, householdID: 1, weight: 100, size: 6, sector: .informal,
                                            regime: .none, consumptionFCFA: 1_000_000, oopFCFA: 5_000)
        let tables: [(OutputFile, CSVTable)] = [
            (.indicators, try IndicatorTables.indicators(scenario: "s", summary: ReplicationSummary.summarize([result]))),
            (.indicatorsByQuintile, try IndicatorTables.indicatorsByQuintile(
                scenario: "s", summary: ReplicationSummary.quintiles([result]))),
            (.taxes, try IndicatorTables.taxes(scenario: "s", summary: ReplicationSummary.taxes([result], names: ["Tabac"]))),
            (.parameters, IndicatorTables.parameters([("budget.health_share", "0.051", "fraction", "Loi de finances")])),
            (.households, try IndicatorTables.households([household])),
            (.comparison, try IndicatorTables.comparison([
                ("s", ComparisonSummary.compare(baseline: [result], scenario: [result]))])),
        ]
        #expect(tables.map(\.0) == OutputFile.all)
        for (file, table) in tables {
            #expect(table.header == file.header, "\(file.name)")
            #expect(!table.rows.isEmpty && table.rows.allSatisfy { $0.count == file.columns.count }, "\(file.name)")
            let firstLine = table.render().split(separator: "\n").first.map(String.init)
            #expect(firstLine == file.header.joined(separator: ","), "\(file.name)")
        }
    }
}
