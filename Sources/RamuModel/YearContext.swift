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

/// Lognormal cost shapes by kind of care, in one year's prices (in place, not an Array, so the hot path
/// reads them without reference counting).
struct CostShapes: Sendable {
    /// By `CareKind.rawValue`: an indexed load, where a switch on a kind drawn at random mispredicted.
    var shapes: InlineArray<6, LognormalShape>

    init(_ p: Parameters, priceFactor: Double) {
        shapes = InlineArray { i in
            let d = p.costDistribution(CareKind(rawValue: i)!)
            let base = LognormalShape(mean: d.mean, sd: d.sd)
            return LognormalShape(zeta: base.zeta + log(priceFactor), sigma: base.sigma)
        }
    }

    subscript(_ kind: CareKind) -> LognormalShape { shapes[kind.rawValue] }
}

extension CostShapes: Equatable {
    static func == (a: CostShapes, b: CostShapes) -> Bool { (0..<6).allSatisfy { a.shapes[$0] == b.shapes[$0] } }
}

/// The laws of the count of needs over a whole year that a segment tabulates (to draw them by
/// inversion), out of line: in line, their 112 tables made a segment 26 KB, which debug builds copied
/// onto the stack until a test thread's stack overflowed. Written once, then only read.
final class NeedTables: @unchecked Sendable {
    static let groupedMembers = 16
    /// For each group (under five, women, others) in that order, its tables for 1, 2, … `groupedMembers`
    /// members; then w women (not pregnant) and o other persons together, 1 ≤ w ≤ 4 and 1 ≤ o ≤ 16, at
    /// (w − 1) · 16 + o − 1: their needs meet the same rules, so one count serves them all.
    let base: UnsafeMutablePointer<PoissonTable>
    static let adults = 3 * groupedMembers
    static let count = adults + 4 * 16

    init(underFive: Double, woman: Double, other: Double) {
        base = .allocate(capacity: Self.count)
        for (g, rate) in [underFive, woman, other].enumerated() {
            for n in 0..<Self.groupedMembers {
                (base + g * Self.groupedMembers + n).initialize(to: PoissonTable(mean: rate * Double(n + 1)))
            }
        }
        for i in 0..<4 * 16 {
            (base + Self.adults + i).initialize(to: PoissonTable(mean: Double(i / 16 + 1) * woman + Double(i % 16 + 1) * other))
        }
    }

    deinit {
        base.deinitialize(count: Self.count)
        base.deallocate()
    }
}

/// A stretch of a year over which the parameters are constant (MODEL.md section 8: policy changes
/// split the year; a ramp is taken at the segment's midpoint, its average over the segment), with
/// everything households derive from them.
public struct PolicySegment: Sendable {
    public let start: Double
    public let end: Double
    public let parameters: Parameters
    let deathHazard: Double
    /// Hazard of conception for a woman 15–49 who is not pregnant.
    let conceptionHazard: Double
    let needRateUnderFive, needRateWoman, needRateOther: Double
    /// The laws of the count of needs over a whole year, by group and number of members (kept alive
    /// here, read through `needTable`, a plain pointer that costs no reference counting per draw).
    let needTables: NeedTables
    nonisolated(unsafe) let needTable: UnsafePointer<PoissonTable>
    /// Benefit rules by regime (outpatient, hospital) and administration rates, as plain numbers so the
    /// hot path never copies `parameters` (its arrays would be retained from every thread).
    let coverageOutpatient: PerRegime
    let coverageHospital: PerRegime
    let adminRates: PerRegime
    let costShapes: CostShapes
    /// Cumulative shares of CSCom, CSRéf (hospital is the rest).
    let levelCSCom: Double
    let levelCSRef: Double
    let gratuiteEffectiveness: Double
    let gratuitesIntegrated: Bool
    /// Multipliers of the join rates from the net premium (price elasticity, section 4).
    let mutuelleJoinMultiplier: Double
    let ramuJoinMultiplier: Double
    /// Annual AMO contribution per enrolled formal household, FCFA (this year's wages).
    let contributionPerHousehold: Double

