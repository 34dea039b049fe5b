import Foundation
import RamuModel
import Testing

/// The declarations of MODEL.md section 9's indicators: one per indicator, complete, and with the ids,
/// units and formats the outputs have always had (a CSV reader depends on them).
@Suite("Indicator declarations")
struct IndicatorDeclarationTests {
    /// The ids of indicators.csv, in its order: stable, since analysts' spreadsheets look them up (the
    /// second version of the model added fourteen, each beside its kin; none was renamed or removed).
    static let ids = [
        "population", "coverage_amo_pct", "coverage_ramed_pct", "coverage_mutuelle_pct", "coverage_ramu_pct",
        "coverage_total_pct", "uncovered", "care_needs", "care_episodes", "forgone_care_pct",
        "forgone_care_cost_pct", "che_total_mfcfa", "che_state_mfcfa", "che_collectivites_mfcfa",
        "che_donors_mfcfa", "che_contributions_mfcfa", "che_premiums_mfcfa", "che_taxes_mfcfa", "che_oop_mfcfa",
        "che_per_capita_usd", "che_pct_gdp", "oop_share_pct", "oop_per_capita_fcfa", "oop_per_capita_usd",
        "catastrophic_10_pct", "catastrophic_25_pct", "catastrophic_discretionary_40_pct",
        "hardship_impoverishing_pct", "hardship_large_pct", "impoverished", "further_impoverished",
        "poverty_headcount_pct", "poverty_headcount_after_oop_pct", "oop_concentration_index",
        "pool_benefit_concentration_index", "gratuites_cost_mfcfa", "health_budget_mfcfa",
        "health_budget_share_pct", "state_health_spending_pct_gdp", "earmarked_tax_revenue_mfcfa",
        "state_pool_subsidy_mfcfa", "state_ramu_allocation_mfcfa", "pool_revenue_mfcfa", "pool_spending_mfcfa",
        "pool_balance_mfcfa", "pool_reserve_mfcfa", "pool_reserve_months", "amo_claims_ratio_pct",
        "financing_gap_mfcfa", "financing_gap_pct_gdp", "fiscal_space_mfcfa",
    ]

    /// The MODEL.md section that defines each indicator: section 9's list, but for those the second
    /// version defines where their mechanism is (forgone care for cost and concentration over consumption
    /// percentiles, section 5; the state budget's allocation, section 7).
    static let definedOutsideSection9: [String: Int] = [
        "forgone_care_cost_pct": 5, "oop_concentration_index": 5, "pool_benefit_concentration_index": 5,
        "state_pool_subsidy_mfcfa": 7, "state_ramu_allocation_mfcfa": 7,
    ]

    /// Decimals by unit: a share one (two for a difference), dollars per person and months one, a
    /// concentration index three, episodes per person two, every count and amount in FCFA none.
    static func format(of unit: IndicatorUnit) -> NumberFormat {
        switch unit {
        case .percent: .share
        case .usdPerPerson, .months: NumberFormat(levelDecimals: 1, differenceDecimals: 1)
        case .index: NumberFormat(levelDecimals: 3, differenceDecimals: 3)
        case .episodesPerPerson: NumberFormat(levelDecimals: 2, differenceDecimals: 2)
        default: .whole
        }
    }

    @Test func everyIndicatorIsDeclaredWithALabelAndAUnit() {
        #expect(Indicator.allCases.map(\.id) == Self.ids)
        for indicator in Indicator.allCases {
            let d = indicator.declaration
            #expect(!d.labelFR.trimmingCharacters(in: .whitespaces).isEmpty, "\(d.id)")
            #expect(!d.unit.text.isEmpty, "\(d.id)")
            #expect(d.modelSection == Self.definedOutsideSection9[d.id] ?? 9, "\(d.id)")
            #expect(d.group != .equity, "\(d.id): the equity group is the quintile indicators'")
            #expect(indicator.id == d.id && indicator.labelFR == d.labelFR && indicator.unit == d.unit)
            #expect(Indicator(id: d.id) == indicator)
        }
        #expect(Indicator(id: "coverage_total") == nil)
    }

    /// The `unit` column's texts, which the briefing reads back.
    @Test func unitsAreTheCSVsTexts() {
        #expect(IndicatorUnit.allCases.map(\.text) == ["personnes", "%", "MFCFA", "FCFA/personne", "besoins", "épisodes",
                                                    "épisodes/personne", "USD/personne", "indice", "mois"])
        #expect(Indicator.careNeeds.unit.text == "besoins" && Indicator.careEpisodes.unit.text == "épisodes")
        #expect(Indicator.oopPerCapita.unit.text == "FCFA/personne" && Indicator.cheTotal.unit.text == "MFCFA")
        #expect(Indicator.impoverished.unit.text == "personnes" && Indicator.healthBudgetShare.unit.text == "%")
    }

    /// A share: one decimal, two for a difference; the other units as `format(of:)` says.
    @Test func sharesHaveOneDecimalAndTwoForADifference() {
        #expect(NumberFormat.share == NumberFormat(levelDecimals: 1, differenceDecimals: 2))
        #expect(NumberFormat.whole == NumberFormat(levelDecimals: 0, differenceDecimals: 0))
        for indicator in Indicator.allCases {
            #expect(indicator.declaration.format == Self.format(of: indicator.unit), "\(indicator.id)")
        }
        for indicator in QuintileIndicator.allCases {
            #expect(indicator.declaration.format == Self.format(of: indicator.unit), "\(indicator.id)")
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
            "care_episodes_per_person", "forgone_care_pct", "forgone_care_cost_pct", "pool_spending_share_pct",
        ])
        #expect(QuintileIndicator.allCases.map(\.unit.text)
                == ["personnes", "%", "%", "FCFA/personne", "%", "épisodes/personne", "%", "%", "%"])
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
