import RamuModel

// The table of every key. "fraction" means [0, 1] unless the range says otherwise; rates "per year" are
// hazards (events per household per year). The MODEL.md section of each group is named beside it.
extension ParameterSchema {
    /// Ceilings of the amounts and head-counts, far above Mali's (20.5 million people, a GDP of about
    /// 10 million MFCFA, care costs in thousands of FCFA) and far below what would overflow: with every
    /// growth rate at its maximum for 100 years, no total reaches 1e100, and a population stays an `Int`.
    static let maximumPopulation = 1e9
    static let maximumFCFA = 1e10
    static let maximumMFCFA = 1e12

    /// Every key of a scenario file except the tax list, in the order `params` prints them.
    public static let entries: [Entry] = [
        // simulation — MODEL.md section 2
        .integer("simulation.start_year", \.simulation.startYear, "year", 1900...2200, "Année de début de la simulation"),
        .integer("simulation.end_year", \.simulation.endYear, "year", 1901...2300, "Année de fin, exclue (2036 : résultats 2020–2035)"),
        .real("simulation.sample_fraction", \.simulation.sampleFraction, "fraction", .above(0, through: 1), "Part des ménages du Mali simulés"),
        .choice("simulation.financing_rule", \.simulation.financingRule, "Règle de financement des nouveaux membres du RAMU"),

        // demography — MODEL.md section 3
        .real("demography.initial_population", \.demography.initialPopulation, "persons", .above(0, through: maximumPopulation), "Population à l'année de début"),
        .real("demography.growth_rate", \.demography.growthRate, "fraction/year", .closed(-0.5, 0.5), "Croissance démographique annuelle"),
        .real("demography.crude_death_rate", \.demography.crudeDeathRate, "fraction/year", .from(0, below: 1), "Taux brut de mortalité"),
        .real("demography.share_under_five", \.demography.shareUnderFive, "fraction", .fraction, "Part initiale des enfants de moins de cinq ans"),
        .real("demography.share_women_15_49", \.demography.shareWomen15to49, "fraction", .fraction, "Part initiale des femmes de 15 à 49 ans"),
        .real("demography.ageout_to_women_share", \.demography.ageOutToWomenShare, "fraction", .fraction, "Part des enfants atteignant cinq ans comptés parmi les femmes de 15 à 49 ans"),
        .real("demography.pregnancy_duration", \.demography.pregnancyDuration, "years", .above(0, through: 1), "Durée de la grossesse"),
        .real("demography.caesarean_probability", \.demography.caesareanProbability, "fraction", .fraction, "Probabilité qu'un accouchement soit une césarienne"),
        .integer("demography.antenatal_visits", \.demography.antenatalVisits, "visits", 0...20, "Consultations prénatales par grossesse"),

        // households — MODEL.md sections 3 and 4
        .real("households.mean_size", \.households.meanSize, "persons", .closed(1, 50), "Taille moyenne des ménages"),
        .real("households.share_formal", \.households.shareFormal, "fraction", .fraction, "Part des ménages du secteur formel (cible AMO)"),
        .real("households.share_indigent", \.households.shareIndigent, "fraction", .fraction, "Part des ménages indigents (cible RAMED)"),
        .real("households.share_informal", \.households.shareInformal, "fraction", .fraction, "Part des ménages du secteur informel (cible des mutuelles)"),

        // consumption — MODEL.md section 4
        .real("consumption.mean_per_person", \.consumption.meanPerPerson, "FCFA/person/year", .closed(1, maximumFCFA), "Consommation moyenne par personne"),
        .real("consumption.sigma", \.consumption.sigma, "log-sd", .above(0, through: 5), "Écart-type du logarithme de la consommation"),
        .real("consumption.multiplier_indigent", \.consumption.multiplierIndigent, "multiplier", .above(0, through: 100), "Multiplicateur de consommation des ménages indigents"),
        .real("consumption.multiplier_formal", \.consumption.multiplierFormal, "multiplier", .above(0, through: 100), "Multiplicateur de consommation des ménages formels"),
        .real("consumption.multiplier_informal", \.consumption.multiplierInformal, "multiplier", .above(0, through: 100), "Multiplicateur de consommation des ménages informels"),
        .real("consumption.poverty_line", \.consumption.povertyLine, "FCFA/person/year", .above(0, through: maximumFCFA), "Seuil de pauvreté aux prix de l'année de début"),

        // macro — MODEL.md section 7
        .real("macro.gdp_2020", \.macro.gdp2020, "MFCFA", .closed(1, maximumMFCFA), "PIB nominal de 2020"),
        .real("macro.real_gdp_growth", \.macro.realGDPGrowth, "fraction/year", .closed(-0.5, 1), "Croissance réelle du PIB"),
        .real("macro.inflation", \.macro.inflation, "fraction/year", .closed(-0.5, 1), "Inflation"),
        .real("macro.real_income_growth", \.macro.realIncomeGrowth, "fraction/year", .closed(-0.5, 1), "Croissance réelle de la consommation des ménages"),
        .real("macro.medical_inflation", \.macro.medicalInflation, "fraction/year", .closed(-0.5, 1), "Hausse annuelle du coût des soins"),
        .real("macro.state_budget_share_of_gdp", \.macro.stateBudgetShareOfGDP, "fraction", .fraction, "Budget de l'État en part du PIB"),

        // amo — MODEL.md sections 4, 5 and 7
        .real("amo.initial_coverage_of_target", \.amo.initialCoverageOfTarget, "fraction", .fraction, "Part de la cible AMO couverte à l'année de début"),
        .real("amo.enrolment_rate", \.amo.enrolmentRate, "per year", .closed(0, 100), "Taux d'immatriculation des ménages formels non couverts"),
        .real("amo.coverage_outpatient", \.amo.coverageOutpatient, "fraction", .fraction, "Taux de prise en charge AMO en ambulatoire"),
        .real("amo.coverage_hospital", \.amo.coverageHospital, "fraction", .fraction, "Taux de prise en charge AMO à l'hôpital"),
        .real("amo.average_covered_wage", \.amo.averageCoveredWage, "FCFA/year", .closed(0, maximumFCFA), "Salaire moyen soumis à cotisation, par ménage"),
        .real("amo.employee_rate", \.amo.employeeRate, "fraction", .fraction, "Cotisation salariale AMO"),
        .real("amo.employer_rate", \.amo.employerRate, "fraction", .fraction, "Cotisation patronale AMO"),
        .real("amo.admin_rate", \.amo.adminRate, "fraction", .fraction, "Frais de gestion de l'AMO, en part des prestations"),

        // ramed — MODEL.md sections 4, 5 and 7
        .real("ramed.initial_coverage_of_target", \.ramed.initialCoverageOfTarget, "fraction", .fraction, "Part de la cible RAMED couverte à l'année de début"),
        .real("ramed.identification_rate", \.ramed.identificationRate, "per year", .closed(0, 100), "Taux d'identification et d'immatriculation des indigents"),
        .real("ramed.exit_rate", \.ramed.exitRate, "per year", .closed(0, 100), "Taux de sortie du RAMED"),
        .real("ramed.coverage_rate", \.ramed.coverageRate, "fraction", .fraction, "Taux de prise en charge RAMED"),
        .real("ramed.state_share", \.ramed.stateShare, "fraction", .fraction, "Part de l'État dans le coût du RAMED"),
        .real("ramed.collectivites_payment_rate", \.ramed.collectivitesPaymentRate, "fraction", .fraction, "Part de leur quote-part que les collectivités paient réellement"),
        .real("ramed.admin_rate", \.ramed.adminRate, "fraction", .fraction, "Frais de gestion du RAMED, en part des prestations"),

        // mutuelle — MODEL.md sections 4, 5 and 7
        .real("mutuelle.initial_coverage_of_target", \.mutuelle.initialCoverageOfTarget, "fraction", .fraction, "Part de la cible des mutuelles couverte à l'année de début"),
        .real("mutuelle.join_rate", \.mutuelle.joinRate, "per year", .closed(0, 100), "Taux d'adhésion des ménages informels non couverts"),
        .real("mutuelle.dropout_rate", \.mutuelle.dropoutRate, "per year", .closed(0, 100), "Taux d'abandon (non-renouvellement) des adhérents"),
        .real("mutuelle.price_elasticity", \.mutuelle.priceElasticity, "elasticity", .closed(0, 10), "Élasticité de l'adhésion à la cotisation nette"),
        .real("mutuelle.premium", \.mutuelle.premium, "FCFA/person/year", .above(0, through: maximumFCFA), "Cotisation par personne"),
        .real("mutuelle.state_subsidy_share", \.mutuelle.stateSubsidyShare, "fraction", .from(0, below: 1), "Part de la cotisation payée par l'État"),
        .real("mutuelle.reference_premium", \.mutuelle.referencePremium, "FCFA/person/year", .above(0, through: maximumFCFA), "Cotisation nette de référence (2020)"),
        .real("mutuelle.coverage_rate", \.mutuelle.coverageRate, "fraction", .fraction, "Taux de prise en charge des mutuelles (CSCom et CSRéf)"),
        .real("mutuelle.admin_rate", \.mutuelle.adminRate, "fraction", .fraction, "Frais de gestion des mutuelles, en part des prestations"),

        // ramu — MODEL.md sections 7 and 8
        .boolean("ramu.active", \.ramu.active, "Le RAMU fusionne les régimes en un seul pool"),
        .real("ramu.coverage_rate", \.ramu.coverageRate, "fraction", .fraction, "Taux de prise en charge du panier de base RAMU"),
        .real("ramu.indigent_subsidy", \.ramu.indigentSubsidy, "fraction", .fraction, "Part de la cotisation des indigents payée par l'État"),
        .real("ramu.informal_subsidy", \.ramu.informalSubsidy, "fraction", .fraction, "Part de la cotisation des informels payée par l'État"),
        .real("ramu.enrolment_rate", \.ramu.enrolmentRate, "per year", .closed(0, 100), "Taux d'adhésion au RAMU des non couverts"),
        .real("ramu.dropout_rate", \.ramu.dropoutRate, "per year", .closed(0, 100), "Taux de non-renouvellement des membres subventionnés du RAMU"),
        .real("ramu.premium", \.ramu.premium, "FCFA/person/year", .above(0, through: maximumFCFA), "Cotisation du panier de base RAMU par personne"),
        .real("ramu.admin_rate", \.ramu.adminRate, "fraction", .fraction, "Frais de gestion du RAMU, en part des prestations"),
        .real("ramu.indigent_coverage_rate", \.ramu.indigentCoverageRate, "fraction", .fraction, "Taux de prise en charge des indigents par le RAMU"),

        // gratuites — MODEL.md section 6
        .choice("gratuites.arrangement", \.gratuites.arrangement, "Financement des gratuités : à part (separate) ou par le RAMU (integrated)"),
        .real("gratuites.effectiveness", \.gratuites.effectiveness, "fraction", .fraction, "Probabilité qu'une gratuité financée à part soit effective"),
        .real("gratuites.integrated_effectiveness", \.gratuites.integratedEffectiveness, "fraction", .fraction, "Probabilité qu'une gratuité intégrée au RAMU soit effective"),
        .real("gratuites.enrolment_disincentive", \.gratuites.enrolmentDisincentive, "fraction", .fraction, "Baisse de l'adhésion des ménages éligibles aux gratuités"),

        // care — MODEL.md section 5
        .real("care.need_rate_under_five", \.care.needRateUnderFive, "needs/person/year", .closed(0, 100), "Besoins de soins d'un enfant de moins de cinq ans"),
        .real("care.need_rate_woman", \.care.needRateWoman, "needs/person/year", .closed(0, 100), "Besoins de soins d'une femme de 15 à 49 ans"),
        .real("care.need_rate_other", \.care.needRateOther, "needs/person/year", .closed(0, 100), "Besoins de soins des autres personnes"),
        .real("care.seek_uncovered", \.care.seekUncovered, "fraction", .fraction, "Recours aux soins sans couverture"),
        .real("care.seek_covered", \.care.seekCovered, "fraction", .fraction, "Recours aux soins avec couverture ou gratuité"),
        .real("care.share_cscom", \.care.shareCSCom, "fraction", .fraction, "Part des soins au CSCom"),
        .real("care.share_csref", \.care.shareCSRef, "fraction", .fraction, "Part des soins au CSRéf"),
        .real("care.share_hospital", \.care.shareHospital, "fraction", .fraction, "Part des soins à l'hôpital"),
        .real("care.cost_cscom_mean", \.care.costCSCom.mean, "FCFA", .closed(1, maximumFCFA), "Coût moyen d'un épisode au CSCom"),
        .real("care.cost_cscom_sd", \.care.costCSCom.sd, "FCFA", .above(0, through: maximumFCFA), "Écart-type du coût au CSCom"),
        .real("care.cost_csref_mean", \.care.costCSRef.mean, "FCFA", .closed(1, maximumFCFA), "Coût moyen d'un épisode au CSRéf"),
        .real("care.cost_csref_sd", \.care.costCSRef.sd, "FCFA", .above(0, through: maximumFCFA), "Écart-type du coût au CSRéf"),
        .real("care.cost_hospital_mean", \.care.costHospital.mean, "FCFA", .closed(1, maximumFCFA), "Coût moyen d'un épisode à l'hôpital"),
        .real("care.cost_hospital_sd", \.care.costHospital.sd, "FCFA", .above(0, through: maximumFCFA), "Écart-type du coût à l'hôpital"),
        .real("care.cost_delivery_mean", \.care.costDelivery.mean, "FCFA", .closed(1, maximumFCFA), "Coût moyen d'un accouchement"),
        .real("care.cost_delivery_sd", \.care.costDelivery.sd, "FCFA", .above(0, through: maximumFCFA), "Écart-type du coût d'un accouchement"),
        .real("care.cost_caesarean_mean", \.care.costCaesarean.mean, "FCFA", .closed(1, maximumFCFA), "Coût moyen d'une césarienne"),
        .real("care.cost_caesarean_sd", \.care.costCaesarean.sd, "FCFA", .above(0, through: maximumFCFA), "Écart-type du coût d'une césarienne"),
        .real("care.cost_antenatal_mean", \.care.costAntenatal.mean, "FCFA", .closed(1, maximumFCFA), "Coût moyen d'une consultation prénatale"),
        .real("care.cost_antenatal_sd", \.care.costAntenatal.sd, "FCFA", .above(0, through: maximumFCFA), "Écart-type du coût d'une consultation prénatale"),
        .real("care.cost_scale", \.care.costScale, "multiplier", .above(0, through: 100), "Multiplicateur de tous les coûts des soins (moyennes et écarts-types)"),
        .real("care.seek_income_log_odds", \.care.seekIncomeLogOdds, "log-odds", .closed(-5, 5), "Hausse du log-odds du recours aux soins par unité de ln(consommation / médiane)"),
        .real("care.level_income_elasticity", \.care.levelIncomeElasticity, "elasticity", .closed(-5, 5), "Élasticité des parts CSRéf et hôpital à la consommation rapportée à la médiane"),

        // budget — MODEL.md section 7
        .real("budget.health_share", \.budget.healthShare, "fraction", .fraction, "Part de la santé dans le budget de l'État"),
        .realOrDerived("budget.supply_side", \.budget.supplySide, "MFCFA", .closed(0, maximumMFCFA), "Offre de soins (salaires, structures, programmes) l'année de début ; derived : ce que le budget laisse après ses engagements"),
        .real("budget.supply_side_real_growth", \.budget.supplySideRealGrowth, "fraction/year", .closed(-0.5, 1), "Croissance réelle de l'offre par habitant, au-delà de la population et des prix"),
        .real("budget.ramu_allocation_share", \.budget.ramuAllocationShare, "fraction", .fraction, "Part de ce qui reste du budget santé allouée au RAMU"),

        // donors — MODEL.md section 7
        .real("donors.per_capita_usd", \.donors.perCapitaUSD, "USD/person/year", .closed(0, 100_000), "Financement des partenaires (PTF) par habitant"),
        .real("donors.fcfa_per_usd", \.donors.fcfaPerUSD, "FCFA/USD", .closed(1, 100_000), "Taux de change"),

        // financial_protection — MODEL.md section 9 (ODD 3.8.2)
        .real("financial_protection.ppp_fcfa_per_dollar", \.financialProtection.pppFCFAPerDollar, "FCFA/PPP$", .above(0, through: 100_000), "Facteur de conversion en parité de pouvoir d'achat (2017)"),
        .real("financial_protection.spl_floor_dollars", \.financialProtection.splFloorDollars, "PPP$/day", .closed(0, 10_000), "Plancher de la ligne de pauvreté sociétale"),
        .real("financial_protection.spl_base_dollars", \.financialProtection.splBaseDollars, "PPP$/day", .closed(0, 10_000), "Constante de la ligne de pauvreté sociétale"),
        .real("financial_protection.spl_median_share", \.financialProtection.splMedianShare, "fraction", .fraction, "Part de la consommation médiane dans la ligne de pauvreté sociétale"),
    ]
}
