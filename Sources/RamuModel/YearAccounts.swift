/// What a block of households did in one year, unweighted: counts, money by payer (FCFA), exposure,
/// and the people in households facing each kind of financial hardship. Blocks' accounts are added
/// in block order, so totals never depend on threads.
public struct YearAccounts: Sendable, Equatable {
    public var needs = 0.0
    public var episodes = 0.0
    /// All gratuité spending, whoever pays it (the state if separate, the RAMU pool if integrated).
    public var gratuiteCost = 0.0
    /// Claims paid by each regime, by `Regime.rawValue` (`.none` stays 0).
    public var claims: [Double] = Array(repeating: 0, count: Regime.allCases.count)
    public var outOfPocket = 0.0
    /// Member-years enrolled by regime (premiums) and AMO household-years (contributions).
    public var memberYears: [Double] = Array(repeating: 0, count: Regime.allCases.count)
    public var amoHouseholdYears = 0.0
    /// People (at the start of the year) in households whose OOP exceeds each threshold (section 9).
    public var catastrophic10 = 0.0
    public var catastrophic25 = 0.0
    public var hardshipImpoverishing = 0.0
    public var hardshipLarge = 0.0
    public var impoverished = 0.0
    public var furtherImpoverished = 0.0
    public var births = 0.0
    public var deaths = 0.0
    /// Events processed, by `HouseholdEventKind.rawValue`.
    public var events: [Int] = Array(repeating: 0, count: HouseholdEventKind.allCases.count)

    public init() {}

    public mutating func add(_ o: YearAccounts) {
        needs += o.needs
        episodes += o.episodes
        gratuiteCost += o.gratuiteCost
        for r in 0..<claims.count {
            claims[r] += o.claims[r]
            memberYears[r] += o.memberYears[r]
        }
        outOfPocket += o.outOfPocket
        amoHouseholdYears += o.amoHouseholdYears
        catastrophic10 += o.catastrophic10
        catastrophic25 += o.catastrophic25
        hardshipImpoverishing += o.hardshipImpoverishing
        hardshipLarge += o.hardshipLarge
        impoverished += o.impoverished
        furtherImpoverished += o.furtherImpoverished
        births += o.births
        deaths += o.deaths
        for k in 0..<events.count { events[k] += o.events[k] }
    }
}

/// The events of a household's year (MODEL.md section 2).
public enum HouseholdEventKind: UInt8, Sendable, CaseIterable {
    case careNeed, antenatalVisit, conception, delivery, death, ageOut, enrolmentChange

    public var name: String {
        switch self {
        case .careNeed: "careEpisode"
        case .antenatalVisit: "antenatalVisit"
        case .conception: "pregnancy"
        case .delivery: "birth"
        case .death: "death"
        case .ageOut: "ageOut"
        case .enrolmentChange: "enrolOrDropOut"
        }
    }
}

/// An event in a household's queue: what happens, and to which member (a slot of the household).
public struct HouseholdEvent: Sendable {
    public var kind: HouseholdEventKind
    public var member: Int16
    public init(_ kind: HouseholdEventKind, member: Int16 = -1) {
        self.kind = kind
        self.member = member
    }
}
