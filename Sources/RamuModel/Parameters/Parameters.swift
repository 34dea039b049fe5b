/// Every parameter of the model, with MODEL.md's defaults. The model knows nothing of files:
/// `ScenarioFiles` fills this from YAML; sources and units travel beside it (`ParameterProvenance`).
public struct Parameters: Sendable, Equatable {
    public var simulation = Simulation()
    public var demography = Demography()
    public var households = HouseholdParameters()
    public var consumption = Consumption()
    public var macro = Macro()
    public var amo = AMO()
    public var ramed = RAMED()
    public var mutuelle = Mutuelle()
    public var ramu = RAMU()
    public var gratuites = Gratuites()
    public var care = Care()
    public var budget = Budget()
    public var donors = Donors()
    public var financialProtection = FinancialProtection()
    /// Earmarked taxes (MODEL.md section 7). The baseline assigns nothing to RAMU.
    public var taxes: [EarmarkedTax] = []

    public init() {}

    /// Time and sampling (MODEL.md section 2).
    public struct Simulation: Sendable, Equatable {
        public var startYear = 2020
        public var endYear = 2036
        /// Share of Mali's households simulated; each stands for 1 / sampleFraction real ones.
        public var sampleFraction = 0.01
        public var financingRule = FinancingRule.unconstrained
        public init() {}
    }

    /// MODEL.md section 3.
    public struct Demography: Sendable, Equatable {
        public var initialPopulation = 20_537_000.0
        /// Annual growth; births follow from it and the death rate.
        public var growthRate = 0.03
        /// Deaths per person-year.
        public var crudeDeathRate = 0.011
        public var shareUnderFive = 0.17
        public var shareWomen15to49 = 0.22
        /// Share of children leaving the under-five group who join the women 15–49 group: the model has
        /// no ages beyond five, so this keeps that group's share of people aged 5+ near its start value.
        public var ageOutToWomenShare = 0.265
        public var pregnancyDuration = 0.75
        public var caesareanProbability = 0.03
        public var antenatalVisits = 4
        public init() {}
    }

    /// MODEL.md sections 3 and 4.
    public struct HouseholdParameters: Sendable, Equatable {
        public var meanSize = 6.0
        public var shareFormal = 0.17
        public var shareIndigent = 0.05
        public var shareInformal = 0.78
        public init() {}
    }

    /// MODEL.md section 4: annual consumption per person, lognormal.
    public struct Consumption: Sendable, Equatable {
        public var meanPerPerson = 257_000.0
        public var sigma = 0.60
        public var multiplierIndigent = 0.5
        public var multiplierFormal = 1.8
        public var multiplierInformal = 1.0
        public var povertyLine = 190_000.0
        public init() {}
    }

    /// MODEL.md section 7.
    public struct Macro: Sendable, Equatable {
        public var gdp2020 = 10_000_000.0  // MFCFA
        public var realGDPGrowth = 0.047
        public var inflation = 0.02
        public var realIncomeGrowth = 0.015
        public var medicalInflation = 0.03
        public var stateBudgetShareOfGDP = 0.22
        public init() {}
    }

    public struct AMO: Sendable, Equatable {
        public var initialCoverageOfTarget = 0.4922
        /// CANAM counts 1 941 531 insured in 2024, 49 % of the target as in 2020 (49.22 %): AMO does not
        /// gain on its target (MODEL.md's 0.08 would have 62 % covered by 2024).
        public var enrolmentRate = 0.0
        public var coverageOutpatient = 0.70
        public var coverageHospital = 0.80
        /// One covered wage per household, set so that contributions per beneficiary are CANAM's (revenue
        /// of 66.2 bn FCFA in 2019 for 1.43 million beneficiaries in 2018, 105.06 bn in 2024 for 1.94 million;
        /// about 47 760 FCFA per beneficiary in 2020, six per household, at 6.56 %); MODEL.md's 3 000 000.
        public var averageCoveredWage = 4_370_000.0
        public var employeeRate = 0.0306
        public var employerRate = 0.035
        public var adminRate = 0.08
        public init() {}
    }

    public struct RAMED: Sendable, Equatable {
        public var initialCoverageOfTarget = 0.8016
        public var identificationRate = 0.15
        public var exitRate = 0.05
        public var coverageRate = 1.0
        public var stateShare = 0.85
        /// Share of their 15 % that collectivités actually pay.
        public var collectivitesPaymentRate = 1.0
        public var adminRate = 0.0
        public init() {}
    }

    public struct Mutuelle: Sendable, Equatable {
        public var initialCoverageOfTarget = 0.0294
        public var joinRate = 0.01
        public var dropoutRate = 0.30
        public var priceElasticity = 0.5
        public var premium = 6_900.0  // FCFA per person per year
        public var stateSubsidyShare = 0.5
        /// Net premium per member in 2020 (6 900 × 0.5): the join rate is 1 × base at this price.
        public var referencePremium = 3_450.0
        public var coverageRate = 0.75
        public var adminRate = 0.15
        public init() {}
    }

