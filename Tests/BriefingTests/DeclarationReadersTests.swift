import Foundation
@testable import Briefing
import RamuModel
import Testing

/// The briefing reads the indicators' declarations: which sheet an indicator goes to, and how its
/// numbers are shown.
@Suite("Briefing: groups and number kinds from the declarations")
struct DeclarationReadersTests {
    /// The lists the sheets had when they were kept by hand, in their order, with the second version's
    /// indicators beside their kin.
    @Test func groupsGiveTheSheetsLists() {
        #expect(BriefingTables.indicators(in: .coverage) == [
            .population, .coverageAMO, .coverageRAMED, .coverageMutuelle, .coverageRAMU, .coverageTotal, .uncovered,
            .careNeeds, .careEpisodes, .forgoneCare, .forgoneCareCost,
        ])
        #expect(BriefingTables.indicators(in: .spending) == [
            .cheTotal, .cheState, .cheCollectivites, .cheDonors, .cheContributions, .chePremiums, .cheTaxes, .cheOOP,
            .chePerCapitaUSD, .chePctGDP, .oopShare, .oopPerCapita, .oopPerCapitaUSD, .gratuitesCost,
        ])
        #expect(BriefingTables.indicators(in: .protection) == [
            .catastrophic10, .catastrophic25, .catastrophicDiscretionary40, .hardshipImpoverishing, .hardshipLarge,
            .impoverished, .furtherImpoverished, .povertyHeadcount, .povertyHeadcountAfterOOP, .oopConcentration,
            .poolBenefitConcentration,
        ])
        #expect(BriefingTables.indicators(in: .financing) == [
            .healthBudget, .healthBudgetShare, .stateHealthSpendingPctGDP, .earmarkedTaxRevenue, .statePoolSubsidy,
            .stateRAMUAllocation, .poolRevenue, .poolSpending, .poolBalance, .poolReserve, .poolReserveMonths,
            .amoClaimsRatio, .financingGap, .financingGapPctGDP, .fiscalSpace,
        ])
        #expect(BriefingTables.indicators(in: .equity).isEmpty)
        #expect(QuintileIndicator.allCases.allSatisfy { $0.declaration.group == .equity })
    }

    /// Each indicator sheet lists its group's indicators, in that order (codes in the last column).
    @Test func eachSheetShowsItsGroup() throws {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url)
        let tables = BriefingTables.all(try BriefingInput.load(directory: dir.url))
        for (sheet, group) in [("Couverture", BriefingGroup.coverage), ("Dépenses", .spending),
                               ("Protection financière", .protection), ("Financement", .financing)] {
            let table = try #require(tables.first { $0.sheet == sheet })
            var codes: [String] = []
            for row in table.rows { if case .text(let id) = row.last, codes.last != id { codes.append(id) } }
            #expect(codes == BriefingTables.indicators(in: group).map(\.id), "\(sheet)")
        }
    }

    @Test func numberKindsComeFromTheDeclaredUnitAndFormat() {
        #expect(NumberKind(Indicator.oopShare.declaration) == .percent)
        #expect(NumberKind(Indicator.oopShare.declaration, difference: true) == .percentPoints)
        #expect(NumberKind(Indicator.cheTotal.declaration) == .mfcfa)
        #expect(NumberKind(Indicator.cheTotal.declaration, difference: true) == .signedWhole)
        #expect(NumberKind(Indicator.oopPerCapita.declaration) == .fcfa)
        #expect(NumberKind(Indicator.careNeeds.declaration) == .count)
        #expect(NumberKind(QuintileIndicator.poolSpendingShare.declaration) == .percent)
        // Today's formats, exactly as the workbook has always written them.
        #expect(NumberKind.percent.excelFormat == "0.0\" %\"")
        #expect(NumberKind.percentPoints.excelFormat == "+0.00\" pt\";-0.00\" pt\";0.00\" pt\"")
        #expect(NumberKind.mfcfa.excelFormat == "#,##0" && NumberKind.count.excelFormat == "#,##0")
        #expect(NumberKind.signedWhole.excelFormat == "+#,##0;-#,##0;0")
        #expect(NumberKind.plain.excelFormat == "0" && NumberKind.general.excelFormat == "General")
    }

    /// Another format in a declaration changes what the workbook and the HTML show.
    @Test func aDeclaredFormatSetsTheDecimals() {
        var share = Indicator.oopShare.declaration
        share.format = NumberFormat(levelDecimals: 2, differenceDecimals: 3)
        #expect(NumberKind(share).french(14.844) == "14,84\u{A0}%")
        #expect(NumberKind(share).excelFormat == "0.00\" %\"")
        #expect(NumberKind(share, difference: true).french(0.3512) == "+0,351\u{A0}pt")
        var money = Indicator.cheTotal.declaration
        money.format = NumberFormat(levelDecimals: 1, differenceDecimals: 1)
        #expect(NumberKind(money).french(985_717.24) == "985\u{202F}717,2")
        #expect(NumberKind(money, difference: true).excelFormat == "+#,##0.0;-#,##0.0;0.0")
    }

    /// A declared id is shown as declared, whatever unit its file gives; an unknown id or a tax by its unit.
    @Test func theFilesUnitIsOnlyAFallback() {
        #expect(NumberKind.indicator(Indicator.oopShare.id, unit: "MFCFA") == .percent)
        #expect(NumberKind.indicator(Indicator.cheTotal.id, unit: "%", difference: true) == .signedWhole)
        #expect(NumberKind.quintileIndicator(QuintileIndicator.oopPerCapita.id, unit: "%") == .fcfa)
        #expect(NumberKind.indicator("future_share_pct", unit: "%") == .percent)
        #expect(NumberKind.indicator("future_share_pct", unit: "%", difference: true) == .percentPoints)
        #expect(NumberKind.indicator("future_count", unit: "lits") == .count)
        #expect(NumberKind.forUnit("MFCFA") == .mfcfa && NumberKind.forUnit("FCFA") == .fcfa)
    }
}
