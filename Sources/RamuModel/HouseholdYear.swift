import EventEngine
import RandomStreams
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// One worker's scratch: its GSL generators, event queue and buffers, reused for every household it
/// simulates (nothing is allocated per event). A household's members are copied in, simulated through
/// the year with their events, and copied out into next year's arena (see `simulateBlockYear`). Care
/// needs, the most frequent events by far, never enter the queue: they are resolved in groups between
/// the events that change what a need meets (`resolveNeeds`).
public struct HouseholdWorker: ~Copyable {
    let demography = GSLGenerator()
    let episodes = GSLGenerator()
    let enrolment = GSLGenerator()
    var queue = EventQueue<HouseholdEvent>()
    /// The household being simulated: its members (slot order) and every member event scheduled
    /// (a child's fifth birthday, a delivery: to cancel them when the member dies).
    var members = ScratchBuffer<Member>()
    var memberEvents = ScratchBuffer<MemberEvent>()
    /// needsFrom[m]: since when member m's care needs are still to be resolved (see `resolveNeeds`).
    var needsFrom = ScratchBuffer<Double>()
    /// Persons this worker's block may still enrol into subsidised RAMU cover this year (`constrained`).
    var subsidisedQuota = Double.infinity
    /// Consumption quintile (1–5) of the household being simulated, and its needs, episodes and pool
    /// claims this year, added to that quintile's account once the year is done.
    var quintile = 1
    var household = QuintileAccount()
    /// Next year's households and member arena of the block being simulated (see `simulateBlockYear`).
    var nextHouseholds = ScratchBuffer<Household>()
    var nextMembers = ScratchBuffer<Member>()
    /// Women 15–49 alive and not pregnant at the end of the household's year just simulated (for the census).
    var womenAtRiskAtYearEnd = 0

    public init() {}
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
        if s0.pointee.parameters.ramu.active { h.regime = h.regime.mergedIntoRAMU }

