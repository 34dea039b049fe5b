/// The indicators of MODEL.md section 9, in output order: a stable snake_case id, a French label, a unit.
public enum Indicator: String, CaseIterable, Sendable {
    case population
    case coverageAMO = "coverage_amo_pct"
    case coverageRAMED = "coverage_ramed_pct"
    case coverageMutuelle = "coverage_mutuelle_pct"
    case coverageRAMU = "coverage_ramu_pct"
    case coverageTotal = "coverage_total_pct"
    case uncovered
    case careNeeds = "care_needs"
    case careEpisodes = "care_episodes"
    case forgoneCare = "forgone_care_pct"
    case cheTotal = "che_total_mfcfa"
    case cheState = "che_state_mfcfa"
    case cheCollectivites = "che_collectivites_mfcfa"
    case cheDonors = "che_donors_mfcfa"
    case cheContributions = "che_contributions_mfcfa"
    case chePremiums = "che_premiums_mfcfa"
    case cheTaxes = "che_taxes_mfcfa"
    case cheOOP = "che_oop_mfcfa"
    case oopShare = "oop_share_pct"
    case oopPerCapita = "oop_per_capita_fcfa"
    case catastrophic10 = "catastrophic_10_pct"
    case catastrophic25 = "catastrophic_25_pct"
    case catastrophicDiscretionary40 = "catastrophic_discretionary_40_pct"
    case hardshipImpoverishing = "hardship_impoverishing_pct"
    case hardshipLarge = "hardship_large_pct"
    case impoverished
    case furtherImpoverished = "further_impoverished"
    case gratuitesCost = "gratuites_cost_mfcfa"
    case healthBudget = "health_budget_mfcfa"
    case healthBudgetShare = "health_budget_share_pct"
    case earmarkedTaxRevenue = "earmarked_tax_revenue_mfcfa"
    case poolRevenue = "pool_revenue_mfcfa"
    case poolSpending = "pool_spending_mfcfa"
    case poolBalance = "pool_balance_mfcfa"
    case poolReserve = "pool_reserve_mfcfa"
    case financingGap = "financing_gap_mfcfa"
    case fiscalSpace = "fiscal_space_mfcfa"

    public var id: String { rawValue }

    /// The share of the population an insured regime covers.
    public static func coverage(of regime: Regime) -> Indicator {
        switch regime {
        case .amo: .coverageAMO
        case .ramed: .coverageRAMED
        case .mutuelle: .coverageMutuelle
        case .ramu: .coverageRAMU
        case .none: preconditionFailure("no coverage indicator for the uninsured")
        }
    }

    /// Position in `allCases`, the index of this indicator's value in a `YearIndicators`.
    public var index: Int { Indicator.indexOf[self]! }
    private static let indexOf: [Indicator: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    public var unit: String {
        switch self {
        case .population, .uncovered, .impoverished, .furtherImpoverished: "personnes"
        case .careNeeds: "besoins"
        case .careEpisodes: "épisodes"
        case .oopPerCapita: "FCFA/personne"
        case .coverageAMO, .coverageRAMED, .coverageMutuelle, .coverageRAMU, .coverageTotal, .forgoneCare,
            .oopShare, .catastrophic10, .catastrophic25, .catastrophicDiscretionary40, .hardshipImpoverishing,
            .hardshipLarge, .healthBudgetShare:
            "%"
        default: "MFCFA"
        }
    }

    public var labelFR: String {
        switch self {
        case .population: "Population totale"
        case .coverageAMO: "Couverture AMO (part de la population)"
        case .coverageRAMED: "Couverture RAMED (part de la population)"
        case .coverageMutuelle: "Couverture mutuelles (part de la population)"
        case .coverageRAMU: "Couverture RAMU (part de la population)"
        case .coverageTotal: "Couverture totale par l'assurance maladie"
        case .uncovered: "Personnes sans couverture"
        case .careNeeds: "Besoins de soins"
        case .careEpisodes: "Épisodes de soins reçus"
        case .forgoneCare: "Besoins de soins non satisfaits (renoncement)"
        case .cheTotal: "Dépense courante de santé (DCS)"
        case .cheState: "DCS financée par l'État"
        case .cheCollectivites: "DCS financée par les collectivités territoriales"
        case .cheDonors: "DCS financée par les partenaires (PTF)"
        case .cheContributions: "DCS financée par les cotisations AMO"
        case .chePremiums: "DCS financée par les primes des ménages"
        case .cheTaxes: "DCS financée par les taxes affectées"
        case .cheOOP: "DCS financée par les paiements directs des ménages"
        case .oopShare: "Part des paiements directs dans la DCS"
        case .oopPerCapita: "Paiements directs par habitant"
        case .catastrophic10: "Dépenses catastrophiques (> 10 % de la consommation, ODD 3.8.2)"
        case .catastrophic25: "Dépenses catastrophiques (> 25 % de la consommation, ODD 3.8.2)"
        case .catastrophicDiscretionary40: "Difficultés financières (> 40 % du budget discrétionnaire, ODD 3.8.2 révisé)"
        case .hardshipImpoverishing: "Difficultés financières appauvrissantes (≥ 100 % du budget discrétionnaire)"
        case .hardshipLarge: "Dépenses de santé élevées (40 à 100 % du budget discrétionnaire)"
        case .impoverished: "Personnes appauvries par les paiements directs"
        case .furtherImpoverished: "Personnes pauvres davantage appauvries par les paiements directs"
        case .gratuitesCost: "Coût des gratuités"
        case .healthBudget: "Budget de l'État pour la santé"
        case .healthBudgetShare: "Part de la santé dans le budget de l'État"
        case .earmarkedTaxRevenue: "Recettes des taxes affectées au RAMU"
        case .poolRevenue: "Recettes des régimes d'assurance"
        case .poolSpending: "Dépenses des régimes d'assurance"
        case .poolBalance: "Solde des régimes d'assurance"
        case .poolReserve: "Réserves cumulées des régimes d'assurance"
        case .financingGap: "Besoin de financement non couvert"
        case .fiscalSpace: "Espace budgétaire restant (budget santé de l'État)"
        }
    }
}
