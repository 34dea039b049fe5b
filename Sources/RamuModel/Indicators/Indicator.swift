/// The indicators of MODEL.md section 9, in output order. Each is declared once, in `declaration`:
/// its id, French label, unit, number format and briefing group.
public enum Indicator: CaseIterable, Sendable {
    case population
    case coverageAMO, coverageRAMED, coverageMutuelle, coverageRAMU, coverageTotal
    case uncovered
    case careNeeds, careEpisodes, forgoneCare, forgoneCareCost
    case cheTotal, cheState, cheCollectivites, cheDonors, cheContributions, chePremiums, cheTaxes, cheOOP
    case chePerCapitaUSD, chePctGDP
    case oopShare, oopPerCapita, oopPerCapitaUSD
    case catastrophic10, catastrophic25, catastrophicDiscretionary40, hardshipImpoverishing, hardshipLarge
    case impoverished, furtherImpoverished
    case povertyHeadcount, povertyHeadcountAfterOOP
    case oopConcentration, poolBenefitConcentration
    case gratuitesCost
    case healthBudget, healthBudgetShare, stateHealthSpendingPctGDP, earmarkedTaxRevenue
    case statePoolSubsidy, stateRAMUAllocation
    case poolRevenue, poolSpending, poolBalance, poolReserve, poolReserveMonths, amoClaimsRatio
    case financingGap, financingGapPctGDP, fiscalSpace

