import EventEngine
import RandomStreams

/// One worker's scratch: its GSL generators, event queue and buffers, reused for every household it
/// simulates (nothing is allocated per event). A household's members are copied in, simulated through
/// the year with their events, and copied out into next year's arena (see `simulateBlockYear`). Care
/// needs, the most frequent events by far, never enter the queue: they are resolved in groups between
/// the events that change what a need meets (`resolveNeeds`). Every rule it applies is read from the
/// rule tables of the segment in force (`Rules`).
public struct HouseholdWorker: ~Copyable {
    let demography = GSLGenerator()
    let episodes = GSLGenerator()
    let enrolment = GSLGenerator()
    var queue = EventQueue<HouseholdEvent>()
    /// The household being simulated: its members (slot order) and every member event scheduled
    /// (a child's fifth birthday, a delivery: to cancel them when the member dies).
    var members = ScratchBuffer<Member>()
    var memberEvents = ScratchBuffer<MemberEvent>()
    /// Each member's care needs this year (`MemberNeeds`), by slot; the expected number of the
    /// household's members who needed care, and who forwent some for its cost, over the stretches counted
    /// for a group as a whole (a whole year's); and whether some member's own chances were kept instead.
    var needs = ScratchBuffer<MemberNeeds>()
    var peopleWithNeed = 0.0, peopleForgoingCareForCost = 0.0
    var needsByMember = false
    /// The household's seeking and levels under the segment in force (by its percentile of consumption).
    var care = HouseholdCare()
    /// Whether the household pays contributions in its regime (AMO's), for the claims ratio of contributors.
    var contributes = false
    /// Persons this worker's block may still enrol into subsidised RAMU cover this year (`constrained`).
    var subsidisedQuota = Double.infinity
    /// Consumption quintile (1–5) and percentile (1–100) of the household being simulated, and its
    /// needs, episodes and pool claims this year, added to their accounts once the year is done.
    var quintile = 1
    var percentile = 1
    var household = QuintileAccount()
    /// Next year's households and member arena of the block being simulated (see `simulateBlockYear`).
    var nextHouseholds = ScratchBuffer<Household>()
    var nextMembers = ScratchBuffer<Member>()
    /// Women 15–49 alive and not pregnant at the end of the household's year just simulated (for the census).
    var womenAtRiskAtYearEnd = 0

    public init() {}
}

/// Where a member's care needs stand in the year being simulated.
struct MemberNeeds: BitwiseCopyable {
    /// Since when its needs are still to be resolved (see `resolveNeeds`).
    var from: Double
    /// Its chance of having had no need so far this year, and no need forgone for its cost (a need
    /// sought without a cost barrier, as by the covered, but not with it). A group's needs are counted
    /// together, not given to members (`resolveAllNeeds`): its members' chances are the model's,
    /// e^−rate × time (and e^−rate × time × barrier); a member resolved alone has its own count (0 or 1
    /// then), and a dated episode (a delivery, an antenatal visit) is a need for certain.
    var noNeed = 1.0
    var noCostForgone = 1.0
}

/// An event scheduled for one member, and its handle (to cancel it).
struct MemberEvent: BitwiseCopyable {
    var member: Int16
    var handle: EventHandle
}

/// The state of the household being simulated, beside its members.
struct HouseholdYearState {
    var segment = 0
    /// Start of the exposure not yet accrued (premiums, contributions, member-years).
    var accruedTo: Double
    var alive: Int
    var hasEligible: Bool
    var enrolmentHandle: EventHandle?
    var enrolmentHazard = 0.0
    /// The household's next death (of one of its living members, drawn when it happens).
    var deathHandle: EventHandle?
    /// Women 15–49 alive and not pregnant, and the household's next conception (one of them, drawn
    /// when it happens).
    var womenAtRisk = 0
    var conceptionHandle: EventHandle?
    var oop = 0.0
}

