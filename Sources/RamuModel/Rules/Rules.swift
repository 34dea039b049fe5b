#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

// The rules of the model as value tables, built here and only here from the parameters in force
// (MODEL.md sections 3 to 8). The simulation's hot path reads them by index; the deterministic
// projection and the workbook are to read the same tables. This is the one file that says what each
// regime does: nothing else in the model switches on a regime.

/// Everything a household's year reads of the rules in force over one policy segment. Two segments with
/// equal rules give their households the same year: what `compare` uses to simulate shared years once.
public struct Rules: Sendable, Equatable {
    public var demography: DemographyRules
    public var care: CareRules
    /// By regime (`Regime.rawValue`, `none` first): what each regime pays and is paid.
    public var regimes: ByRegime<RegimeRule>
    /// By sector × regime: the household's next move and its hazard (MODEL.md sections 4 and 8).
    public var enrolment: BySectorAndRegime<EnrolmentRule>
    /// The regime a household of each regime belongs to under these rules: its own, or RAMU's once
    /// RAMU merges AMO, RAMED and the mutuelles into one pool (section 8).
    public var merged: ByRegime<Regime>
    /// The one pool every insured regime belongs to, RAMU's, while it is active (section 8): it takes the
    /// others' reserves and the state's allocation; nil before.
    public var pooledInto: Regime?
    /// Subsidised RAMU cover (indigent and informal members, section 7), while RAMU is active: the regime
    /// it enrols into and the premium a new member brings (the `constrained` rule); nil before.
    public var subsidisedCover: SubsidisedCover?
    /// What RAMU's basic package would pay, administration included, per FCFA of an insured member's
    /// care by sector and kind (`Sector.rawValue`, `CareKind.rawValue`), and per FCFA of a gratuité it
    /// paid: a member's expected cost for the `constrained` rule.
    public var packageCost: BySector<ByCareKind<Double>>
    public var packageCostOfGratuites: Double

    /// The rules of `p`, in `year` (its prices and wages), for a population counted in `census`.
    public init(_ p: Parameters, year: Int, census: Census) {
        demography = DemographyRules(p, census: census)
        care = CareRules(p, year: year)
        let contribution = p.amo.averageCoveredWage * p.nominalIncomeIndex(year: year)
            * (p.amo.employeeRate + p.amo.employerRate)
        regimes = Table(Regime.allCases.map { RegimeRule($0, p, contributionPerHousehold: contribution) })
        enrolment = EnrolmentTable.build(p, gratuitesIntegrated: care.gratuitesIntegrated,
                                         joinMultipliers: Self.joinMultipliers(p))
        merged = Self.regimes(mergedBy: p)
        subsidisedCover = p.ramu.active ? SubsidisedCover(regime: .ramu, premium: p.ramu.premium) : nil
        pooledInto = p.ramu.active ? .ramu : nil
        let ramu = regimes[Regime.ramu].benefits
        packageCost = Table(Sector.allCases.map { sector in
            Table(CareKind.allCases.map { (1 + ramu.adminRate) * ramu.coverage[Int(sector.rawValue)][$0.rawValue] })
        })
        packageCostOfGratuites = 1 + ramu.adminRate
    }

    /// Whether a need gets the same treatment under both: its rate, seeking, level, cost, and who pays
    /// what. If so, a policy change between them leaves the needs being counted as they are
    /// (see `HouseholdWorker.resolveNeeds`).
    public func treatCareAlike(_ o: Rules) -> Bool {
        care == o.care && packageCost == o.packageCost && packageCostOfGratuites == o.packageCostOfGratuites
            && Regime.allCases.allSatisfy { regimes[$0].benefits == o.regimes[$0].benefits }
    }

    /// The regime a household of `regime` belongs to under these rules.
    @inlinable public func regime(of regime: Regime) -> Regime { merged[Int(regime.rawValue)] }

    /// The rule of the move out of `regime` for a household of `sector`.
    @inlinable public func enrolment(_ sector: Sector, _ regime: Regime) -> EnrolmentRule {
        enrolment[Self.enrolmentIndex(sector, regime)]
    }

    /// Where the cell of `sector` and `regime` is in the enrolment table.
    @inlinable @inline(__always) public static func enrolmentIndex(_ sector: Sector, _ regime: Regime) -> Int {
        Int(sector.rawValue) * ByRegime<Regime>.size + Int(regime.rawValue)
    }