        var state = HouseholdYearState(accruedTo: t0, alive: members.count, hasEligible: false)
        needsFrom.fill(count: members.count, with: t0)
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
        if state.alive != members.count { members.removeAll { !$0.alive } }
        assert(state.womenAtRisk == members.elements.count { $0.group == .woman15to49 && !$0.pregnant },
               "women at risk of conception miscounted")
        womenAtRiskAtYearEnd = state.womenAtRisk
        a.outOfPocket += state.oop
        return state.oop
    }

    // MARK: The household's events (each out of line: rare beside the year's fixed work, which they
    // would otherwise crowd)

    /// A delivery: the mother's needs while pregnant, the delivery itself, and a child who joins the
    /// mother's household and so its regime (section 3).
    @inline(never)
    mutating func delivery(of m: Int, at t: Double, _ h: Household, _ state: inout HouseholdYearState,
                           _ s: Segment, _ c: YearContext, _ a: inout YearAccounts) {
        state.oop += resolveNeeds(of: m, to: t, h, s, &a)  // met while still pregnant
        state.oop += careEpisode(member: m, kind: .delivery, h, s, &a)
        accrue(to: t, h, &state, s, &a)
        state.alive += 1
        a.births += 1
        members[m].pregnant = false
        members[m].eventTime = .infinity
        state.womenAtRisk += 1
        scheduleConception(&state, from: t, s, c)
        members.append(Member(group: .underFive, eventTime: t + 5))
        needsFrom.append(t)
        scheduleDeath(&state, from: t, s, c)  // one more person who may die
    }

    /// A conception, of one of the women not pregnant, each equally likely; the delivery is dated.
    @inline(never)
    mutating func conception(at t: Double, _ h: Household, _ state: inout HouseholdYearState,
                             _ s: Segment, _ c: YearContext, _ a: inout YearAccounts) {
        let m = nthMember(demography.uniform(), of: state.womenAtRisk) { $0.alive && $0.group == .woman15to49 && !$0.pregnant }
        state.oop += resolveNeeds(of: m, to: t, h, s, &a)
        let d = s.parameters.pointee.demography
        members[m].pregnant = true
        members[m].eventTime = t + d.pregnancyDuration
        members[m].plannedVisits = UInt8(clamping: d.antenatalVisits)
        members[m].plannedDuration = Float(d.pregnancyDuration)
        if members[m].eventTime < c.t1 { scheduleMemberEvent(.delivery, m, at: members[m].eventTime) }
        state.womenAtRisk -= 1
        scheduleConception(&state, from: t, s, c)
    }

    /// Five years old: the child leaves the under-five group and its need rate changes.
    @inline(never)
    mutating func ageOut(of m: Int, at t: Double, _ h: Household, _ state: inout HouseholdYearState,
                         _ s: Segment, _ c: YearContext, _ a: inout YearAccounts) {
        state.oop += resolveNeeds(of: m, to: t, h, s, &a)
        let becomesWoman = demography.uniform() < s.pointee.parameters.demography.ageOutToWomenShare
        members[m].group = becomesWoman ? .woman15to49 : .other
        members[m].eventTime = .infinity
        if becomesWoman {
            state.womenAtRisk += 1
            scheduleConception(&state, from: t, s, c)
        }
    }

    /// A death, of one of the living members, each equally likely.
    @inline(never)
    mutating func death(at t: Double, _ h: Household, _ state: inout HouseholdYearState,
                        _ s: Segment, _ c: YearContext, _ a: inout YearAccounts) {
        let m = nthMember(demography.uniform(), of: state.alive) { $0.alive }
        state.oop += resolveNeeds(of: m, to: t, h, s, &a)
        accrue(to: t, h, &state, s, &a)
        state.alive -= 1
        a.deaths += 1
        members[m].alive = false
        cancelMemberEvents(of: m)
        if state.alive == 0, let pending = state.enrolmentHandle { queue.cancel(pending) }
        scheduleDeath(&state, from: t, s, c)
        if members[m].group == .woman15to49 && !members[m].pregnant {
            state.womenAtRisk -= 1
            scheduleConception(&state, from: t, s, c)
        }
    }

    /// The household joins a regime or leaves one (sections 4 and 8).
    @inline(never)
    mutating func enrolmentChange(at t: Double, _ h: inout Household, _ state: inout HouseholdYearState,
                                  _ s: Segment, _ c: YearContext, _ a: inout YearAccounts) {
        accrue(to: t, h, &state, s, &a)
        let (_, target) = enrolmentTransition(h, hasEligible: state.hasEligible, s)
        var joins = true
        if target.isSubsidisedRAMU(h.sector) && h.regime == .none && c.subsidisedQuotaShare != nil {
            // `constrained`: the enrolment waits unless the pool can pay for these members this year.
            joins = subsidisedQuota >= Double(state.alive)
            if joins { subsidisedQuota -= Double(state.alive) }
        }
        if joins && target != h.regime {
            if target.isSubsidisedRAMU(h.sector) && h.regime == .none {
                a.subsidisedEnrolments += Double(state.alive)
            }
            state.oop += resolveAllNeeds(to: t, h, s, &a)  // met under the old regime
            h.regime = target
        }
        scheduleEnrolmentChange(h, &state, from: t, s, c)
    }

    /// A policy change reached this household at `t`: RAMU may absorb its regime, and whatever rate
    /// changed is drawn again from `t` (processes are memoryless). What did not change keeps its
    /// draws, so a change that changes nothing leaves the run exactly as it was.
    mutating func applyPolicyChange(_ h: inout Household, _ state: inout HouseholdYearState, at t: Double,
                                    from old: Segment, to new: Segment, _ c: YearContext, _ a: inout YearAccounts) {
        let regimeBefore = h.regime
        let regimeAfter = new.pointee.parameters.ramu.active ? h.regime.mergedIntoRAMU : h.regime
        if regimeAfter != regimeBefore || !new.pointee.treatsCareAsIn(old.pointee) {
            state.oop += resolveAllNeeds(to: t, h, old, &a)  // met under the old rules
        }
        h.regime = regimeAfter
        if new.pointee.deathHazard != old.pointee.deathHazard { scheduleDeath(&state, from: t, new, c) }
        if new.pointee.conceptionHazard != old.pointee.conceptionHazard { scheduleConception(&state, from: t, new, c) }
        let (hazard, _) = enrolmentTransition(h, hasEligible: state.hasEligible, new)
        if hazard != state.enrolmentHazard || h.regime != regimeBefore {
            if let pending = state.enrolmentHandle { queue.cancel(pending) }
            scheduleEnrolmentChange(h, &state, from: t, new, c)
        }
    }

    // MARK: Money accrued over time

    /// Accrues the household's exposure since the last accrual: member-years, premiums (household and
    /// state shares) and AMO contributions, at the rates of the segment in force (MODEL.md section 7).
    func accrue(to t: Double, _ h: Household, _ state: inout HouseholdYearState, _ s: Segment,
                _ a: inout YearAccounts) {
        let dt = t - state.accruedTo
        state.accruedTo = t
        guard dt > 0, state.alive > 0 else { return }
        let personYears = Double(state.alive) * dt
        a.memberYears[h.regime] += personYears
        if h.regime != .none { a.insuredMemberYears += personYears }
        let p = s.parameters
        switch (h.regime, h.sector) {
        case (.amo, _), (.ramu, .formal):
            // One covered wage per enrolled formal household; contributions keep flowing into RAMU.
            a.contributions[h.regime] += dt * s.pointee.contributionPerHousehold
        case (.mutuelle, _):
            let gross = personYears * p.pointee.mutuelle.premium
            a.premiumsState.mutuelle += p.pointee.mutuelle.stateSubsidyShare * gross
            a.premiumsHousehold.mutuelle += (1 - p.pointee.mutuelle.stateSubsidyShare) * gross
        case (.ramu, _):
            let gross = personYears * p.pointee.ramu.premium
            let subsidy = h.sector == .indigent ? p.pointee.ramu.indigentSubsidy : p.pointee.ramu.informalSubsidy
            a.premiumsState.ramu += subsidy * gross
            a.premiumsHousehold.ramu += (1 - subsidy) * gross
        case (.ramed, _), (.none, _):
            break
        }
    }

    // MARK: Scheduling

    mutating func scheduleMemberEvent(_ kind: HouseholdEventKind, _ m: Int, at t: Double) {
        let handle = queue.schedule(at: t, HouseholdEvent(kind, member: Int16(m)))
        memberEvents.append(MemberEvent(member: Int16(m), handle: handle))
    }

    /// Cancels the pending events of member `m`.
    mutating func cancelMemberEvents(of m: Int) {
        for e in memberEvents.indices where memberEvents[e].member == Int16(m) { queue.cancel(memberEvents[e].handle) }
    }

    /// (Re)draws the household's next death from `t`: each living member dies at the death hazard, so
    /// the first death among n comes at n times that hazard, and who dies is drawn when it comes
    /// (`nthMember`). One uniform per household-year (and per redraw), not one per member; redrawn
    /// whenever n or the hazard changes (the process is memoryless, so that leaves its law as it is).
    mutating func scheduleDeath(_ state: inout HouseholdYearState, from t: Double, _ s: Segment, _ c: YearContext) {
        scheduleFirst(.death, of: state.alive, at: s.pointee.deathHazard, from: t, c, &state.deathHandle)
    }

    /// (Re)draws the household's next conception from `t`, as `scheduleDeath` does, among its women
    /// 15–49 who are not pregnant.
    mutating func scheduleConception(_ state: inout HouseholdYearState, from t: Double, _ s: Segment, _ c: YearContext) {
        scheduleFirst(.conception, of: state.womenAtRisk, at: s.pointee.conceptionHazard, from: t, c,
                      &state.conceptionHandle)
    }

    /// Cancels `handle`'s event and schedules, if it falls within the year, the first of `n` independent
    /// events at `hazard` each from `t`: one unit exponential scaled by n · hazard.
    mutating func scheduleFirst(_ kind: HouseholdEventKind, of n: Int, at hazard: Double, from t: Double,
                                _ c: YearContext, _ handle: inout EventHandle?) {
        if let pending = handle { queue.cancel(pending) }
        handle = nil
        let rate = Double(n) * hazard
        guard rate > 0, let unit = demography.unitExponential(ifBelow: rate * (c.t1 - t)) else { return }
        let when = t + unit / rate
        guard when < c.t1 else { return }
        handle = queue.schedule(at: when, HouseholdEvent(kind))
    }

    /// The member an event of the household falls on, each of the `n` members that `qualifies` equally
    /// likely: the k-th of them in slot order, k = ⌊u · n⌋ for the uniform `u`.
    func nthMember(_ u: Double, of n: Int, _ qualifies: (Member) -> Bool) -> Int {
        var k = min(Int(u * Double(n)), n - 1)
        for m in members.indices where qualifies(members[m]) {
            if k == 0 { return m }
            k -= 1
        }
        preconditionFailure("an event for a member of a household with none to take it")
    }

    // MARK: Care needs, resolved in groups

    /// The care needs member `m` had since they were last resolved, up to `t`: how many (a Poisson count
    /// at its group's rate), then each one met or forgone (section 5). Called just before something a
    /// need depends on changes (the member's group, pregnancy or life, the household's regime, the rules
    /// in force) and at year end. In between every need meets the same state, so this has the law of
    /// dating each need and taking them in time order, without a time draw or a queue entry per need.
    /// A pregnant member's antenatal visits in the stretch are resolved with them (`antenatalVisits`).
    /// Returns what the household paid out of pocket. (Inlined where it is called: the call cost more
    /// than the usual case, a whole year's count with no need in it.)
    @inline(__always)
    mutating func resolveNeeds(of m: Int, to t: Double, _ h: Household, _ s: Segment,
                               _ a: inout YearAccounts) -> Double {
        let from = needsFrom[m]
        needsFrom[m] = t
        let member = members[m]
        var oop = member.pregnant ? antenatalVisits(of: m, from: from, to: t, h, s, &a) : 0
        let rate = s.needRate(member.group)
        guard rate > 0, t > from else { return oop }
        let count = t - from == 1 ? episodes.poisson(s.needsInYear(member.group, members: 1))
                                  : episodes.poisson(inverting: rate * (t - from))
        if count > 0 { oop += meetNeeds(count, eligible: member.gratuiteEligible, h, s, &a) }
        return oop
    }

    /// `count` needs of one stretch, of a member or of members counted together, all meeting the same
    /// eligibility, regime and rules: each met or forgone, with one chance of seeking care. One uniform
    /// per need settles both whether care is sought and at which level: u < seek, then u / seek (uniform
    /// again) against the levels' cumulative shares. Returns what the household paid out of pocket.
    @inline(never)
    mutating func meetNeeds(_ count: UInt32, eligible: Bool, _ h: Household, _ s: Segment,
                            _ a: inout YearAccounts) -> Double {
        a.events[.careNeed] += Int(count)
        a.needs += Double(count)
        household.needs += Double(count)
        let seek = s.seekProbability(h.regime, eligible: eligible)
        let toCSCom = seek * s.pointee.levelCSCom, toCSRef = seek * s.pointee.levelCSRef
        var oop = 0.0
        var left = Int(count)
        // The needs' decisions first, then the episodes sought: whether a need is met is a coin toss,
        // which a branch per need would mispredict one time in two; counted without branching, it is not.
        var sought = InlineArray<16, CareKind>(repeating: .csCom)
        while left > 0 {
            let batch = min(left, 16)
            left -= batch
            var n = 0
            for _ in 0..<batch {
                let u = episodes.uniform()
                sought[n] = u < toCSCom ? .csCom : (u < toCSRef ? .csRef : .hospital)
                n += u < seek ? 1 : 0  // a forgone need is overwritten by the next one
            }
            // Their costs next, then what each one's payers do: the draws of one episode's cost do not
            // wait for the last one's accounts, so the processor works on several at once.
            var costs = InlineArray<16, Double>(repeating: 0)
            for i in 0..<n { costs[i] = cost(of: sought[i], s) }
            for i in 0..<n { oop += soughtEpisode(eligible: eligible, kind: sought[i], cost: costs[i], h, s, &a) }
        }
        return oop
    }

    /// `resolveNeeds` for every living member. Members of one group who are not pregnant and whose
    /// stretches started together (most often all of them: at the start of the year, or at the household's
    /// last change) have their needs counted together: the sum of their Poisson counts is one Poisson
    /// count at the group's rate times their number, and their needs meet the same state, so one draw
    /// serves them all. The others are resolved one by one, in member order, before the groups.
    mutating func resolveAllNeeds(to t: Double, _ h: Household, _ s: Segment, _ a: inout YearAccounts) -> Double {
        var oop = 0.0
        var together = InlineArray<3, Int>(repeating: 0)  // members by group, indexed (groups look random)
        // When their stretches started: the first living member's start.
        guard let first = members.indices.first(where: { members[$0].alive }) else { return 0 }
        let from = needsFrom[first]
        for m in members.indices where members[m].alive {
            let member = members[m]
            if !member.pregnant && needsFrom[m] == from {
                needsFrom[m] = t
                together[Int(member.group.rawValue)] += 1
            } else {
                oop += resolveNeeds(of: m, to: t, h, s, &a)
            }
        }
        guard t > from else { return oop }
        if together[0] > 0 { oop += resolveNeeds(of: .underFive, members: together[0], span: t - from, h, s, &a) }
        // Women and other persons not pregnant meet the same rules (no gratuité): one count for them all.
        if together[1] == 0 {
            if together[2] > 0 { oop += resolveNeeds(of: .other, members: together[2], span: t - from, h, s, &a) }
        } else if together[2] == 0 {
            oop += resolveNeeds(of: .woman15to49, members: together[1], span: t - from, h, s, &a)
        } else {
            let (w, o) = (together[1], together[2])
            let count: UInt32
            if t - from == 1 && w <= 4 && o <= 16 {
                count = episodes.poisson(s.needsInYearOfAdults(women: w, others: o))
            } else {
                let mean = (s.needRate(.woman15to49) * Double(w) + s.needRate(.other) * Double(o)) * (t - from)
                count = mean > 0 ? episodes.poisson(inverting: mean) : 0
            }
            if count > 0 { oop += meetNeeds(count, eligible: false, h, s, &a) }
        }
        return oop
    }

    /// The needs of `n` members of `group`, none pregnant, over the same stretch (see `resolveAllNeeds`):
    /// a whole year's from the segment's tables, a part's by inversion.
    mutating func resolveNeeds(of group: MemberGroup, members n: Int, span: Double, _ h: Household, _ s: Segment,
                               _ a: inout YearAccounts) -> Double {
        var count: UInt32 = 0
        if span == 1 {
            var left = n
            while left > 0 {  // tables go up to `NeedTables.groupedMembers` members at once
                let k = min(left, NeedTables.groupedMembers)
                count += episodes.poisson(s.needsInYear(group, members: k))
                left -= k
            }
        } else {
            let mean = s.needRate(group) * Double(n) * span
            guard mean > 0 else { return 0 }
            count = episodes.poisson(inverting: mean)
        }
        return count > 0 ? meetNeeds(count, eligible: group == .underFive, h, s, &a) : 0
    }

    /// The antenatal visits of pregnant member `m` dated in [from, t), in date order: the pregnancy's
    /// visits are evenly spread over it, so their dates are known from the delivery date and need no
    /// event of their own. Their number and the pregnancy's duration are those planned when it began
    /// (`Member.plannedVisits`), whatever changed since. Like a need, each is resolved in the state the
    /// stretch is in.
    @inline(never)
    mutating func antenatalVisits(of m: Int, from: Double, to t: Double, _ h: Household, _ s: Segment,
                                  _ a: inout YearAccounts) -> Double {
        let visits = Int(members[m].plannedVisits)
        guard visits > 0, t > from else { return 0 }
        let duration = Double(members[m].plannedDuration)
        let conception = members[m].eventTime - duration
        var oop = 0.0
        for k in 1...visits {
            let when = conception + duration * Double(k) / Double(visits + 1)
            guard when < t else { break }
            if when >= from {
                a.events[.antenatalVisit] += 1
                oop += careEpisode(member: m, kind: .antenatal, h, s, &a)
            }
        }
        return oop
    }

    /// The hazard of the household's next change of regime and the regime it leads to (sections 4 and 8).
    func enrolmentTransition(_ h: Household, hasEligible: Bool, _ s: Segment) -> (Double, Regime) {
        let p = s.parameters
        // While gratuités are separate, households they already serve join less (DNPSES warning).
        let disincentive = (hasEligible && !s.pointee.gratuitesIntegrated) ? 1 - p.pointee.gratuites.enrolmentDisincentive : 1
        if p.pointee.ramu.active {
            switch (h.sector, h.regime) {
            case (.formal, .none): return (p.pointee.amo.enrolmentRate * disincentive, .ramu)
            case (.indigent, .none): return (p.pointee.ramed.identificationRate, .ramu)
            case (.indigent, .ramu): return (p.pointee.ramed.exitRate, .none)
            case (.informal, .none): return (p.pointee.ramu.enrolmentRate * s.pointee.ramuJoinMultiplier * disincentive, .ramu)
            case (.informal, .ramu): return (p.pointee.ramu.dropoutRate, .none)
            default: return (0, h.regime)  // formal members stay, as in AMO
            }
        }
        switch (h.sector, h.regime) {
        case (.formal, .none): return (p.pointee.amo.enrolmentRate * disincentive, .amo)
        case (.indigent, .none): return (p.pointee.ramed.identificationRate, .ramed)
        case (.indigent, .ramed): return (p.pointee.ramed.exitRate, .none)
        case (.informal, .none): return (p.pointee.mutuelle.joinRate * s.pointee.mutuelleJoinMultiplier * disincentive, .mutuelle)
        case (.informal, .mutuelle): return (p.pointee.mutuelle.dropoutRate, .none)
        default: return (0, h.regime)  // AMO has no dropout
        }
    }

    /// Draws the time of the household's next enrolment or dropout. One unit exponential scaled by the
    /// hazard, so scenarios that change a rate keep the same draw (common random numbers).
    mutating func scheduleEnrolmentChange(_ h: Household, _ state: inout HouseholdYearState, from t: Double,
                                          _ s: Segment, _ c: YearContext) {
        let (hazard, _) = enrolmentTransition(h, hasEligible: state.hasEligible, s)
        let unit = enrolment.unitExponential(ifBelow: hazard * (c.t1 - t))
        state.enrolmentHazard = hazard
        state.enrolmentHandle = nil
        guard let unit, hazard > 0, state.alive > 0 else { return }
        let when = t + unit / hazard
        guard when < c.t1 else { return }
        state.enrolmentHandle = queue.schedule(at: when, HouseholdEvent(.enrolmentChange))
    }

    // MARK: Care

    /// One need of member `m` for a delivery or an antenatal visit: seek care or forgo it, then as
    /// `soughtEpisode`. Returns what the household pays out of pocket.
    mutating func careEpisode(member m: Int, kind: CareKind, _ h: Household, _ s: Segment,
                              _ a: inout YearAccounts) -> Double {
        a.needs += 1
        household.needs += 1
        let eligible = members[m].gratuiteEligible
        // An unmet need draws nothing more: forgone care costs nothing and needs no cost draw.
        guard episodes.uniform() < s.seekProbability(h.regime, eligible: eligible) else { return 0 }
        var kind = kind
        if kind == .delivery && episodes.uniform() < s.parameters.pointee.demography.caesareanProbability {
            kind = .caesarean
        }
        return soughtEpisode(eligible: eligible, kind: kind, cost: cost(of: kind, s), h, s, &a)
    }

    /// The cost of an episode of care of `kind`, lognormal (section 5).
    @inline(__always) func cost(of kind: CareKind, _ s: Segment) -> Double {
        let shape = s.pointee.costShapes[kind]
        return episodes.lognormal(zeta: shape.zeta, sigma: shape.sigma)
    }

    /// A need for which care was sought, of `kind` (a level, an antenatal visit, a delivery or a
    /// caesarean) and cost `cost`: the payer cascade (section 5). `eligible`, whether the member is
    /// eligible for a gratuité. Returns what the household pays out of pocket.
    mutating func soughtEpisode(eligible: Bool, kind: CareKind, cost: Double, _ h: Household, _ s: Segment,
                                _ a: inout YearAccounts) -> Double {
        let p = s.parameters
        let regime = h.regime
        a.episodes += 1
        household.episodes += 1
        let gratuiteWorks = eligible && episodes.uniform() < s.pointee.gratuiteEffectiveness
        let split = CostSplit.split(cost: cost, gratuiteWorks: gratuiteWorks, coverageRate: s.coverageRate(regime, kind))
        // What the gratuité paid (0 if it did not work: added all the same, as a branch on it mispredicts).
        a.gratuiteCost += split.gratuite
        if s.pointee.gratuitesIntegrated {
            // One purchaser: the RAMU pool pays the act and administers it.
            a.gratuitePaidByPool += split.gratuite
            household.poolClaims += split.gratuite
            a.admin.ramu += p.pointee.ramu.adminRate * split.gratuite
            if regime != .none { a.ramuEquivalentCost += (1 + p.pointee.ramu.adminRate) * split.gratuite }
        }
        if regime != .none {
            let admin = s.pointee.adminRates[regime] * split.regime
            a.claims[regime] += split.regime
            household.poolClaims += split.regime
            a.admin[regime] += admin
            if regime == .ramed {
                a.ramedState += p.pointee.ramed.stateShare * (split.regime + admin)
                a.ramedCollectivites += (1 - p.pointee.ramed.stateShare) * p.pointee.ramed.collectivitesPaymentRate * (split.regime + admin)
            }
            // What RAMU would have paid for the part the gratuité left (all of it, or nothing).
            a.ramuEquivalentCost += (1 + p.pointee.ramu.adminRate) * s.coverageRate(.ramu, kind) * (cost - split.gratuite)
        }
        return split.outOfPocket
    }
}