    /// The reform (MODEL.md section 8). Inactive in the baseline; its own issue builds the merger.
    public struct RAMU: Sendable, Equatable {
        public var active = false
        public var coverageRate = 0.80
        public var indigentSubsidy = 1.0
        public var informalSubsidy = 0.80
        /// Annual join rate of informal households, before the price effect of the subsidy.
        public var enrolmentRate = 0.10
        /// Annual non-renewal rate of informal households (subsidised premiums: far below mutuelles' 0.30).
        public var dropoutRate = 0.05
        /// Premium of the basic package per person per year (the mutuelle premium until set otherwise).
        public var premium = 6_900.0
        public var adminRate = 0.08
        /// Share of indigents' care the basic package pays: RAMED's care without co-payment, which the
        /// RAMU law of 2018 merges into RAMU (MODEL.md section 5, second version).
        public var indigentCoverageRate = 1.0
        public init() {}
    }

    /// MODEL.md section 6.
    public struct Gratuites: Sendable, Equatable {
        public var arrangement = GratuiteArrangement.separate
        public var effectiveness = 0.50
        public var integratedEffectiveness = 0.90
        public var enrolmentDisincentive = 0.30
        public init() {}
    }

    /// MODEL.md section 5: needs, seeking, levels and costs (FCFA, 2020 prices).
    public struct Care: Sendable, Equatable {
        public var needRateUnderFive = 2.0
        public var needRateWoman = 1.0
        public var needRateOther = 0.8
        public var seekUncovered = 0.54
        public var seekCovered = 0.85
        public var shareCSCom = 0.80
        public var shareCSRef = 0.14
        public var shareHospital = 0.06
        public var costCSCom = CostDistribution(mean: 6_000, sd: 5_000)
        public var costCSRef = CostDistribution(mean: 25_000, sd: 25_000)
        public var costHospital = CostDistribution(mean: 120_000, sd: 150_000)
        public var costDelivery = CostDistribution(mean: 10_000, sd: 5_000)
        public var costCaesarean = CostDistribution(mean: 150_000, sd: 50_000)
        public var costAntenatal = CostDistribution(mean: 3_000, sd: 1_500)
        /// Multiplies every cost's mean and standard deviation: one price level, the shapes unchanged.
        public var costScale = 1.0
        /// Care use and income (MODEL.md section 5, second version): the log-odds of seeking care rise by
        /// this much per unit of ln(consumption per person / median), and the shares of CSRéf and hospital
        /// care scale with (consumption per person / median) to this elasticity.
        public var seekIncomeLogOdds = 0.7
        public var levelIncomeElasticity = 0.4
        public init() {}
    }

    /// The state health budget and where its money goes (MODEL.md section 7, second version).
    public struct Budget: Sendable, Equatable {
        public var healthShare = 0.051
        /// Supply side (salaries, facilities, programmes) in the start year, MFCFA; nil: derived, what the
        /// budget has left in the start year after its demand-side commitments and the pools' deficits, so
        /// that the base year is in balance.
        public var supplySide: Double?
        /// Real growth per person of the supply side beyond population and prices, a year.
        public var supplySideRealGrowth = 0.0
        /// Share of what the budget has left, once it has paid its supply side, commitments and the pools'
        /// deficits, that goes to the RAMU pool as revenue (while RAMU is active); the rest is fiscal space.
        public var ramuAllocationShare = 0.0
        public init() {}
    }

    public struct Donors: Sendable, Equatable {
        public var perCapitaUSD = 10.0
        public var fcfaPerUSD = 575.0
        public init() {}
    }

    /// SDG 3.8.2 (MODEL.md section 9).
    public struct FinancialProtection: Sendable, Equatable {
        public var pppFCFAPerDollar = 215.0
        public var splFloorDollars = 2.15
        public var splBaseDollars = 1.15
        public var splMedianShare = 0.5
        public init() {}
    }
}

/// Mean and standard deviation of a lognormal cost, FCFA in start-year prices.
public struct CostDistribution: Sendable, Equatable {
    public var mean: Double
    public var sd: Double
    public init(mean: Double, sd: Double) {
        self.mean = mean
        self.sd = sd
    }
}

/// How gratuités are paid (MODEL.md section 6).
public enum GratuiteArrangement: String, Sendable, CaseIterable {
    case separate, integrated
}

/// Whether new subsidised RAMU members wait for money (MODEL.md section 7).
public enum FinancingRule: String, Sendable, CaseIterable {
    case unconstrained, constrained
}