    init(start: Double, end: Double, year: Int, parameters p: Parameters, census: Census) {
        self.start = start
        self.end = end
        parameters = p
        let d = p.demography
        let elapsed = Double(year - p.simulation.startYear)
        deathHazard = d.crudeDeathRate
        // Births 0.75 year after conception should equal the birth hazard times the population then;
        // conceptions make up for mothers who die while pregnant (survival exp(−d · 0.75)).
        let birthsWanted = p.birthHazard * census.population * pow(1 + d.growthRate, d.pregnancyDuration)
        let conceptionsWanted = birthsWanted * exp(d.crudeDeathRate * d.pregnancyDuration)
        conceptionHazard = census.womenNotPregnant > 0 ? conceptionsWanted / census.womenNotPregnant : 0
        needRateUnderFive = p.care.needRateUnderFive
        needRateWoman = p.care.needRateWoman
        needRateOther = p.care.needRateOther
        needTables = NeedTables(underFive: needRateUnderFive, woman: needRateWoman, other: needRateOther)
        needTable = UnsafePointer(needTables.base)
        costShapes = CostShapes(p, priceFactor: pow(1 + p.macro.medicalInflation, elapsed))
        var outpatient = PerRegime(), hospital = PerRegime(), admin = PerRegime()
        for regime in Regime.allCases {
            outpatient[regime] = p.coverageRate(regime, .csCom)
            hospital[regime] = p.coverageRate(regime, .hospital)
            admin[regime] = p.adminRate(regime)
        }
        coverageOutpatient = outpatient
        coverageHospital = hospital
        adminRates = admin
        let total = p.care.shareCSCom + p.care.shareCSRef + p.care.shareHospital
        levelCSCom = p.care.shareCSCom / total
        levelCSRef = (p.care.shareCSCom + p.care.shareCSRef) / total
        gratuitesIntegrated = p.gratuites.arrangement == .integrated
        gratuiteEffectiveness = gratuitesIntegrated ? p.gratuites.integratedEffectiveness : p.gratuites.effectiveness
        let mutuelleNet = p.mutuelle.premium * (1 - p.mutuelle.stateSubsidyShare)
        mutuelleJoinMultiplier = Self.priceMultiplier(net: mutuelleNet, p)
        ramuJoinMultiplier = Self.priceMultiplier(net: p.ramu.premium * (1 - p.ramu.informalSubsidy), p)
        let wages = pow((1 + p.macro.realIncomeGrowth) * (1 + p.macro.inflation), elapsed)
        contributionPerHousehold = p.amo.averageCoveredWage * wages * (p.amo.employeeRate + p.amo.employerRate)
    }

    /// (net premium / reference premium)^(−elasticity); a free premium counts as 1 % of the reference.
    static func priceMultiplier(net: Double, _ p: Parameters) -> Double {
        let ratio = max(net, 0.01 * p.mutuelle.referencePremium) / p.mutuelle.referencePremium
        return pow(ratio, -p.mutuelle.priceElasticity)
    }

    func needRate(_ group: MemberGroup) -> Double {
        switch group {
        case .underFive: needRateUnderFive
        case .woman15to49: needRateWoman
        case .other: needRateOther
        }
    }

    public var duration: Double { end - start }

    /// Whether a need gets the same treatment under both segments: its rate, seeking, level, cost, and
    /// who pays what (everything `careEpisode` reads). If so, a policy change between them leaves the
    /// needs being counted as they are (see `HouseholdWorker.resolveNeeds`).
    func treatsCareAsIn(_ o: PolicySegment) -> Bool {
        let p = parameters, q = o.parameters
        return needRateUnderFive == o.needRateUnderFive && needRateWoman == o.needRateWoman
            && needRateOther == o.needRateOther
            && p.care.seekCovered == q.care.seekCovered && p.care.seekUncovered == q.care.seekUncovered
            && levelCSCom == o.levelCSCom && levelCSRef == o.levelCSRef
            && p.demography.caesareanProbability == q.demography.caesareanProbability
            && costShapes == o.costShapes
            && gratuiteEffectiveness == o.gratuiteEffectiveness && gratuitesIntegrated == o.gratuitesIntegrated
            && coverageOutpatient == o.coverageOutpatient && coverageHospital == o.coverageHospital
            && adminRates == o.adminRates && p.ramu.adminRate == q.ramu.adminRate
            && p.ramed.stateShare == q.ramed.stateShare
            && p.ramed.collectivitesPaymentRate == q.ramed.collectivitesPaymentRate
    }
}

/// What every household needs to know about the year being simulated: its policy segments and the
/// values derived from the census and consumption at the start of the year.
public struct YearContext: Sendable {
    public let year: Int
    public let seed: UInt64
    public let replication: Int
    /// What every household's streams this year begin with (seed and replication hashed).
    public let streams: StreamRoot
    /// At least one; they cover [year, year + 1) in order.
    public let segments: [PolicySegment]
    /// The parameters in force at the first instant of the next year, when its stocks are counted.
    public let nextYearStart: Parameters
    /// The parameters of the last segment, in force as the year ends (read this, not
    /// `segments.last!.parameters`, which copies a segment and retains its arrays).
    public let closingParameters: Parameters
    /// Poverty line and societal poverty line (SPL) in this year's FCFA per person per year.
    public let povertyLine: Double
    public let societalPovertyLine: Double
    /// Consumption per person (FCFA/year) at the 20th, 40th, 60th and 80th percentiles of people at the
    /// start of the year: the quintile boundaries.
    public let quintileCuts: [Double]
    /// Persons each block may still enrol into subsidised RAMU cover this year (`constrained` rule);
    /// nil when enrolment is not constrained.
    public let subsidisedQuotaShare: Double?