    /// The pool that pays integrated gratuités (section 6) and receives the earmarked taxes (section 7).
    public static let gratuitePurchaser = Regime.ramu
    public static let taxRecipient = Regime.ramu

    /// Each regime's members' regime under `p`: RAMU absorbs every insured regime when active.
    public static func regimes(mergedBy p: Parameters) -> ByRegime<Regime> {
        Table(Regime.allCases.map { p.ramu.active && $0 != .none ? .ramu : $0 })
    }

    /// The regime each sector's households start in, and the share of them enrolled at the start year
    /// (section 4: each regime's 2020 coverage of its target), by `Sector.rawValue`.
    public static func initialEnrolment(_ p: Parameters) -> BySector<InitialEnrolment> {
        Table(Sector.allCases.map { sector in
            switch sector {
            case .formal: InitialEnrolment(regime: .amo, share: p.amo.initialCoverageOfTarget)
            case .indigent: InitialEnrolment(regime: .ramed, share: p.ramed.initialCoverageOfTarget)
            case .informal: InitialEnrolment(regime: .mutuelle, share: p.mutuelle.initialCoverageOfTarget)
            }
        })
    }

    /// Multipliers of the voluntary join rates from the net premium (price elasticity, section 4): the
    /// mutuelles' and RAMU's.
    static func joinMultipliers(_ p: Parameters) -> (mutuelle: Double, ramu: Double) {
        (priceMultiplier(net: p.mutuelle.premium * (1 - p.mutuelle.stateSubsidyShare), p),
         priceMultiplier(net: p.ramu.premium * (1 - p.ramu.informalSubsidy), p))
    }

    /// (net premium / reference premium)^(−elasticity); a free premium counts as 1 % of the reference.
    static func priceMultiplier(net: Double, _ p: Parameters) -> Double {
        let ratio = max(net, 0.01 * p.mutuelle.referencePremium) / p.mutuelle.referencePremium
        return pow(ratio, -p.mutuelle.priceElasticity)
    }
}

/// Whom subsidised RAMU cover enrols, and what a new member brings (FCFA per person per year).
public struct SubsidisedCover: Sendable, Equatable {
    public var regime: Regime
    public var premium: Double
}

/// Where a sector's households start (section 4).
public struct InitialEnrolment: Sendable, Equatable {
    public var regime: Regime
    /// Share of the sector's households enrolled at the start year.
    public var share: Double
}

/// One regime's rules in a policy segment (MODEL.md sections 5 and 7): what it pays for its members'
/// care, and what they pay in.
public struct RegimeRule: Sendable, Equatable {
    public var benefits: RegimeBenefits
    public var financing: RegimeFinancing
}

/// What a regime pays for its members' care (section 5, the payer cascade's second step), and who
/// pays for that (section 7).
public struct RegimeBenefits: Sendable, Equatable {
    /// Whether its members are insured: counted as covered, and seeking care as the covered do.
    public var covers: Bool
    /// Share of an episode's cost the regime pays, by `Sector.rawValue` of the member's household and
    /// `CareKind.rawValue` (décret 10-578 for AMO; RAMU pays indigents as RAMED did).
    public var coverage: BySector<ByCareKind<Double>>
    /// Administration cost per FCFA of claims.
    public var adminRate: Double
    /// Shares of the regime's spending (claims and administration) the state budget and the collectivités
    /// pay: RAMED's split; 0 for a pool its members' money pays.
    public var spendingPaidByState: Double
    public var spendingPaidByCollectivites: Double
}

/// What an enrolled household pays in (section 7), by `Sector.rawValue`: a contribution per
/// household-year (AMO's, on one covered wage, this year's wages), and a premium per person-year of
/// which the state pays `premiumStateShare` (the subsidy).
public struct RegimeFinancing: Sendable, Equatable {
    public var contributionPerHousehold: BySector<Double>
    public var premium: BySector<Double>
    public var premiumStateShare: BySector<Double>
}

