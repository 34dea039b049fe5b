/// One amount per regime (FCFA or person-years), as fields rather than an array so the hot path
/// updates it without reference counting.
public struct PerRegime: Sendable, Equatable {
    public var none = 0.0, amo = 0.0, ramed = 0.0, mutuelle = 0.0, ramu = 0.0

    public init() {}

    @inlinable public subscript(_ regime: Regime) -> Double {
        get {
            switch regime {
            case .none: none
            case .amo: amo
            case .ramed: ramed
            case .mutuelle: mutuelle
            case .ramu: ramu
            }
        }
        set {
            switch regime {
            case .none: none = newValue
            case .amo: amo = newValue
            case .ramed: ramed = newValue
            case .mutuelle: mutuelle = newValue
            case .ramu: ramu = newValue
            }
        }
    }

    public var total: Double { none + amo + ramed + mutuelle + ramu }

    public mutating func add(_ o: PerRegime) {
        none += o.none
        amo += o.amo
        ramed += o.ramed
        mutuelle += o.mutuelle
        ramu += o.ramu
    }
}

/// What a block of households did in one year, unweighted: counts; money in FCFA, accrued when it
/// happened with the rates then in force (so a policy change mid-year is exact); exposure; and the
/// people in households facing each kind of financial hardship. Blocks' accounts are added in block
/// order, so totals never depend on threads.
public struct YearAccounts: Sendable, Equatable {
    public var needs = 0.0
    public var episodes = 0.0
    /// All gratuité spending, whoever pays it; the part the RAMU pool paid (integrated arrangement).
    public var gratuiteCost = 0.0
    public var gratuitePaidByPool = 0.0
    /// Claims each regime paid, and the administration they cost.
    public var claims = PerRegime()
    public var admin = PerRegime()
    public var outOfPocket = 0.0
    /// Premiums paid by households and by the state (subsidies), AMO contributions, by regime.
    public var premiumsHousehold = PerRegime()
    public var premiumsState = PerRegime()
    public var contributions = PerRegime()
    /// RAMED's revenue: the state's share and what the collectivités actually paid.
    public var ramedState = 0.0
    public var ramedCollectivites = 0.0
    /// Member-years enrolled by regime.
    public var memberYears = PerRegime()
    /// What RAMU's benefit package would have paid (claims + admin) for the care of insured members,
    /// and their member-years: the expected cost of a member, for the `constrained` rule.
    public var ramuEquivalentCost = 0.0
    public var insuredMemberYears = 0.0
    /// Persons newly enrolled into subsidised RAMU cover (indigent and informal households).
    public var subsidisedEnrolments = 0.0
    /// People (at the start of the year) in households whose OOP exceeds each threshold (section 9).
    public var catastrophic10 = 0.0
    public var catastrophic25 = 0.0
    public var hardshipImpoverishing = 0.0
    public var hardshipLarge = 0.0
    public var impoverished = 0.0
    public var furtherImpoverished = 0.0
    public var births = 0.0
    public var deaths = 0.0
    /// Events processed, by kind.
    public var events = EventTally()
    /// The same by consumption quintile (equity).
    public var quintiles = QuintileAccounts()

    public init() {}

    public mutating func add(_ o: YearAccounts) {
        needs += o.needs
        episodes += o.episodes
        gratuiteCost += o.gratuiteCost
        gratuitePaidByPool += o.gratuitePaidByPool
        claims.add(o.claims)
        admin.add(o.admin)
        outOfPocket += o.outOfPocket
        premiumsHousehold.add(o.premiumsHousehold)
        premiumsState.add(o.premiumsState)
        contributions.add(o.contributions)
        ramedState += o.ramedState
        ramedCollectivites += o.ramedCollectivites
        memberYears.add(o.memberYears)
        ramuEquivalentCost += o.ramuEquivalentCost
        insuredMemberYears += o.insuredMemberYears
        subsidisedEnrolments += o.subsidisedEnrolments
        catastrophic10 += o.catastrophic10
        catastrophic25 += o.catastrophic25
        hardshipImpoverishing += o.hardshipImpoverishing
        hardshipLarge += o.hardshipLarge
        impoverished += o.impoverished
        furtherImpoverished += o.furtherImpoverished
        births += o.births
        deaths += o.deaths
        events.add(o.events)
        quintiles.add(o.quintiles)
    }
}

/// Events processed, one counter per kind.
public struct EventTally: Sendable, Equatable {
    public var counts = (0, 0, 0, 0, 0, 0, 0, 0)

    public init() {}

    @inlinable public subscript(_ kind: HouseholdEventKind) -> Int {
        get {
            switch kind {
            case .careNeed: counts.0
            case .antenatalVisit: counts.1
            case .conception: counts.2
            case .delivery: counts.3
            case .death: counts.4
            case .ageOut: counts.5
            case .enrolmentChange: counts.6
            case .policyChange: counts.7
            }
        }
        set {
            switch kind {
            case .careNeed: counts.0 = newValue
            case .antenatalVisit: counts.1 = newValue
            case .conception: counts.2 = newValue
            case .delivery: counts.3 = newValue
            case .death: counts.4 = newValue
            case .ageOut: counts.5 = newValue
            case .enrolmentChange: counts.6 = newValue
            case .policyChange: counts.7 = newValue
            }
        }
    }

    public mutating func add(_ o: EventTally) {
        for kind in HouseholdEventKind.allCases { self[kind] += o[kind] }
    }

    public static func == (a: EventTally, b: EventTally) -> Bool {
        HouseholdEventKind.allCases.allSatisfy { a[$0] == b[$0] }
    }

    public var total: Int { HouseholdEventKind.allCases.reduce(0) { $0 + self[$1] } }
}

/// The events of a household's year (MODEL.md section 2).
public enum HouseholdEventKind: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case careNeed, antenatalVisit, conception, delivery, death, ageOut, enrolmentChange, policyChange

    public var name: String {
        switch self {
        case .careNeed: "careEpisode"
        case .antenatalVisit: "antenatalVisit"
        case .conception: "pregnancy"
        case .delivery: "birth"
        case .death: "death"
        case .ageOut: "ageOut"
        case .enrolmentChange: "enrolOrDropOut"
        case .policyChange: "policyChange"
        }
    }
}

/// An event in a household's queue: what happens, and to which member (a slot of the household),
/// or for a policy change, which segment of the year begins.
public struct HouseholdEvent: Sendable, BitwiseCopyable {
    public var kind: HouseholdEventKind
    public var member: Int16
    public init(_ kind: HouseholdEventKind, member: Int16 = -1) {
        self.kind = kind
        self.member = member
    }
}