extension HouseholdWorker {
    /// The year of one household whose members are in `members` (MODEL.md sections 3 to 8): at the end
    /// `members` holds its living members, newborns included. Returns its out-of-pocket payments (FCFA).
    mutating func simulateYear(_ h: inout Household, _ c: YearContext, _ segments: UnsafeBufferPointer<PolicySegment>,
                               _ a: inout YearAccounts) -> Double {
        let streams = StreamFamily(c.streams, entity: h.id, period: c.year)
        demography.reseed(streams.seedForGSL(purpose: StreamPurpose.demography.rawValue))
        episodes.reseed(streams.seedForGSL(purpose: StreamPurpose.episodes.rawValue))
        enrolment.reseed(streams.seedForGSL(purpose: StreamPurpose.enrolment.rawValue))
        queue.reset()
        memberEvents.removeAll()
        let t0 = c.t0, t1 = c.t1
        // Policy changes come first in the queue, so at a tie they act before any household event.
        for k in 1..<segments.count {
            queue.schedule(at: segments[k].start, HouseholdEvent(.policyChange, member: Int16(k)))
        }
        let s0 = segments.baseAddress!
        h.regime = s0.rules.pointee.regime(of: h.regime)
        noteRegime(h, s0)
        care = s0.pointee.care(percentile: percentile)

        var state = HouseholdYearState(accruedTo: t0, alive: members.count, hasEligible: false)
        needs.fill(count: members.count, with: MemberNeeds(from: t0))
        (peopleWithNeed, peopleForgoingCareForCost, needsByMember) = (0, 0, false)
        // Counted, not branched on (a member's group looks random); only a dated event this year, a
        // child's fifth birthday or a delivery, is rare enough to branch on.
        var eligible = 0
        for m in 0..<members.count {
            let member = members[m]
            eligible += member.gratuiteEligible ? 1 : 0
            state.womenAtRisk += (member.group == .woman15to49 ? 1 : 0) &* (member.pregnant ? 0 : 1)
            if member.eventTime < t1 {
                scheduleMemberEvent(member.group == .underFive ? .ageOut : .delivery, m, at: max(member.eventTime, t0))
            }
        }
        state.hasEligible = eligible > 0
        scheduleEnrolmentChange(h, &state, from: t0, s0, c)
        scheduleDeath(&state, from: t0, s0, c)
        scheduleConception(&state, from: t0, s0, c)

        while let (t, event) = queue.popNext(before: t1) {
            a.events[event.kind] += 1
            let m = Int(event.member)
            let s = segments.baseAddress! + state.segment
            switch event.kind {
            case .careNeed, .antenatalVisit:
                break  // never queued: needs and visits are resolved in groups
            case .delivery: delivery(of: m, at: t, h, &state, s, c, &a)
            case .conception: conception(at: t, h, &state, s, c, &a)
            case .ageOut: ageOut(of: m, at: t, h, &state, s, c, &a)
            case .death: death(at: t, h, &state, s, c, &a)
            case .enrolmentChange: enrolmentChange(at: t, &h, &state, s, c, &a)
            case .policyChange:
                accrue(to: t, h, &state, s, &a)
                state.segment = m
                applyPolicyChange(&h, &state, at: t, from: s, to: segments.baseAddress! + m, c, &a)
            }
        }
        state.oop += resolveAllNeeds(to: t1, h, segments.baseAddress! + state.segment, &a)
        accrue(to: t1, h, &state, segments.baseAddress! + state.segment, &a)
        // Everyone who lived in the household this year, those who died and the newborn included.
        var withNeed = peopleWithNeed, forgoingForCost = peopleForgoingCareForCost
        if needsByMember {
            for m in 0..<members.count {
                withNeed += 1 - needs[m].noNeed
                forgoingForCost += 1 - needs[m].noCostForgone
            }
        }
        a.peopleWithNeed += withNeed
        a.peopleForgoingCareForCost += forgoingForCost
        household.peopleWithNeed = withNeed
        household.peopleForgoingCareForCost = forgoingForCost
        if state.alive != members.count { members.removeAll { !$0.alive } }
        assert(state.womenAtRisk == members.elements.count { $0.group == .woman15to49 && !$0.pregnant },
               "women at risk of conception miscounted")
        womenAtRiskAtYearEnd = state.womenAtRisk
        a.outOfPocket += state.oop
        return state.oop
    }

