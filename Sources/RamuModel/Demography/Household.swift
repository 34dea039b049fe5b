/// The three demographic groups of MODEL.md section 3 (pregnancy is a flag on women).
public enum MemberGroup: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case underFive, woman15to49, other
}

/// One entry per member group, by `MemberGroup.rawValue`.
public typealias ByGroup<Element: Sendable & Equatable> = Table<3, Element>

/// One person. `eventTime` is the one dated event a member carries from year to year:
/// a child's fifth birthday, or a pregnant woman's delivery date (`.infinity` otherwise).
public struct Member: Sendable, Equatable, BitwiseCopyable {
    public var group: MemberGroup
    public var pregnant: Bool
    public var alive: Bool
    /// A pregnancy's antenatal visits and duration (years), as planned when it began: its visits are
    /// spread over it by this plan even if the rules change before the delivery. (Stored in what would
    /// be padding: a member stays 16 bytes.)
    public var plannedVisits: UInt8
    public var plannedDuration: Float
    public var eventTime: Double

    /// A member; a pregnant one carries the plan of her antenatal visits (`visits` spread over `duration`).
    public init(group: MemberGroup, pregnant: Bool = false, eventTime: Double = .infinity,
                antenatal plan: (visits: Int, duration: Double) = (0, 0)) {
        self.group = group
        self.pregnant = pregnant
        self.alive = true
        plannedVisits = UInt8(clamping: plan.visits)
        plannedDuration = Float(plan.duration)
        self.eventTime = eventTime
    }

    /// Eligible for a gratuité (MODEL.md section 6): a child under five, or a pregnant or delivering woman.
    @inlinable public var gratuiteEligible: Bool { group == .underFive || pregnant }
}

/// A household: it stands for `weight` real households (section 2). Its members live in the block's
/// member arena, in `firstMember ..< firstMember + memberSlots` (at the start of a year, all living).
public struct Household: Sendable, Equatable, BitwiseCopyable {
    public var id: UInt64
    public var sector: Sector
    public var regime: Regime
    /// Annual consumption per person, FCFA, current year's prices.
    public var consumptionPerPerson: Double
    /// How many households have split off this one (names the next one deterministically).
    public var splits: UInt32 = 0
    public var firstMember: Int32 = 0
    public var memberSlots: Int16 = 0
    /// Alive members at the start of the current year: the people its person-weighted indicators count.
    public var sizeAtYearStart: Int16 = 0

    public init(id: UInt64, sector: Sector, regime: Regime, consumptionPerPerson: Double) {
        self.id = id
        self.sector = sector
        self.regime = regime
        self.consumptionPerPerson = consumptionPerPerson
    }

    /// Uninsured, in a sector RAMU subsidises (indigent or informal): a candidate for subsidised cover.
    var isSubsidisedCandidate: Bool { regime == .none && sector.subsidisedByRAMU }

    /// Identifier of the household that splits off this one next: a hash of the parent's id and its
    /// split count, so it never depends on which thread ran the split. Initial ids are below 2^62.
    public func nextSplitID() -> UInt64 {
        var z = id ^ (UInt64(splits + 1) &* 0xD6E8_FEB8_6659_FD93)
        z = (z ^ (z >> 32)) &* 0xD6E8_FEB8_6659_FD93
        z = (z ^ (z >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return (z ^ (z >> 32)) | (1 << 62)
    }
}

/// A fixed group of households and the arena of their members: the unit one worker processes.
public struct HouseholdBlock: Sendable {
    public var households: [Household] = []
    public var members: [Member] = []

    public init() {}

    /// Adds a household with its members, after the last one.
    public mutating func append<C: Collection>(_ household: Household, members newMembers: C) where C.Element == Member {
        var h = household
        h.firstMember = Int32(members.count)
        h.memberSlots = Int16(newMembers.count)
        h.sizeAtYearStart = Int16(newMembers.count)
        members.append(contentsOf: newMembers)
        households.append(h)
    }
}