    /// The one table of what each indicator is. A switch, so that a new case cannot go undeclared.
    public var declaration: IndicatorDeclaration {
        switch self {
        case .population:
            .init("population", "Population totale",
                  unit: .persons, format: .whole, group: .coverage, section: 9)
        case .coverageAMO:
            .init("coverage_amo_pct", "Couverture AMO (part de la population)",
                  unit: .percent, format: .share, group: .coverage, section: 9, regime: .amo)
        case .coverageRAMED:
            .init("coverage_ramed_pct", "Couverture RAMED (part de la population)",
                  unit: .percent, format: .share, group: .coverage, section: 9, regime: .ramed)
        case .coverageMutuelle:
            .init("coverage_mutuelle_pct", "Couverture mutuelles (part de la population)",
                  unit: .percent, format: .share, group: .coverage, section: 9, regime: .mutuelle)
        case .coverageRAMU:
            .init("coverage_ramu_pct", "Couverture RAMU (part de la population)",
                  unit: .percent, format: .share, group: .coverage, section: 9, regime: .ramu)
        case .coverageTotal:
            .init("coverage_total_pct", "Couverture totale par l'assurance maladie",
                  unit: .percent, format: .share, group: .coverage, section: 9)
        case .uncovered:
            .init("uncovered", "Personnes sans couverture",
                  unit: .persons, format: .whole, group: .coverage, section: 9)
        case .careNeeds:
            .init("care_needs", "Besoins de soins",
                  unit: .needs, format: .whole, group: .coverage, section: 9)
        case .careEpisodes:
            .init("care_episodes", "Épisodes de soins reçus",
                  unit: .episodes, format: .whole, group: .coverage, section: 9)
        case .forgoneCare:
            .init("forgone_care_pct", "Besoins de soins non satisfaits (renoncement)",
                  unit: .percent, format: .share, group: .coverage, section: 9)
        case .forgoneCareCost:
            .init("forgone_care_cost_pct",
                  "Personnes ayant renoncé au moins une fois à des soins à cause de leur coût (part de celles qui en ont eu besoin)",
                  unit: .percent, format: .share, group: .coverage, section: 5)
        case .cheTotal:
            .init("che_total_mfcfa", "Dépense courante de santé (DCS)",
                  unit: .mfcfa, format: .whole, group: .spending, section: 9)
        case .cheState:
            .init("che_state_mfcfa", "DCS financée par l'État",
                  unit: .mfcfa, format: .whole, group: .spending, section: 9)
        case .cheCollectivites:
            .init("che_collectivites_mfcfa", "DCS financée par les collectivités territoriales",
                  unit: .mfcfa, format: .whole, group: .spending, section: 9)
        case .cheDonors:
            .init("che_donors_mfcfa", "DCS financée par les partenaires (PTF)",
                  unit: .mfcfa, format: .whole, group: .spending, section: 9)
        case .cheContributions:
            .init("che_contributions_mfcfa", "DCS financée par les cotisations AMO",
                  unit: .mfcfa, format: .whole, group: .spending, section: 9)
        case .chePremiums:
            .init("che_premiums_mfcfa", "DCS financée par les primes des ménages",
                  unit: .mfcfa, format: .whole, group: .spending, section: 9)
        case .cheTaxes:
            .init("che_taxes_mfcfa", "DCS financée par les taxes affectées",
                  unit: .mfcfa, format: .whole, group: .spending, section: 9)
        case .cheOOP:
            .init("che_oop_mfcfa", "DCS financée par les paiements directs des ménages",
                  unit: .mfcfa, format: .whole, group: .spending, section: 9)
        case .chePerCapitaUSD:
            .init("che_per_capita_usd", "Dépense courante de santé par habitant",
                  unit: .usdPerPerson, format: .tenths, group: .spending, section: 9)
        case .chePctGDP:
            .init("che_pct_gdp", "Dépense courante de santé en part du PIB",
                  unit: .percent, format: .share, group: .spending, section: 9)
        case .oopShare:
            .init("oop_share_pct", "Part des paiements directs dans la DCS",
                  unit: .percent, format: .share, group: .spending, section: 9)
        case .oopPerCapita:
            .init("oop_per_capita_fcfa", "Paiements directs par habitant",
                  unit: .fcfaPerPerson, format: .whole, group: .spending, section: 9)
        case .oopPerCapitaUSD:
            .init("oop_per_capita_usd", "Paiements directs par habitant (en dollars)",
                  unit: .usdPerPerson, format: .tenths, group: .spending, section: 9)
        case .catastrophic10:
            .init("catastrophic_10_pct", "Dépenses catastrophiques (> 10 % de la consommation, ODD 3.8.2)",
                  unit: .percent, format: .share, group: .protection, section: 9)
        case .catastrophic25:
            .init("catastrophic_25_pct", "Dépenses catastrophiques (> 25 % de la consommation, ODD 3.8.2)",
                  unit: .percent, format: .share, group: .protection, section: 9)
        case .catastrophicDiscretionary40:
            .init("catastrophic_discretionary_40_pct",
                  "Difficultés financières (> 40 % du budget discrétionnaire, ODD 3.8.2 révisé)",
                  unit: .percent, format: .share, group: .protection, section: 9)
        case .hardshipImpoverishing:
            .init("hardship_impoverishing_pct",
                  "Difficultés financières appauvrissantes (≥ 100 % du budget discrétionnaire)",
                  unit: .percent, format: .share, group: .protection, section: 9)
        case .hardshipLarge:
            .init("hardship_large_pct", "Dépenses de santé élevées (40 à 100 % du budget discrétionnaire)",
                  unit: .percent, format: .share, group: .protection, section: 9)
        case .impoverished:
            .init("impoverished", "Personnes appauvries par les paiements directs",
                  unit: .persons, format: .whole, group: .protection, section: 9)
        case .furtherImpoverished:
            .init("further_impoverished", "Personnes pauvres davantage appauvries par les paiements directs",
                  unit: .persons, format: .whole, group: .protection, section: 9)
        case .povertyHeadcount:
            .init("poverty_headcount_pct", "Part de la population sous le seuil de pauvreté (avant paiements directs)",
                  unit: .percent, format: .share, group: .protection, section: 9)
        case .povertyHeadcountAfterOOP:
            .init("poverty_headcount_after_oop_pct", "Part de la population sous le seuil de pauvreté après paiements directs",
                  unit: .percent, format: .share, group: .protection, section: 9)
        case .oopConcentration:
            .init("oop_concentration_index", "Indice de concentration des paiements directs (selon la consommation)",
                  unit: .index, format: .index, group: .protection, section: 5)
        case .poolBenefitConcentration:
            .init("pool_benefit_concentration_index",
                  "Indice de concentration des prestations des régimes (selon la consommation)",
                  unit: .index, format: .index, group: .protection, section: 5)
        case .gratuitesCost:
            .init("gratuites_cost_mfcfa", "Coût des gratuités",
                  unit: .mfcfa, format: .whole, group: .spending, section: 9)
        case .healthBudget:
            .init("health_budget_mfcfa", "Budget de l'État pour la santé",
                  unit: .mfcfa, format: .whole, group: .financing, section: 9)
        case .healthBudgetShare:
            .init("health_budget_share_pct", "Part de la santé dans le budget de l'État",
                  unit: .percent, format: .share, group: .financing, section: 9)
        case .stateHealthSpendingPctGDP:
            .init("state_health_spending_pct_gdp", "Dépense de santé financée par l'État en part du PIB",
                  unit: .percent, format: .share, group: .financing, section: 9)
        case .earmarkedTaxRevenue:
            .init("earmarked_tax_revenue_mfcfa", "Recettes des taxes affectées au RAMU",
                  unit: .mfcfa, format: .whole, group: .financing, section: 9)
        case .statePoolSubsidy:
            .init("state_pool_subsidy_mfcfa", "Subvention d'équilibre de l'État aux régimes en déficit",
                  unit: .mfcfa, format: .whole, group: .financing, section: 7)
        case .stateRAMUAllocation:
            .init("state_ramu_allocation_mfcfa", "Allocation du budget santé de l'État au RAMU",
                  unit: .mfcfa, format: .whole, group: .financing, section: 7)
        case .poolRevenue:
            .init("pool_revenue_mfcfa", "Recettes des régimes d'assurance",
                  unit: .mfcfa, format: .whole, group: .financing, section: 9)
        case .poolSpending:
            .init("pool_spending_mfcfa", "Dépenses des régimes d'assurance",
                  unit: .mfcfa, format: .whole, group: .financing, section: 9)
        case .poolBalance:
            .init("pool_balance_mfcfa", "Solde des régimes d'assurance",
                  unit: .mfcfa, format: .whole, group: .financing, section: 9)
        case .poolReserve:
            .init("pool_reserve_mfcfa", "Réserves cumulées des régimes d'assurance",
                  unit: .mfcfa, format: .whole, group: .financing, section: 9)
        case .poolReserveMonths:
            .init("pool_reserve_months", "Réserves des régimes en mois de dépenses",
                  unit: .months, format: .tenths, group: .financing, section: 9)
        case .amoClaimsRatio:
            .init("amo_claims_ratio_pct", "Prestations des membres cotisants (AMO) rapportées à leurs cotisations",
                  unit: .percent, format: .share, group: .financing, section: 9)
        case .financingGap:
            .init("financing_gap_mfcfa", "Besoin de financement non couvert",
                  unit: .mfcfa, format: .whole, group: .financing, section: 9)
        case .financingGapPctGDP:
            .init("financing_gap_pct_gdp", "Besoin de financement non couvert en part du PIB",
                  unit: .percent, format: .share, group: .financing, section: 9)
        case .fiscalSpace:
            .init("fiscal_space_mfcfa", "Espace budgétaire restant (budget santé de l'État)",
                  unit: .mfcfa, format: .whole, group: .financing, section: 9)
        }
    }

    public var id: String { declaration.id }
    public var labelFR: String { declaration.labelFR }
    public var unit: IndicatorUnit { declaration.unit }

    /// The indicator of this id (the CSVs' `indicator` column), nil for an id this version does not declare.
    public init?(id: String) {
        guard let indicator = Indicator.byID[id] else { return nil }
        self = indicator
    }
    private static let byID: [String: Indicator] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.id, $0) })

    /// The share of the population an insured regime covers: looked up in the declarations.
    public static func coverage(of regime: Regime) -> Indicator {
        guard let indicator = coverageByRegime[regime] else {
            preconditionFailure("no coverage indicator for regime \(regime.name)")
        }
        return indicator
    }
    private static let coverageByRegime: [Regime: Indicator] = Dictionary(
        uniqueKeysWithValues: allCases.compactMap { indicator in indicator.declaration.regime.map { ($0, indicator) } })

    /// Position in `allCases`, the index of this indicator's value in a `YearIndicators`.
    public var index: Int { Indicator.indexOf[self]! }
    private static let indexOf: [Indicator: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
