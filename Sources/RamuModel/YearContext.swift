import RandomStreams
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The purposes a household draws random numbers for; each has its own stream (MODEL.md section 2),
/// so a change in one (say enrolment) leaves the others' draws as they were.
enum StreamPurpose: UInt32 {
    case householdSize = 1, initialisation, demography, episodes, enrolment, split
}

/// What every household needs to know about the year being simulated: the parameters in force and
/// the values derived from them and from the census at the start of the year.
public struct YearContext: Sendable {
    public let year: Int
    public let parameters: Parameters
    public let seed: UInt64
    public let replication: Int
    /// Hazard of conception for a woman 15–49 who is not pregnant.
    public let conceptionHazard: Double
    public let deathHazard: Double
    /// Probabilities that a death or a conception drawn at the start of the year falls within it.
    let deathWithinYear: Double
    let conceptionWithinYear: Double
    /// Lognormal shapes by `CareKind.rawValue`, in this year's prices.
    let costShapes: [LognormalShape]
    /// Cumulative shares of CSCom, CSRéf (hospital is the rest).
    let levelCSCom: Double
    let levelCSRef: Double
    let gratuiteEffectiveness: Double
    /// Multiplier of the mutuelle join rate from the net premium (price elasticity, section 4).
    let mutuelleJoinMultiplier: Double
    /// Poverty line and societal poverty line (SPL) in this year's FCFA per person per year.
    public let povertyLine: Double
    public let societalPovertyLine: Double

    /// - Parameters:
    ///   - census: the population at the start of the year.
    ///   - medianConsumption: person-weighted median consumption per person at the start of the year, FCFA/year.
    public init(year: Int, parameters p: Parameters, seed: UInt64, replication: Int, census: Census,
                medianConsumption: Double) {
        self.year = year
        parameters = p
        self.seed = seed
        self.replication = replication
        let elapsed = Double(year - p.simulation.startYear)
        deathHazard = p.demography.crudeDeathRate
        // Births 0.75 year after conception should equal the birth hazard times the population then;
        // conceptions make up for mothers who die while pregnant (survival exp(−d · 0.75)).
        let d = p.demography
        let birthsWanted = p.birthHazard * census.population * pow(1 + d.growthRate, d.pregnancyDuration)
        let conceptionsWanted = birthsWanted * exp(d.crudeDeathRate * d.pregnancyDuration)
        conceptionHazard = census.womenNotPregnant > 0 ? conceptionsWanted / census.womenNotPregnant : 0
        deathWithinYear = deathHazard > 0 ? GSLGenerator.probabilityWithin(limit: 1, mean: 1 / deathHazard) : 0
        conceptionWithinYear = conceptionHazard > 0
            ? GSLGenerator.probabilityWithin(limit: 1, mean: 1 / conceptionHazard) : 0
        let medical = pow(1 + p.macro.medicalInflation, elapsed)
        costShapes = CareKind.allCases.map { kind in
            let d = p.costDistribution(kind)
            let base = LognormalShape(mean: d.mean, sd: d.sd)
            return LognormalShape(zeta: base.zeta + log(medical), sigma: base.sigma)
        }
        let total = p.care.shareCSCom + p.care.shareCSRef + p.care.shareHospital
        levelCSCom = p.care.shareCSCom / total
        levelCSRef = (p.care.shareCSCom + p.care.shareCSRef) / total
        gratuiteEffectiveness = p.gratuites.arrangement == .separate
            ? p.gratuites.effectiveness : p.gratuites.integratedEffectiveness
        let net = p.mutuelle.premium * (1 - p.mutuelle.stateSubsidyShare)
        mutuelleJoinMultiplier = pow(net / p.mutuelle.referencePremium, -p.mutuelle.priceElasticity)
        let prices = pow(1 + p.macro.inflation, elapsed)
        povertyLine = p.consumption.povertyLine * prices
        // SDG 3.8.2 (2025): SPL = max(2.15, 1.15 + 0.5 × median daily consumption), in PPP dollars.
        let fp = p.financialProtection
        let ppp = fp.pppFCFAPerDollar * prices
        let medianDailyDollars = medianConsumption / 365 / ppp
        let splDollars = max(fp.splFloorDollars, fp.splBaseDollars + fp.splMedianShare * medianDailyDollars)
        societalPovertyLine = splDollars * ppp * 365
    }

    @inlinable var t0: Double { Double(year) }
    @inlinable var t1: Double { Double(year + 1) }

    func streamKey(_ household: UInt64, _ purpose: StreamPurpose) -> StreamKey {
        StreamKey(seed: seed, replication: replication, entity: household, purpose: purpose.rawValue, period: year)
    }
}

/// Head-counts at one instant (the start of a year), unweighted.
public struct Census: Sendable, Equatable {
    public var population: Double = 0
    /// Persons by `Regime.rawValue`.
    public var byRegime: [Double] = Array(repeating: 0, count: Regime.allCases.count)
    public var womenNotPregnant: Double = 0
    public var households: Double = 0

    public init() {}

    public mutating func add(_ other: Census) {
        population += other.population
        for r in 0..<byRegime.count { byRegime[r] += other.byRegime[r] }
        womenNotPregnant += other.womenNotPregnant
        households += other.households
    }
}