    /// - Parameters:
    ///   - census: the population at the start of the year.
    ///   - medianConsumption: person-weighted median consumption per person at the start of the year, FCFA/year.
    public init(year: Int, base: Parameters, timeline: PolicyTimeline, seed: UInt64, replication: Int,
                census: Census, medianConsumption: Double, quintileCuts: [Double] = [],
                subsidisedQuotaShare: Double? = nil) {
        self.year = year
        self.quintileCuts = quintileCuts
        self.seed = seed
        self.replication = replication
        streams = StreamRoot(seed: seed, replication: replication)
        self.subsidisedQuotaShare = subsidisedQuotaShare
        let t0 = Double(year), t1 = Double(year + 1)
        let bounds = [t0] + timeline.breakpoints(after: t0, before: t1) + [t1]
        // Adjacent stretches with the same parameters are one segment: a change that changes nothing
        // leaves no trace, not even in the order numbers are added.
        var spans: [(start: Double, end: Double, parameters: Parameters)] = []
        for (a, b) in zip(bounds, bounds.dropFirst()) {
            let p = timeline.parameters(at: (a + b) / 2, base: base)
            if let last = spans.last, last.parameters == p {
                spans[spans.count - 1].end = b
            } else {
                spans.append((a, b, p))
            }
        }
        segments = spans.map {
            PolicySegment(start: $0.start, end: $0.end, year: year, parameters: $0.parameters, census: census)
        }
        nextYearStart = timeline.parameters(at: t1, base: base)
        closingParameters = spans[spans.count - 1].parameters
        let p = segments[0].parameters
        let prices = pow(1 + p.macro.inflation, Double(year - p.simulation.startYear))
        povertyLine = p.consumption.povertyLine * prices
        // SDG 3.8.2 (2025): SPL = max(2.15, 1.15 + 0.5 × median daily consumption), in PPP dollars.
        let fp = p.financialProtection
        let ppp = fp.pppFCFAPerDollar * prices
        let medianDailyDollars = medianConsumption / 365 / ppp
        let splDollars = max(fp.splFloorDollars, fp.splBaseDollars + fp.splMedianShare * medianDailyDollars)
        societalPovertyLine = splDollars * ppp * 365
    }

    init(copying c: YearContext, subsidisedQuotaShare: Double?) {
        year = c.year
        seed = c.seed
        replication = c.replication
        streams = c.streams
        segments = c.segments
        nextYearStart = c.nextYearStart
        closingParameters = c.closingParameters
        quintileCuts = c.quintileCuts
        povertyLine = c.povertyLine
        societalPovertyLine = c.societalPovertyLine
        self.subsidisedQuotaShare = subsidisedQuotaShare
    }

    /// A year with no timeline (tests).
    public init(year: Int, parameters: Parameters, seed: UInt64, replication: Int, census: Census,
                medianConsumption: Double) {
        self.init(year: year, base: parameters, timeline: PolicyTimeline(), seed: seed, replication: replication,
                  census: census, medianConsumption: medianConsumption)
    }

    var t0: Double { Double(year) }

    /// Whether households live this year exactly as under `o`: same year and streams, same policy
    /// segments as households see them, same quotas and lines. Two scenarios whose years compare so
    /// simulate the same households (see `ReplicationRunner`).
    func simulatesHouseholdsAs(_ o: YearContext) -> Bool {
        year == o.year && seed == o.seed && replication == o.replication
            && segments.count == o.segments.count
            && zip(segments, o.segments).allSatisfy {
                $0.start == $1.start && $0.end == $1.end && $0.parameters.householdView == $1.parameters.householdView
            }
            && nextYearStart.ramu.active == o.nextYearStart.ramu.active  // all households read of it (closeYear)
            && subsidisedQuotaShare == o.subsidisedQuotaShare
            && povertyLine == o.povertyLine && societalPovertyLine == o.societalPovertyLine
            && quintileCuts == o.quintileCuts
    }

    /// The quintile (1 = poorest) of a household with this consumption per person.
    func quintile(_ consumptionPerPerson: Double) -> Int {
        var q = 1
        for cut in quintileCuts { q += consumptionPerPerson > cut ? 1 : 0 }  // (no branch on a random value)
        return min(q, 5)
    }
    var t1: Double { Double(year + 1) }

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
    /// Persons in households not insured whose sector RAMU subsidises (indigent and informal): the
    /// candidates for subsidised RAMU cover.
    public var subsidisedCandidates: Double = 0

    public init() {}

    /// Counts a household at the start of a year, with its members then (all living).
    mutating func count(_ h: Household, members: some Collection<Member>) {
        var women = 0  // a conception can happen to them (added, not branched on: groups look random)
        for m in members { women += (m.group == .woman15to49 ? 1 : 0) &* (m.pregnant ? 0 : 1) }
        count(h, womenNotPregnant: women)
    }

    /// `count(_:members:)` when the women not pregnant among its members are already counted.
    mutating func count(_ h: Household, womenNotPregnant women: Int) {
        let n = Double(h.sizeAtYearStart)
        population += n
        households += 1
        byRegime[Int(h.regime.rawValue)] += n
        if h.isSubsidisedCandidate { subsidisedCandidates += n }
        womenNotPregnant += Double(women)
    }

    public mutating func add(_ other: Census) {
        population += other.population
        for r in 0..<byRegime.count { byRegime[r] += other.byRegime[r] }
        womenNotPregnant += other.womenNotPregnant
        households += other.households
        subsidisedCandidates += other.subsidisedCandidates
    }
}
