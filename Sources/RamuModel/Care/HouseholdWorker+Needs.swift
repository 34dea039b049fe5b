import RandomStreams
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

// Care needs, resolved in groups between the events that change what a need meets (MODEL.md section 5).
extension HouseholdWorker {
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
        let from = needs[m].from
        needs[m].from = t
        let member = members[m]
        var oop = member.pregnant ? antenatalVisits(of: m, from: from, to: t, h, s, &a) : 0
        let rate = s.needRate(member.group)
        guard rate > 0, t > from else { return oop }
        let count = t - from == 1 ? episodes.poisson(s.needsInYear(member.group, members: 1))
                                  : episodes.poisson(inverting: rate * (t - from))
        // A member resolved alone counts its own draws (an exponential per stretch cost more than
        // classing each of its needs).
        if count > 0 {
            let met = meetNeeds(count, eligible: member.gratuiteEligible, classing: true, h, s, &a)
            oop += met.oop
            needs[m].noNeed = 0
            if met.forgoneForCost > 0 { needs[m].noCostForgone = 0 }
            needsByMember = true
        }
        return oop
    }

    /// `count` needs of one stretch, of a member or of members counted together, all meeting the same
    /// eligibility, regime and rules: each met or forgone, with one chance of seeking care. One uniform
    /// per need settles both whether care is sought and at which level: u < seek, then u / seek (uniform
    /// again) against the levels' cumulative shares. A need not sought with seek ≤ u < the chance of
    /// seeking without a cost barrier (`HouseholdCare.costBarrier`) was forgone because of its cost.
    /// Returns what the household paid out of pocket, and, `classing` (a member resolved alone; a
    /// group's members have the model's chances instead), how many needs were forgone for their cost.
    @inline(never)
    mutating func meetNeeds(_ count: UInt32, eligible: Bool, classing: Bool = false, _ h: Household,
                            _ s: Segment, _ a: inout YearAccounts) -> (oop: Double, forgoneForCost: Int) {
        a.events[.careNeed] += Int(count)
        a.needs += Double(count)
        household.needs += Double(count)
        let seek = care.seekProbability(covered: h.regime != .none, eligible: eligible)
        let toCSCom = seek * care.levelCSCom, toCSRef = seek * care.levelCSRef
        let barrier = classing ? care.costBarrier(covered: h.regime != .none, eligible: eligible) : 0
        let barrierFree = seek + barrier
        var oop = 0.0
        var forgone = 0
        var left = Int(count)
        // The needs' decisions first, then the episodes sought: whether a need is met is a coin toss,
        // which a branch per need would mispredict one time in two; counted without branching, it is not.
        var sought = InlineArray<16, CareKind>(repeating: .csCom)
        while left > 0 {
            let batch = min(left, 16)
            left -= batch
            var n = 0
            if barrier > 0 {  // the same per call: predicted
                var belowBarrierFree = 0
                for _ in 0..<batch {
                    let u = episodes.uniform()
                    sought[n] = u < toCSCom ? .csCom : (u < toCSRef ? .csRef : .hospital)
                    n += u < seek ? 1 : 0  // a forgone need is overwritten by the next one
                    belowBarrierFree += u < barrierFree ? 1 : 0
                }
                forgone += belowBarrierFree - n  // barrierFree ≥ seek: those sought are below it too
            } else {
                for _ in 0..<batch {
                    let u = episodes.uniform()
                    sought[n] = u < toCSCom ? .csCom : (u < toCSRef ? .csRef : .hospital)
                    n += u < seek ? 1 : 0
                }
            }
            // Their costs next, then what each one's payers do: the draws of one episode's cost do not
            // wait for the last one's accounts, so the processor works on several at once.
            var costs = InlineArray<16, Double>(repeating: 0)
            for i in 0..<n { costs[i] = cost(of: sought[i], s) }
            for i in 0..<n { oop += soughtEpisode(eligible: eligible, kind: sought[i], cost: costs[i], h, s, &a) }
        }
        return (oop, forgone)
    }

    /// `resolveNeeds` for every living member. Members of one group who are not pregnant and whose
    /// stretches started together (most often all of them: at the start of the year, or at the household's
    /// last change) have their needs counted together: the sum of their Poisson counts is one Poisson
    /// count at the group's rate times their number, and their needs meet the same state, so one draw
    /// serves them all. The others are resolved one by one, in member order, before the groups.
    ///
    /// Whose need each of a group's needs was is not drawn: each member's chance of none is the
    /// model's, e^−rate × time (`MemberNeeds`), and a whole year's stretch adds its members' at once.
    mutating func resolveAllNeeds(to t: Double, _ h: Household, _ s: Segment, _ a: inout YearAccounts) -> Double {
        var oop = 0.0
        var together = InlineArray<3, Int>(repeating: 0)  // members by group, indexed (groups look random)
        // When their stretches started: the first living member's start.
        guard let first = members.indices.first(where: { members[$0].alive }) else { return 0 }
        let from = needs[first].from
        // Those resolved alone first; the others are marked (slots of 64 and beyond are always alone).
        var marked: UInt64 = 0
        for m in members.indices where members[m].alive {
            let member = members[m]
            if !member.pregnant && needs[m].from == from && m < 64 {
                together[Int(member.group.rawValue)] += 1
                needs[m].from = t
                marked |= 1 << UInt64(m)
            } else {
                oop += resolveNeeds(of: m, to: t, h, s, &a)
            }
        }
        guard t > from else { return oop }
        if together[0] > 0 { oop += resolveNeeds(of: .underFive, members: together[0], span: t - from, h, s, &a) }
        // Women and other persons not pregnant meet the same rules (no gratuité): one count for them all.
        let (w, o) = (together[1], together[2])
        if w == 0 {
            if o > 0 { oop += resolveNeeds(of: .other, members: o, span: t - from, h, s, &a) }
        } else if o == 0 {
            oop += resolveNeeds(of: .woman15to49, members: w, span: t - from, h, s, &a)
        } else {
            let count: UInt32
            if t - from == 1 && w <= 4 && o <= 16 {
                count = episodes.poisson(s.needsInYearOfAdults(women: w, others: o))
            } else {
                let mean = (s.needRate(.woman15to49) * Double(w) + s.needRate(.other) * Double(o)) * (t - from)
                count = mean > 0 ? episodes.poisson(inverting: mean) : 0
            }
            if count > 0 { oop += meetNeeds(count, eligible: false, h, s, &a).oop }
        }
        // Children are eligible for the gratuités and meet no cost barrier; adults without cover do.
        let adultBarrier = care.costBarrier(covered: h.regime != .none, eligible: false)
        if t - from == 1 {
            // A whole year's stretch: these members had no other this year, so each one's chances are
            // the group's, from the segment's and percentile's factors (no member is visited).
            let uncovered = adultBarrier > 0
            peopleWithNeed += Double(together[0]) * (1 - care.noNeedInYear[0])
                + Double(w) * (1 - care.noNeedInYear[1]) + Double(o) * (1 - care.noNeedInYear[2])
            peopleForgoingCareForCost += uncovered
                ? Double(w) * (1 - care.noCostForgoneInYear[0]) + Double(o) * (1 - care.noCostForgoneInYear[1]) : 0
            return oop
        }
        // A part of the year (the household or the rules changed): each group's chances over the stretch,
        // three exponentials per change, multiplied into each member's.
        guard marked != 0 else { return oop }
        needsByMember = true
        let span = t - from
        let child = exp(-s.needRate(.underFive) * span)
        let woman = exp(-s.needRate(.woman15to49) * span), other = exp(-s.needRate(.other) * span)
        let womanForgone = adultBarrier > 0 ? exp(-s.needRate(.woman15to49) * span * adultBarrier) : 1
        let otherForgone = adultBarrier > 0 ? exp(-s.needRate(.other) * span * adultBarrier) : 1
        while marked != 0 {
            let m = marked.trailingZeroBitCount
            marked &= marked - 1
            let group = members[m].group
            needs[m].noNeed *= group == .underFive ? child : (group == .woman15to49 ? woman : other)
            needs[m].noCostForgone *= group == .underFive ? 1 : (group == .woman15to49 ? womanForgone : otherForgone)
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
        return count > 0 ? meetNeeds(count, eligible: group == .underFive, h, s, &a).oop : 0
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
}

extension UnsafePointer<PolicySegment> {
    /// A group's annual rate of needs.
    @inline(__always) func needRate(_ group: MemberGroup) -> Double {
        rules.pointee.care.needRates[Int(group.rawValue)]
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
