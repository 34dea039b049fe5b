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
    @inline(__always)
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