extension RegimeRule {
    init(_ regime: Regime, _ p: Parameters, contributionPerHousehold contribution: Double) {
        let coverage = BySector<ByCareKind<Double>>(Sector.allCases.map { sector in
            Table(CareKind.allCases.map { kind in
                switch regime {
                case .none: 0
                case .amo: kind.isHospital ? p.amo.coverageHospital : p.amo.coverageOutpatient
                case .ramed: p.ramed.coverageRate
                case .mutuelle: kind.isHospital ? 0 : p.mutuelle.coverageRate  // CSCom and CSRéf only
                case .ramu: sector == .indigent ? p.ramu.indigentCoverageRate : p.ramu.coverageRate
                }
            })
        })
        var adminRate = 0.0, byState = 0.0, byCollectivites = 0.0
        var contributions = [0.0, 0, 0], premiums = [0.0, 0, 0], stateShares = [0.0, 0, 0]
        let formal = Int(Sector.formal.rawValue)
        switch regime {
        case .none:
            break
        case .amo:
            adminRate = p.amo.adminRate
            contributions = [contribution, contribution, contribution]
        case .ramed:
            adminRate = p.ramed.adminRate
            // Collectivités owe the rest, of which they pay only part (`collectivites_payment_rate`).
            byState = p.ramed.stateShare
            byCollectivites = (1 - p.ramed.stateShare) * p.ramed.collectivitesPaymentRate
        case .mutuelle:
            adminRate = p.mutuelle.adminRate
            premiums = [p.mutuelle.premium, p.mutuelle.premium, p.mutuelle.premium]
            stateShares = Array(repeating: p.mutuelle.stateSubsidyShare, count: 3)
        case .ramu:
            // Formal members keep paying AMO's contributions; the others a premium the state subsidises.
            adminRate = p.ramu.adminRate
            contributions[formal] = contribution
            premiums = [0, p.ramu.premium, p.ramu.premium]
            stateShares = [0, p.ramu.indigentSubsidy, p.ramu.informalSubsidy]
        }
        benefits = RegimeBenefits(covers: regime != .none, coverage: coverage, adminRate: adminRate,
                                  spendingPaidByState: byState, spendingPaidByCollectivites: byCollectivites)
        financing = RegimeFinancing(contributionPerHousehold: Table(contributions), premium: Table(premiums),
                                    premiumStateShare: Table(stateShares))
    }
}

/// A household's next move out of its regime (sections 4 and 8): to `target`, at `hazard` per year.
public struct EnrolmentRule: Sendable, Equatable {
    /// Hazard per year for a household without, then with, a member a separate gratuité serves (who
    /// joins less: the DNPSES warning, `gratuites.enrolment_disincentive`).
    public var hazard: Table<2, Double>
    public var target: Regime
    /// Whether the move enrols the household into subsidised RAMU cover (the `constrained` rule
    /// waits for the money).
    public var subsidised: Bool

    static let stays = EnrolmentRule(hazard: Table([0, 0]), target: .none, subsidised: false)
}

enum EnrolmentTable {
    /// Sector × regime (`sector.rawValue × (number of regimes) + regime.rawValue`). Cells with no move have a zero hazard
    /// and the regime itself as target: AMO has no dropout, and formal RAMU members stay as in AMO.
    static func build(_ p: Parameters, gratuitesIntegrated: Bool,
                      joinMultipliers m: (mutuelle: Double, ramu: Double)) -> BySectorAndRegime<EnrolmentRule> {
        let disincentive = gratuitesIntegrated ? 1 : 1 - p.gratuites.enrolmentDisincentive
        func join(_ rate: Double, to target: Regime, deterred: Bool = true, subsidised: Bool = false) -> EnrolmentRule {
            EnrolmentRule(hazard: Table([rate, deterred ? rate * disincentive : rate]), target: target,
                          subsidised: subsidised)
        }
        func leave(_ rate: Double) -> EnrolmentRule { join(rate, to: .none, deterred: false) }
        var cells: [EnrolmentRule] = []
        for sector in Sector.allCases {
            for regime in Regime.allCases {
                var rule = EnrolmentRule.stays
                rule.target = regime
                switch (p.ramu.active, sector, regime) {
                case (true, .formal, .none): rule = join(p.amo.enrolmentRate, to: .ramu)
                case (true, .indigent, .none): rule = join(p.ramed.identificationRate, to: .ramu, deterred: false, subsidised: true)
                case (true, .indigent, .ramu): rule = leave(p.ramed.exitRate)
                case (true, .informal, .none): rule = join(p.ramu.enrolmentRate * m.ramu, to: .ramu, subsidised: true)
                case (true, .informal, .ramu): rule = leave(p.ramu.dropoutRate)
                case (false, .formal, .none): rule = join(p.amo.enrolmentRate, to: .amo)
                case (false, .indigent, .none): rule = join(p.ramed.identificationRate, to: .ramed, deterred: false)
                case (false, .indigent, .ramed): rule = leave(p.ramed.exitRate)
                case (false, .informal, .none): rule = join(p.mutuelle.joinRate * m.mutuelle, to: .mutuelle)
                case (false, .informal, .mutuelle): rule = leave(p.mutuelle.dropoutRate)
                default: break
                }
                // A move at a zero rate (AMO's enrolment, calibrated to none) is no move: the cell says so.
                if rule.hazard[0] == 0 && rule.hazard[1] == 0 { rule = .stays; rule.target = regime }
                cells.append(rule)
            }
        }
        return Table(cells)
    }
}

