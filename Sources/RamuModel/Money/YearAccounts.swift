/// What a block of households did in one year, unweighted: counts; money in FCFA, accrued when it
/// happened with the rates then in force (so a policy change mid-year is exact); exposure; and the
/// people in households facing each kind of financial hardship. Blocks' accounts are added in block
/// order, so totals never depend on threads.
public struct YearAccounts: Sendable, Equatable {
    public var needs = 0.0
    public var episodes = 0.0
    /// People who had a need this year, and who forwent care at least once for its cost (expected
    /// values: see `MemberNeeds`).
    public var peopleWithNeed = 0.0
    public var peopleForgoingCareForCost = 0.0
    /// All gratuité spending, whoever pays it; the part the RAMU pool paid (integrated arrangement).
    public var gratuiteCost = 0.0
    public var gratuitePaidByPool = 0.0
    /// Claims each regime paid, and the administration they cost.
    public var claims = PerRegime()
    public var admin = PerRegime()
    public var outOfPocket = 0.0
    /// Claims paid for members of households that pay contributions (AMO's, or formal members' in RAMU).
    public var contributorClaims = 0.0
    /// Premiums paid by households and by the state (subsidies), AMO contributions, by regime.
    public var premiumsHousehold = PerRegime()
    public var premiumsState = PerRegime()
    public var contributions = PerRegime()
    /// The part of each regime's spending (claims and administration) the state budget and the
    /// collectivités pay (RAMED's; nothing elsewhere), what the collectivités pay being what they actually paid.
    public var spendingPaidByState = PerRegime()
    public var spendingPaidByCollectivites = PerRegime()
    /// Member-years enrolled by regime.
    public var memberYears = PerRegime()
    /// What RAMU's basic package would have paid (claims + admin) for the care of insured members,
    /// and their member-years: the expected cost of a member, for the `constrained` rule.
    public var packageEquivalentCost = 0.0
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
    /// People (at the start of the year) below the poverty line, before and after their household's
    /// out-of-pocket payments.
    public var poorBeforeOOP = 0.0
    public var poorAfterOOP = 0.0
    public var births = 0.0
    public var deaths = 0.0
    /// Events processed, by kind.
    public var events = EventTally()
    /// The same by consumption quintile (equity), and by percentile (concentration indices).
    public var quintiles = QuintileAccounts()
    public var concentration = ConcentrationAccounts()

    public init() {}

    public mutating func add(_ o: YearAccounts) {
        needs += o.needs
        episodes += o.episodes
        peopleWithNeed += o.peopleWithNeed
        peopleForgoingCareForCost += o.peopleForgoingCareForCost
        contributorClaims += o.contributorClaims
        gratuiteCost += o.gratuiteCost
        gratuitePaidByPool += o.gratuitePaidByPool
        claims.add(o.claims)
        admin.add(o.admin)
        outOfPocket += o.outOfPocket
        premiumsHousehold.add(o.premiumsHousehold)
        premiumsState.add(o.premiumsState)
        contributions.add(o.contributions)
        spendingPaidByState.add(o.spendingPaidByState)
        spendingPaidByCollectivites.add(o.spendingPaidByCollectivites)
        memberYears.add(o.memberYears)
        packageEquivalentCost += o.packageEquivalentCost
        insuredMemberYears += o.insuredMemberYears
        subsidisedEnrolments += o.subsidisedEnrolments
        catastrophic10 += o.catastrophic10
        catastrophic25 += o.catastrophic25
        hardshipImpoverishing += o.hardshipImpoverishing
        hardshipLarge += o.hardshipLarge
        impoverished += o.impoverished
        furtherImpoverished += o.furtherImpoverished
        poorBeforeOOP += o.poorBeforeOOP
        poorAfterOOP += o.poorAfterOOP
        births += o.births
        deaths += o.deaths
        events.add(o.events)
        quintiles.add(o.quintiles)
        concentration.add(o.concentration)
    }
}