/// The policy segment in force, read in place: copying it per event would retain and release the
/// arrays inside its parameters from every thread at once.
typealias Segment = UnsafePointer<PolicySegment>

extension UnsafePointer<PolicySegment> {
    /// The segment's parameters, in place.
    var parameters: UnsafePointer<Parameters> { pointer(to: \.parameters)! }

    /// Share of an episode's cost `regime` pays (the rules of `Parameters.coverageRate`).
    @inline(__always) func coverageRate(_ regime: Regime, _ kind: CareKind) -> Double {
        kind.isHospital ? pointee.coverageHospital[regime] : pointee.coverageOutpatient[regime]
    }

    /// Chance that a need is taken to formal care: lower without cover unless a gratuité applies.
    @inline(__always) func seekProbability(_ regime: Regime, eligible: Bool) -> Double {
        (regime == .none && !eligible) ? parameters.pointee.care.seekUncovered : parameters.pointee.care.seekCovered
    }

    @inline(__always) func needRate(_ group: MemberGroup) -> Double {
        switch group {
        case .underFive: pointee.needRateUnderFive
        case .woman15to49: pointee.needRateWoman
        case .other: pointee.needRateOther
        }
    }

    /// The law of the count of needs of w women not pregnant and o other persons over a whole year
    /// (1 ≤ w ≤ 4, 1 ≤ o ≤ 16).
    @inline(__always) func needsInYearOfAdults(women w: Int, others o: Int) -> UnsafePointer<PoissonTable> {
        pointee.needTable + NeedTables.adults + (w - 1) * 16 + o - 1
    }

    /// The law of the count of needs of `n` members of `group` over a whole year
    /// (1 ≤ n ≤ `NeedTables.groupedMembers`).
    @inline(__always) func needsInYear(_ group: MemberGroup, members n: Int) -> UnsafePointer<PoissonTable> {
        pointee.needTable + Int(group.rawValue) * NeedTables.groupedMembers + (n - 1)
    }
}

extension Regime {
    /// The regime a household has once RAMU merges AMO, RAMED and mutuelles into one pool.
    var mergedIntoRAMU: Regime {
        switch self {
        case .amo, .ramed, .mutuelle, .ramu: .ramu
        case .none: .none
        }
    }

    /// Whether enrolling a household of `sector` into this regime is subsidised RAMU cover.
    func isSubsidisedRAMU(_ sector: Sector) -> Bool { self == .ramu && sector != .formal }
}

extension Parameters {
    /// Administration cost per FCFA of claims, by regime (section 7).
    func adminRate(_ regime: Regime) -> Double {
        switch regime {
        case .none: 0
        case .amo: amo.adminRate
        case .ramed: ramed.adminRate
        case .mutuelle: mutuelle.adminRate
        case .ramu: ramu.adminRate
        }
    }
}
