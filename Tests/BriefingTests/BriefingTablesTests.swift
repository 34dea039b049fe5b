import Foundation
@testable import Briefing
import OutputWriters
import RamuModel
import Testing

@Suite("Briefing tables, French CSV and workbook")
struct BriefingTablesTests {
    static func comparison() throws -> (TemporaryDirectory, BriefingInput) {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url)
        return (dir, try BriefingInput.load(directory: dir.url))
    }

    @Test func sheetsInTheBriefingsOrder() throws {
        let (_, input) = try Self.comparison()
        let tables = BriefingTables.all(input)
        #expect(tables.map(\.sheet) == ["Synthèse", "Couverture", "Dépenses", "Protection financière", "Financement",
                                        "Équité", "Paramètres", "Méthode"])
        #expect(tables.map(\.sheet) == BriefingTables.sheetNames.filter { $0 != BriefingTables.taxSheet })  // no taxes
        #expect(Set(tables.map(\.fileName)).count == tables.count)
        for table in tables {
            #expect(table.sheet.count <= 31)
            #expect(table.rows.allSatisfy { $0.count == table.columns.count }, "\(table.sheet)")
        }
        // Every indicator of indicators.csv has its rows in one of the four indicator sheets.
        let ids = Set(tables[1...4].flatMap { $0.rows.compactMap { if case .text(let id) = $0.last { id } else { nil } } })
        #expect(ids == Set(Indicator.allCases.map(\.id)))
    }

    @Test func synthesisTakesItsNumbersFromComparisonCSV() throws {
        let (_, input) = try Self.comparison()
        let table = BriefingTables.synthesis(input)
        #expect(table.columns.map(\.header).prefix(7) == ["Indicateur", "Unité", "Scénario", "Moyenne 2025", "Écart 2025",
                                                          "Écart 2025 : 5 %", "Écart 2025 : 95 %"])
        let row = try #require(table.rows.first { $0[2] == .text("reforme") && $0.last == .text(Indicator.oopShare.id) })
        let d = try #require(input.difference("reforme", Indicator.oopShare.id, year: 2030))
        #expect(row[7] == .number(d.mean, .percent))
        #expect(row[8] == .number(d.difference, .percentPoints))
        #expect(row[9] == .number(d.differenceP05, .percentPoints) && row[10] == .number(d.differenceP95, .percentPoints))
        #expect(table.rows.count == BriefingTables.headline.count * 2)
    }

    /// taxes.csv of the scenarios that have one, on its own sheet after Financement: MFCFA by year and tax.
    @Test func earmarkedTaxesHaveTheirSheetWhenAScenarioHasThem() throws {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url, taxes: true)
        let input = try BriefingInput.load(directory: dir.url)
        let tables = BriefingTables.all(input)
        #expect(tables.map(\.sheet) == BriefingTables.sheetNames)
        let table = try #require(tables.first { $0.sheet == "Taxes affectées" })
        // The baseline has no tax: only the reform's column.
        #expect(table.columns.map(\.header) == ["Taxe affectée", "Unité", "Année", "reforme"])
        #expect(table.rows.count == Fixture.taxNames.count * Fixture.years.count)
        #expect(table.note.contains("MFCFA (millions de FCFA courants)") && table.note.contains("Source : taxes.csv"))
        let taxes = input.scenarios[1].taxes
        let read = try #require(taxes.first { $0.tax == "Tabac" && $0.year == 2030 })
        #expect(read.unit == "MFCFA" && read.estimate.mean > 0)
        let row = try #require(table.rows.first { $0[0] == .text("Tabac") && $0[2] == .number(2030, .plain) })
        #expect(row == [.text("Tabac"), .text("MFCFA"), .number(2030, .plain), .number(read.estimate.mean, .mfcfa)])
        #expect(table.rows.first?[0] == .text(Fixture.taxNames[0]))  // taxes.csv's order
        let csv = FrenchCSV.render(table)
        #expect(csv.contains("\r\n\"Téléphonie ; « données » <mobile>\";MFCFA;2030;"))
        #expect(BriefingTables.readingNotes(input).last?.contains("parameters.csv, taxes.csv") == true)

        // A single run: its mean and interval.
        let run = try BriefingInput.load(directory: dir.url.appendingPathComponent("reforme"))
        let single = try #require(BriefingTables.all(run).first { $0.sheet == "Taxes affectées" })
        #expect(single.columns.map(\.header) == ["Taxe affectée", "Unité", "Année", "Moyenne", "5 %", "95 %"])
        let singleRow = try #require(single.rows.first { $0[0] == .text("Tabac") && $0[2] == .number(2030, .plain) })
        #expect(singleRow[3...] == [.number(read.estimate.mean, .mfcfa), .number(read.estimate.p05, .mfcfa),
                                    .number(read.estimate.p95, .mfcfa)])
        // No sheet, no file, for a scenario without taxes.
        let baseline = try BriefingInput.load(directory: dir.url.appendingPathComponent("baseline"))
        #expect(!BriefingTables.all(baseline).contains { $0.sheet == "Taxes affectées" || $0.fileName == "taxes_affectees.csv" })
        #expect(!BriefingTables.readingNotes(baseline).joined().contains("taxes.csv"))
    }

    @Test func parametersShowOtherScenariosOnlyWhereTheyDiffer() throws {
        let (_, input) = try Self.comparison()
        let table = BriefingTables.parameters(input)
        #expect(table.columns.map(\.header) == ["Paramètre", "Unité", "Valeur : baseline", "Source : baseline",
                                                "Valeur : reforme", "Source : reforme", "Diffère dans"])
        let share = try #require(table.rows.first { $0[0] == .text("budget.health_share") })
        #expect(share[2] == .number(0.051, .general) && share[4] == .number(0.15, .general))
        #expect(share[5] == .text("<i>hypothèse</i> du GTT") && share[6] == .text("reforme"))
        let same = try #require(table.rows.first { $0[0] == .text("gratuites.arrangement") })
        #expect(same[2] == .text("separate") && same[4] == .empty && same[6] == .text(""))
    }

    @Test func frenchCSVHasBOMSemicolonsAndDecimalCommasWithoutThousandsSeparators() throws {
        let table = BriefingTable(sheet: "T", fileName: "t.csv", title: "", note: "",
                                  columns: [("Indicateur", 10), ("Valeur", 10), ("Part", 10)],
                                  rows: [[.text("a; b \"c\""), .number(20_537_000, .count), .number(-8.37, .percent)],
                                         [.text("x"), .number(0.000123, .general), .empty]],
                                  frozenColumns: 1)
        let text = FrenchCSV.render(table)
        #expect(text == "\u{FEFF}Indicateur;Valeur;Part\r\n\"a; b \"\"c\"\"\";20537000;-8,37\r\nx;0,000123;\r\n")
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func numberKindsGiveExcelFormatsAndFrenchText() {
        #expect(NumberKind.forUnit("%") == .percent && NumberKind.forUnit("%", difference: true) == .percentPoints)
        #expect(NumberKind.forUnit("MFCFA") == .mfcfa && NumberKind.forUnit("personnes") == .count)
        #expect(NumberKind.percent.excelFormat == "0.0\" %\"")  // the value stays 14.8, shown 14,8 %
        #expect(NumberKind.percent.french(14.84) == "14,8\u{A0}%")
        #expect(NumberKind.percentPoints.french(0.351) == "+0,35\u{A0}pt")
        #expect(NumberKind.signedWhole.french(-1234.4) == "-1\u{202F}234")
        #expect(NumberKind.mfcfa.french(985_717.2) == "985\u{202F}717")
    }

    @Test func commandLineIsQuotedForAShell() {
        #expect(BriefingTables.commandLine(["ramusim", "run", "scenarios/a b.yaml", "--out", "it's"])
                == "ramusim run 'scenarios/a b.yaml' --out 'it'\\''s'")
    }

    @Test func workbookIsAZipThatTheSameInputsWriteByteForByte() throws {
        let (dir, input) = try Self.comparison()
        let first = try BriefingPack.write(input)
        let bytes = try Data(contentsOf: first.workbook)
        #expect(bytes.prefix(2) == Data("PK".utf8))
        _ = try BriefingPack.write(input)
        #expect(try Data(contentsOf: first.workbook) == bytes)
        #expect(try String(contentsOf: first.html, encoding: .utf8) == HTMLBriefing.render(input))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.url.appendingPathComponent("tableaux").path).sorted()
        #expect(names == BriefingTables.all(input).map(\.fileName).sorted())
        // Nothing left behind by the staging of the workbook.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func workbookRefusesWhatExcelWouldRefuse() throws {
        let dir = try TemporaryDirectory()
        let workbook = try Workbook(path: dir.url.appendingPathComponent("w.xlsx").path, title: "t", created: Date(timeIntervalSince1970: 0))
        _ = try workbook.addSheet("Synthèse")
        #expect(throws: WorkbookError.self) { try workbook.addSheet("Synthèse") }
        #expect(throws: WorkbookError.self) { try workbook.addSheet("a/b") }
        #expect(throws: WorkbookError.self) { try workbook.addSheet(String(repeating: "x", count: 32)) }
        try workbook.close()
        #expect(throws: WorkbookError.self) { try workbook.close() }
        #expect(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("w.xlsx").path))
    }
}