/// What a household's demography reads (MODEL.md section 3).
public struct DemographyRules: Sendable, Equatable {
    public var deathHazard: Double
    /// Hazard of conception for a woman 15–49 who is not pregnant.
    public var conceptionHazard: Double
    public var pregnancyDuration: Double
    public var antenatalVisits: Int
    /// Share of children leaving the under-five group who join the women 15–49.
    public var ageOutToWomenShare: Double

    init(_ p: Parameters, census: Census) {
        let d = p.demography
        deathHazard = d.crudeDeathRate
        conceptionHazard = census.womenNotPregnant > 0
            ? p.conceptionsWanted(population: census.population) / census.womenNotPregnant : 0
        pregnancyDuration = d.pregnancyDuration
        antenatalVisits = d.antenatalVisits
        ageOutToWomenShare = d.ageOutToWomenShare
    }
}

/// What a care need meets (MODEL.md section 5): how often, whether it is sought, where, at what cost,
/// and whether a gratuité pays it (section 6). Seeking and levels are those of a household at the
/// median consumption per person; `forHousehold` gives any household's (second version).
public struct CareRules: Sendable, Equatable {
    /// Annual rate of needs per person, by `MemberGroup.rawValue`.
    public var needRates: ByGroup<Double>
    /// Seeking and levels at the median consumption per person, and how they move with income.
    public var income: IncomeResponse
    public var caesareanProbability: Double
    /// Lognormal costs by kind of care, in this year's prices, times the cost scale.
    public var costShapes: CostShapes
    /// Chance a gratuité pays an eligible member's care, and whether the RAMU pool pays it (integrated).
    public var gratuiteEffectiveness: Double
    public var gratuitesIntegrated: Bool

    init(_ p: Parameters, year: Int) {
        let c = p.care
        needRates = Table([c.needRateUnderFive, c.needRateWoman, c.needRateOther])
        let total = c.shareCSCom + c.shareCSRef + c.shareHospital
        income = IncomeResponse(seekUncovered: c.seekUncovered, seekCovered: c.seekCovered,
                                shareCSRef: c.shareCSRef / total, shareHospital: c.shareHospital / total,
                                seekIncomeLogOdds: c.seekIncomeLogOdds, levelIncomeElasticity: c.levelIncomeElasticity)
        caesareanProbability = p.demography.caesareanProbability
        costShapes = CostShapes(p.care, priceFactor: p.medicalPriceIndex(year: year) * c.costScale)
        gratuitesIntegrated = p.gratuites.arrangement == .integrated
        gratuiteEffectiveness = gratuitesIntegrated ? p.gratuites.integratedEffectiveness : p.gratuites.effectiveness
    }

    /// See `IncomeResponse.forHousehold`.
    public func forHousehold(logRelativeConsumption x: Double) -> HouseholdCare {
        income.forHousehold(logRelativeConsumption: x)
    }
}

/// A need's chance of being sought and the shares of levels at the median consumption per person, and
/// how they move with it (MODEL.md section 5, second version). Small, so a household's year copies it.
public struct IncomeResponse: Sendable, Equatable {
    /// Chance that a need is taken to formal care, for a member without cover whom no gratuité serves,
    /// and for the others (who meet no cost barrier).
    public var seekUncovered: Double
    public var seekCovered: Double
    /// Shares of CSRéf and hospital care among levels (CSCom is the rest).
    public var shareCSRef: Double
    public var shareHospital: Double
    /// Log-odds of seeking per unit of ln(consumption per person / median), and the elasticity of the
    /// CSRéf and hospital shares to consumption per person / median.
    public var seekIncomeLogOdds: Double
    public var levelIncomeElasticity: Double

