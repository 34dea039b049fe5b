import Foundation
import RamuModel
import Testing

/// The declarations of MODEL.md section 9's indicators: one per indicator, complete, and with the ids,
/// units and formats the outputs have always had (a CSV reader depends on them).
@Suite("Indicator declarations")
struct IndicatorDeclarationTests {
    /// The ids of indicators.csv, in its order: stable, since analysts' spreadsheets look them up.
    static let ids = [
        "population", "coverage_amo_pct", "coverage_ramed_pct", "coverage_mutuelle_pct", "coverage_ramu_pct",
        "coverage_total_pct", "uncovered", "care_needs", "care_episodes", "forgone_care_pct", "che_total_mfcfa",
        "che_state_mfcfa", "che_collectivites_mfcfa", "che_donors_mfcfa", "che_contributions_mfcfa",
        "che_premiums_mfcfa", "che_taxes_mfcfa", "che_oop_mfcfa", "oop_share_pct", "oop_per_capita_fcfa",
        "catastrophic_10_pct", "catastrophic_25_pct", "catastrophic_discretionary_40_pct",
        "hardship_impoverishing_pct", "hardship_large_pct", "impoverished", "further_impoverished",
        "gratuites_cost_mfcfa", "health_budget_mfcfa", "health_budget_share_pct", "earmarked_tax_revenue_mfcfa",
        "pool_revenue_mfcfa", "pool_spending_mfcfa", "pool_balance_mfcfa", "pool_reserve_mfcfa",
        "financing_gap_mfcfa", "fiscal_space_mfcfa",
    ]

    @Test func everyIndicatorIsDeclaredWithALabelAndAUnit() {
        #expect(Indicator.allCases.map(\.id) == Self.ids)
        for indicator in Indicator.allCases {
            let d = indicator.declaration
            #expect(!d.labelFR.trimmingCharacters(in: .whitespaces).isEmpty, "\(d.id)")
            #expect(!d.unit.text.isEmpty, "\(d.id)")
            #expect(d.modelSection == 9, "\(d.id)")
            #expect(d.group != .equity, "\(d.id): the equity group is the quintile indicators'")
            #expect(indicator.id == d.id && indicator.labelFR == d.labelFR && indicator.unit == d.unit)
            #expect(Indicator(id: d.id) == indicator)
        }
        #expect(Indicator(id: "coverage_total") == nil)
    }

    /// The `unit` column's texts, which the briefing reads back.
    @Test func unitsAreTheCSVsTexts() {
        #expect(IndicatorUnit.allCases.map(\.text) == ["personnes", "%", "MFCFA", "FCFA/personne", "besoins", "épisodes"])
        #expect(Indicator.careNeeds.unit.text == "besoins" && Indicator.careEpisodes.unit.text == "épisodes")
        #expect(Indicator.oopPerCapita.unit.text == "FCFA/personne" && Indicator.cheTotal.unit.text == "MFCFA")
        #expect(Indicator.impoverished.unit.text == "personnes" && Indicator.healthBudgetShare.unit.text == "%")
    }

    /// A share: one decimal, two for a difference; everything else whole.
    @Test func sharesHaveOneDecimalAndTwoForADifference() {
        #expect(NumberFormat.share == NumberFormat(levelDecimals: 1, differenceDecimals: 2))
        #expect(NumberFormat.whole == NumberFormat(levelDecimals: 0, differenceDecimals: 0))
        for indicator in Indicator.allCases {
            #expect(indicator.declaration.format == (indicator.unit == .percent ? .share : .whole), "\(indicator.id)")
        }
        for indicator in QuintileIndicator.allCases {
            #expect(indicator.declaration.format == (indicator.unit == .percent ? .share : .whole), "\(indicator.id)")
        }
    }

    /// Each insurance pool has its coverage share, and only the four shares name a regime.
    @Test func coverageOfARegimeIsItsDeclaredShare() {
        #expect(Regime.pools.map { Indicator.coverage(of: $0) }
                == [.coverageAMO, .coverageRAMED, .coverageMutuelle, .coverageRAMU])
        for regime in Regime.pools { #expect(Indicator.coverage(of: regime).declaration.regime == regime) }
        #expect(Indicator.allCases.filter { $0.declaration.regime != nil }.count == Regime.pools.count)
        #expect(Indicator.allCases.allSatisfy { $0.declaration.regime != Regime.none })
    }

    @Test func everyQuintileIndicatorIsDeclared() {
        #expect(QuintileIndicator.allCases.map(\.id) == [
            "population", "catastrophic_10_pct", "catastrophic_25_pct", "oop_per_capita_fcfa", "coverage_total_pct",
            "forgone_care_pct", "pool_spending_share_pct",
        ])
        #expect(QuintileIndicator.allCases.map(\.unit.text) == ["personnes", "%", "%", "FCFA/personne", "%", "%", "%"])
        for indicator in QuintileIndicator.allCases {
            let d = indicator.declaration
            #expect(!d.labelFR.trimmingCharacters(in: .whitespaces).isEmpty, "\(d.id)")
            #expect(d.group == .equity && d.modelSection == 9 && d.regime == nil, "\(d.id)")
            #expect(QuintileIndicator(id: d.id) == indicator)
        }
        // Those measured nationally too say the same thing under the same label.
        for indicator in QuintileIndicator.allCases where indicator != .population {
            guard let national = Indicator(id: indicator.id) else { continue }
            #expect(national.labelFR == indicator.labelFR && national.unit == indicator.unit, "\(indicator.id)")
        }
    }
}
