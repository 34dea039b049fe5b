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