    /// The seeking and levels of a household whose consumption per person is exp(`x`) times the median:
    /// the log-odds of seeking move by `seekIncomeLogOdds` × x (covered or not: the order of the two is
    /// kept), and the CSRéf and hospital shares scale with exp(`levelIncomeElasticity` × x), CSCom
    /// taking the rest (the two together at most 95 %).
    public func forHousehold(logRelativeConsumption x: Double) -> HouseholdCare {
        let oddsFactor = exp(-seekIncomeLogOdds * x)  // one exponential for both chances
        let scale = exp(levelIncomeElasticity * x)
        var csRef = shareCSRef * scale, hospital = shareHospital * scale
        if csRef + hospital > 0.95 {
            let cap = 0.95 / (csRef + hospital)
            csRef *= cap
            hospital *= cap
        }
        let csCom = 1 - csRef - hospital
        return HouseholdCare(seekUncovered: Self.shift(seekUncovered, by: oddsFactor),
                             seekCovered: Self.shift(seekCovered, by: oddsFactor),
                             levelCSCom: csCom, levelCSRef: csCom + csRef)
    }

    /// `p` with its odds multiplied by 1 / `oddsFactor` (0 and 1 stay where they are).
    static func shift(_ p: Double, by oddsFactor: Double) -> Double {
        guard p > 0, p < 1 else { return p }
        return 1 / (1 + (1 - p) / p * oddsFactor)
    }
}

/// One household's care in a policy segment: its chance of seeking care without and with cover (or a
/// gratuité), and the cumulative shares of CSCom, then CSRéf, among its levels (hospital is the rest).
public struct HouseholdCare: Sendable {
    public var seekUncovered = 0.0
    public var seekCovered = 0.0
    public var levelCSCom = 1.0
    public var levelCSRef = 1.0
    /// A member's chance of no need over a whole year, by `MemberGroup.rawValue` (e^−rate), and, without
    /// cover, of no need forgone for its cost, for a woman and for another person (children are eligible
    /// for the gratuités): e^−rate × `costBarrier`. Set by `withYearFactors`.
    public var noNeedInYear = InlineArray<3, Double>(repeating: 1)
    public var noCostForgoneInYear = InlineArray<2, Double>(repeating: 1)

    public init(seekUncovered: Double = 0, seekCovered: Double = 0, levelCSCom: Double = 1, levelCSRef: Double = 1) {
        self.seekUncovered = seekUncovered
        self.seekCovered = seekCovered
        self.levelCSCom = levelCSCom
        self.levelCSRef = levelCSRef
    }

    /// Chance that a need is sought: lower without cover unless a gratuité applies.
    @inlinable public func seekProbability(covered: Bool, eligible: Bool) -> Double {
        covered || eligible ? seekCovered : seekUncovered
    }

    /// Chance that a need is forgone because of its cost (MODEL.md section 5, second version): it would
    /// be sought without a cost barrier (as by the covered, at the household's income) but is not. Zero
    /// with cover or a gratuité, and when a scenario has the uncovered seek more than the covered.
    @inlinable public func costBarrier(covered: Bool, eligible: Bool) -> Double {
        covered || eligible ? 0 : max(0, seekCovered - seekUncovered)
    }

    /// With the whole-year factors for need rates `rates` (by `MemberGroup.rawValue`).
    func withYearFactors(needRates rates: ByGroup<Double>) -> HouseholdCare {
        var care = self
        let barrier = costBarrier(covered: false, eligible: false)
        for g in 0..<3 { care.noNeedInYear[g] = exp(-rates[g]) }
        care.noCostForgoneInYear[0] = exp(-rates[Int(MemberGroup.woman15to49.rawValue)] * barrier)
        care.noCostForgoneInYear[1] = exp(-rates[Int(MemberGroup.other.rawValue)] * barrier)
        return care
    }
}

extension Sector {
    /// Whether RAMU subsidises its households' cover (indigent and informal, section 7).
    public var subsidisedByRAMU: Bool { self != .formal }
}
