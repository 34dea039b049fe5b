import OutputWriters
import RamuModel
import Testing

@Suite("CSV tables")
struct CSVTableTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("l'assurance maladie", "l'assurance maladie"),
        ("a,b", "\"a,b\""),
        ("dit \"oui\"", "\"dit \"\"oui\"\"\""),
        ("deux\nlignes", "\"deux\nlignes\""),
        ("retour\rchariot", "\"retour\rchariot\""),
        ("fin\r\nde ligne", "\"fin\r\nde ligne\""),
        ("  espaces  ", "  espaces  "),
        ("Épisodes ; 8,37 %", "\"Épisodes ; 8,37 %\""),
    ])
    func quoting(value: String, expected: String) {
        #expect(CSVTable.field(value) == expected)
    }

    @Test func renderEndsEveryRecordWithNewline() {
        let table = CSVTable(header: ["a", "b"], rows: [["1", "x,y"], ["2", ""]])
        #expect(table.render() == "a,b\n1,\"x,y\"\n2,\n")
    }

    @Test func indicatorsTable() throws {
        var year = YearIndicators(year: 2025)
        year[.population] = 20_537_000
        year[.catastrophic10] = 8.37
        let summary = ReplicationSummary.summarize([ReplicationResult(replication: 0, years: [year])])
        let text = try IndicatorTables.indicators(scenario: "baseline", summary: summary).render()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "scenario,year,indicator,label_fr,unit,mean,sd,p05,p50,p95,replications")
        #expect(lines[1] == "baseline,2025,population,Population totale,personnes,20537000,0,20537000,20537000,20537000,1")
        #expect(lines.count == Indicator.allCases.count + 2 && lines.last == "")
        // The label contains a comma: it must be quoted.
        let catastrophic = lines.first { $0.hasPrefix("baseline,2025,catastrophic_10_pct,") }.map(String.init)
        let expected: String = "baseline,2025,catastrophic_10_pct,"
            + "\"Dépenses catastrophiques (> 10 % de la consommation, ODD 3.8.2)\",%,8.37,0,8.37,8.37,8.37,1"
        #expect(catastrophic == expected)
    }

    @Test func indicatorsRefuseNonFinite() {
        let finite = ReplicationSummary.statistics([1, 2])
        var broken = finite
        broken.p95 = .nan
        let summary = [(year: 2020, indicator: Indicator.population, stats: finite),
                       (year: 2020, indicator: Indicator.uncovered, stats: broken)]
        #expect(throws: OutputError.nonFiniteValue(column: "p95", row: 3)) {
            try IndicatorTables.indicators(scenario: "s", summary: summary)
        }
        #expect(OutputError.nonFiniteValue(column: "p95", row: 3).description.contains("« p95 », ligne 3"))
    }

    @Test func parametersTable() {
        let table = IndicatorTables.parameters([
            (parameter: "finance.tax_rate", value: "0.05", unit: "part", source: "Loi de finances 2024, art. 12"),
        ])
        #expect(table.render() == "parameter,value,unit,source\nfinance.tax_rate,0.05,part,\"Loi de finances 2024, art. 12\"\n")
    }

    @Test func householdsTableIsSortedByYearThenID() throws {
        let records = [
            HouseholdYearRecord(year: 2021, householdID: 7, weight: 250.5, size: 6, sector: .informal, regime: .mutuelle,
                                consumptionFCFA: 1_250_000, oopFCFA: 12_500.75),
            HouseholdYearRecord(year: 2020, householdID: 9, weight: 250.5, size: 5, sector: .formal, regime: .amo,
                                consumptionFCFA: 3_000_000, oopFCFA: 0),
            HouseholdYearRecord(year: 2020, householdID: 7, weight: 250.5, size: 6, sector: .indigent, regime: .none,
                                consumptionFCFA: 900_000.123456, oopFCFA: 40_000),
        ]
        let text = try IndicatorTables.households(records).render()
        #expect(text == """
            year,household_id,weight,size,sector,regime,consumption_fcfa,oop_fcfa
            2020,7,250.5,6,indigent,none,900000.1235,40000
            2020,9,250.5,5,formal,amo,3000000,0
            2021,7,250.5,6,informal,mutuelle,1250000,12500.75

            """)
    }

    @Test func householdsRefuseNonFinite() {
        let record = HouseholdYearRecord(year: 2020, householdID: 1, weight: 1, size: 1, sector: .formal, regime: .amo,
                                         consumptionFCFA: .infinity, oopFCFA: 0)
        #expect(throws: OutputError.nonFiniteValue(column: "consumption_fcfa", row: 2)) {
            try IndicatorTables.households([record])
        }
    }

    @Test func terminalTableAlignsNumbersRight() {
        let text = TerminalTable.render(
            title: "Indicateurs clés",
            columns: ["Indicateur", "Unité", "2020"],
            rows: [["Population totale", "personnes", formatFrench(20_537_000, decimals: 0)],
                   ["Épisodes", "%", formatFrench(8.37, decimals: 1)]])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == "Indicateurs clés")
        #expect(lines[1] == "Indicateur         Unité            2020")
        #expect(lines[2] == "-----------------  ---------  ----------")
        #expect(lines[3] == "Population totale  personnes  20\u{202F}537\u{202F}000")
        #expect(lines[4] == "Épisodes           %                 8,4")
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
    }

    @Test func terminalTableToleratesShortRows() {
        let text = TerminalTable.render(title: "T", columns: ["a", "b"], rows: [["x"], ["yy", "1", "extra"]])
        #expect(text == "T\na   b\n--  -  -----\nx\nyy  1  extra")
    }
}
