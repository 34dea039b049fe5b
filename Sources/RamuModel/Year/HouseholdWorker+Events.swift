import EventEngine

// The household's events (each out of line: rare beside the year's fixed work, which they would
// otherwise crowd), and how they are scheduled.
extension HouseholdWorker {
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
        needs.append(MemberNeeds(from: t))
        scheduleDeath(&state, from: t, s, c)  // one more person who may die
    }

    /// A conception, of one of the women not pregnant, each equally likely; the delivery is dated.
    @inline(never)
    mutating func conception(at t: Double, _ h: Household, _ state: inout HouseholdYearState,
                             _ s: Segment, _ c: YearContext, _ a: inout YearAccounts) {
        let m = nthMember(demography.uniform(), of: state.womenAtRisk) { $0.alive && $0.group == .woman15to49 && !$0.pregnant }
        state.oop += resolveNeeds(of: m, to: t, h, s, &a)
        let d = s.rules.pointee.demography
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
        let becomesWoman = demography.uniform() < s.rules.pointee.demography.ageOutToWomenShare
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
        let move = enrolmentRule(h, hasEligible: state.hasEligible, s)
        let target = move.target
        var joins = true
        if move.subsidised && c.subsidisedQuotaShare != nil {
            // `constrained`: the enrolment waits unless the pool can pay for these members this year.
            joins = subsidisedQuota >= Double(state.alive)
            if joins { subsidisedQuota -= Double(state.alive) }
        }
        if joins && target != h.regime {
            if move.subsidised { a.subsidisedEnrolments += Double(state.alive) }
            state.oop += resolveAllNeeds(to: t, h, s, &a)  // met under the old regime
            h.regime = target
            noteRegime(h, s)
        }
        scheduleEnrolmentChange(h, &state, from: t, s, c)
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
        scheduleFirst(.death, of: state.alive, at: s.rules.pointee.demography.deathHazard, from: t, c, &state.deathHandle)
    }

    /// (Re)draws the household's next conception from `t`, as `scheduleDeath` does, among its women
    /// 15–49 who are not pregnant.
    mutating func scheduleConception(_ state: inout HouseholdYearState, from t: Double, _ s: Segment, _ c: YearContext) {
        scheduleFirst(.conception, of: state.womenAtRisk, at: s.rules.pointee.demography.conceptionHazard, from: t, c,
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

    /// The household's next move out of its regime and its hazard (sections 4 and 8): the enrolment
    /// table's cell for its sector and regime, at the hazard of a household with or without a member a
    /// separate gratuité serves.
    @inline(__always)
    func enrolmentRule(_ h: Household, hasEligible: Bool, _ s: Segment) -> (hazard: Double, target: Regime, subsidised: Bool) {
        let cell = s.rules.pointer(to: \.enrolment)!.entry(Rules.enrolmentIndex(h.sector, h.regime))
        return (cell.pointee.hazard[hasEligible ? 1 : 0], cell.pointee.target, cell.pointee.subsidised)
    }

    /// Draws the time of the household's next enrolment or dropout. One unit exponential scaled by the
    /// hazard, so scenarios that change a rate keep the same draw (common random numbers).
    mutating func scheduleEnrolmentChange(_ h: Household, _ state: inout HouseholdYearState, from t: Double,
                                          _ s: Segment, _ c: YearContext) {
        let hazard = enrolmentRule(h, hasEligible: state.hasEligible, s).hazard
        let unit = enrolment.unitExponential(ifBelow: hazard * (c.t1 - t))
        state.enrolmentHazard = hazard
        state.enrolmentHandle = nil
        guard let unit, hazard > 0, state.alive > 0 else { return }
        let when = t + unit / hazard
        guard when < c.t1 else { return }
        state.enrolmentHandle = queue.schedule(at: when, HouseholdEvent(.enrolmentChange))
    }

}