    /// A policy change reached this household at `t`: RAMU may absorb its regime, and whatever rate
    /// changed is drawn again from `t` (processes are memoryless). What did not change keeps its
    /// draws, so a change that changes nothing leaves the run exactly as it was.
    mutating func applyPolicyChange(_ h: inout Household, _ state: inout HouseholdYearState, at t: Double,
                                    from old: Segment, to new: Segment, _ c: YearContext, _ a: inout YearAccounts) {
        let regimeBefore = h.regime
        let regimeAfter = new.rules.pointee.regime(of: h.regime)
        // Needs met so far meet the old rules, if what a need meets changed (its care, or who pays it).
        if regimeAfter != regimeBefore || !new.rules.pointee.treatCareAlike(old.rules.pointee) {
            state.oop += resolveAllNeeds(to: t, h, old, &a)
        }
        care = new.pointee.care(percentile: percentile)
        h.regime = regimeAfter
        noteRegime(h, new)
        let demographyNow = new.rules.pointee.demography, demographyBefore = old.rules.pointee.demography
        if demographyNow.deathHazard != demographyBefore.deathHazard { scheduleDeath(&state, from: t, new, c) }
        if demographyNow.conceptionHazard != demographyBefore.conceptionHazard { scheduleConception(&state, from: t, new, c) }
        let hazard = enrolmentRule(h, hasEligible: state.hasEligible, new).hazard
        if hazard != state.enrolmentHazard || h.regime != regimeBefore {
            if let pending = state.enrolmentHandle { queue.cancel(pending) }
            scheduleEnrolmentChange(h, &state, from: t, new, c)
        }
    }

    /// What the hot path reads of the household's regime, once per change of it.
    mutating func noteRegime(_ h: Household, _ s: Segment) {
        let rule = s.rules.pointer(to: \.regimes)!.entry(Int(h.regime.rawValue))
        contributes = rule.pointee.financing.contributionPerHousehold[Int(h.sector.rawValue)] > 0
    }

    // MARK: Money accrued over time

    /// Accrues the household's exposure since the last accrual: member-years, premiums (household and
    /// state shares) and contributions, at the rates of its regime in the segment in force (MODEL.md
    /// section 7).
    func accrue(to t: Double, _ h: Household, _ state: inout HouseholdYearState, _ s: Segment,
                _ a: inout YearAccounts) {
        let dt = t - state.accruedTo
        state.accruedTo = t
        guard dt > 0, state.alive > 0 else { return }
        let personYears = Double(state.alive) * dt
        a.memberYears[h.regime] += personYears
        if h.regime != .none { a.insuredMemberYears += personYears }
        // (A regime without contributions or premiums adds zeros: the tables say who pays what.)
        let rule = s.rules.pointer(to: \.regimes)!.entry(Int(h.regime.rawValue))
        let due = rule.pointee.financing.due(sector: h.sector, persons: state.alive, years: dt)
        a.contributions[h.regime] += due.contributions
        a.premiumsState[h.regime] += due.state
        a.premiumsHousehold[h.regime] += due.household
    }
}

/// The policy segment in force, read in place: copying it per event would retain and release the
/// arrays inside its parameters from every thread at once.
typealias Segment = UnsafePointer<PolicySegment>

extension UnsafePointer<PolicySegment> {
    /// The segment's rules, in place.
    var rules: UnsafePointer<Rules> { pointer(to: \.rules)! }
}
