import EventEngine
import RandomStreams

/// One worker's scratch: its GSL generators and event queue, reused for every household it simulates
/// (nothing is allocated per event). A household's members are copied in, simulated through the year
/// with their events, and copied back.
public struct HouseholdWorker {
    let demography = GSLGenerator()
    let episodes = GSLGenerator()
    let enrolment = GSLGenerator()
    var queue = EventQueue<HouseholdEvent>()
    /// The household being simulated: its members (slot order) and every member event scheduled
    /// (to cancel a member's events when it dies, or its care needs when its need rate changes).
    var members: [Member] = []
    var memberEvents: [(member: Int16, kind: HouseholdEventKind, handle: EventHandle)] = []

    public init() {}
}

/// The regime exposure of a household over the year: member-years (premiums) and household-years
/// (AMO contributions) accrue between changes of size or regime.
struct Exposure {
    var since: Double
    var alive: Int

    mutating func accrue(to t: Double, regime: Regime, _ a: inout YearAccounts) {
        let dt = t - since
        if dt > 0 && alive > 0 {
            a.memberYears[Int(regime.rawValue)] += Double(alive) * dt
            if regime == .amo { a.amoHouseholdYears += dt }
        }
        since = t
    }
}

extension HouseholdWorker {
    /// Simulates household `index` of `block` over the year of `c` (MODEL.md sections 3 to 6) and returns
    /// its out-of-pocket payments for the year (FCFA).
    mutating func simulateYear(of index: Int, in block: inout HouseholdBlock, _ c: YearContext,
                               _ a: inout YearAccounts) -> Double {
        var h = block.households[index]
        let first = Int(h.firstMember)
        members.removeAll(keepingCapacity: true)
        for k in first..<first + Int(h.memberSlots) where block.members[k].alive {
            members.append(block.members[k])
        }
        let oop = simulateYear(&h, c, &a)
        // Write back; a household that grew past its room moves to the end of the arena.
        if members.count > Int(h.memberCapacity) {
            h.firstMember = Int32(block.members.count)
            h.memberCapacity = Int16(members.count + HouseholdBlock.spareSlots)
            block.members.append(contentsOf: members)
            block.members.append(contentsOf: repeatElement(Member(group: .other), count: HouseholdBlock.spareSlots))
        } else {
            let start = Int(h.firstMember)
            for k in 0..<members.count { block.members[start + k] = members[k] }
        }
        h.memberSlots = Int16(members.count)
        block.households[index] = h
        return oop
    }

    /// The year of one household whose members are in `members`.
    mutating func simulateYear(_ h: inout Household, _ c: YearContext, _ a: inout YearAccounts) -> Double {
        let p = c.parameters
        demography.reseed(c.streamKey(h.id, .demography))
        episodes.reseed(c.streamKey(h.id, .episodes))
        enrolment.reseed(c.streamKey(h.id, .enrolment))
        queue.reset()
        memberEvents.removeAll(keepingCapacity: true)
        let t0 = c.t0, t1 = c.t1

        var hasEligible = false
        for m in 0..<members.count {
            let member = members[m]
            if member.gratuiteEligible { hasEligible = true }
            scheduleDeath(m, from: t0, c)
            scheduleNeeds(m, from: t0, c)
            switch member.group {
            case .underFive:
                if member.eventTime < t1 { scheduleMemberEvent(.ageOut, m, at: max(member.eventTime, t0)) }
            case .woman15to49:
                if member.pregnant {
                    if member.eventTime < t1 { scheduleMemberEvent(.delivery, m, at: max(member.eventTime, t0)) }
                    scheduleAntenatal(m, deliveryDate: member.eventTime, from: t0, c)
                } else {
                    scheduleConception(m, from: t0, c)
                }
            case .other:
                break
            }
        }
        var exposure = Exposure(since: t0, alive: members.count)
        var enrolmentHandle = scheduleEnrolmentChange(h, hasEligible: hasEligible, from: t0, c)
        var oop = 0.0

        while let (t, event) = queue.popNext(before: t1) {
            a.events[Int(event.kind.rawValue)] += 1
            let m = Int(event.member)
            switch event.kind {
            case .careNeed:
                oop += careEpisode(member: m, kind: nil, regime: h.regime, c, &a)
            case .antenatalVisit:
                oop += careEpisode(member: m, kind: .antenatal, regime: h.regime, c, &a)
            case .delivery:
                oop += careEpisode(member: m, kind: .delivery, regime: h.regime, c, &a)
                exposure.accrue(to: t, regime: h.regime, &a)
                exposure.alive += 1
                a.births += 1
                members[m].pregnant = false
                members[m].eventTime = .infinity
                scheduleConception(m, from: t, c)
                // The child joins the mother's household and so its regime (section 3).
                members.append(Member(group: .underFive, eventTime: t + 5))
                let child = members.count - 1
                scheduleDeath(child, from: t, c)
                scheduleNeeds(child, from: t, c)
            case .conception:
                members[m].pregnant = true
                members[m].eventTime = t + p.demography.pregnancyDuration
                if members[m].eventTime < t1 { scheduleMemberEvent(.delivery, m, at: members[m].eventTime) }
                scheduleAntenatal(m, deliveryDate: members[m].eventTime, from: t, c)
            case .ageOut:
                // Five years old: the child leaves the under-five group and its need rate changes.
                let becomesWoman = demography.uniform() < p.demography.ageOutToWomenShare
                members[m].group = becomesWoman ? .woman15to49 : .other
                members[m].eventTime = .infinity
                for entry in memberEvents where entry.member == event.member && entry.kind == .careNeed {
                    queue.cancel(entry.handle)
                }
                scheduleNeeds(m, from: t, c)
                if becomesWoman { scheduleConception(m, from: t, c) }
            case .death:
                exposure.accrue(to: t, regime: h.regime, &a)
                exposure.alive -= 1
                a.deaths += 1
                members[m].alive = false
                for entry in memberEvents where entry.member == event.member { queue.cancel(entry.handle) }
                if exposure.alive == 0, let pending = enrolmentHandle { queue.cancel(pending) }
            case .enrolmentChange:
                exposure.accrue(to: t, regime: h.regime, &a)
                h.regime = nextRegime(h)
                enrolmentHandle = scheduleEnrolmentChange(h, hasEligible: hasEligible, from: t, c)
            }
        }
        exposure.accrue(to: t1, regime: h.regime, &a)
        members.removeAll { !$0.alive }
        a.outOfPocket += oop
        return oop
    }

    // MARK: Scheduling

    mutating func scheduleMemberEvent(_ kind: HouseholdEventKind, _ m: Int, at t: Double) {
        let handle = queue.schedule(at: t, HouseholdEvent(kind, member: Int16(m)))
        memberEvents.append((Int16(m), kind, handle))
    }

    mutating func scheduleDeath(_ m: Int, from t: Double, _ c: YearContext) {
        guard c.deathHazard > 0 else { return }
        scheduleRare(.death, m, from: t, mean: 1 / c.deathHazard, withinYear: c.deathWithinYear, c)
    }

    mutating func scheduleConception(_ m: Int, from t: Double, _ c: YearContext) {
        guard c.conceptionHazard > 0 else { return }
        scheduleRare(.conception, m, from: t, mean: 1 / c.conceptionHazard, withinYear: c.conceptionWithinYear, c)
    }

    /// Schedules a member's next event of an exponential process if it falls within the year; from the
    /// start of the year the chance of that is known in advance, which spares most logarithms.
    mutating func scheduleRare(_ kind: HouseholdEventKind, _ m: Int, from t: Double, mean: Double,
                               withinYear: Double, _ c: YearContext) {
        let limit = c.t1 - t
        let q = t == c.t0 ? withinYear : GSLGenerator.probabilityWithin(limit: limit, mean: mean)
        if let wait = demography.exponential(mean: mean, before: limit, probabilityWithin: q) {
            scheduleMemberEvent(kind, m, at: t + wait)
        }
    }

    /// The care needs of member `m` from `t` to the end of the year: a Poisson process at its group's
    /// rate, drawn as a Poisson count with uniform times (one draw per need, no logarithm).
    mutating func scheduleNeeds(_ m: Int, from t: Double, _ c: YearContext) {
        let rate = c.parameters.needRate(members[m].group)
        let span = c.t1 - t
        guard rate > 0, span > 0 else { return }
        let count = episodes.poisson(mean: rate * span)
        for _ in 0..<count { scheduleMemberEvent(.careNeed, m, at: t + span * episodes.uniform()) }
    }

    /// Antenatal visits, evenly spread over the pregnancy, that fall in [from, end of year).
    mutating func scheduleAntenatal(_ m: Int, deliveryDate: Double, from t: Double, _ c: YearContext) {
        let visits = c.parameters.demography.antenatalVisits
        guard visits > 0 else { return }
        let duration = c.parameters.demography.pregnancyDuration
        let conception = deliveryDate - duration
        for k in 1...visits {
            let when = conception + duration * Double(k) / Double(visits + 1)
            if when >= t && when < c.t1 { scheduleMemberEvent(.antenatalVisit, m, at: when) }
        }
    }

    /// The hazard of the household's next change of regime, and its regime after it (section 4).
    func enrolmentHazard(_ h: Household, hasEligible: Bool, _ c: YearContext) -> Double {
        let p = c.parameters
        // While gratuités are separate, households they already serve join less (DNPSES warning).
        let disincentive = (hasEligible && p.gratuites.arrangement == .separate) ? 1 - p.gratuites.enrolmentDisincentive : 1
        switch (h.sector, h.regime) {
        case (.formal, .none): return p.amo.enrolmentRate * disincentive
        case (.indigent, .none): return p.ramed.identificationRate
        case (.indigent, .ramed): return p.ramed.exitRate
        case (.informal, .none): return p.mutuelle.joinRate * c.mutuelleJoinMultiplier * disincentive
        case (.informal, .mutuelle): return p.mutuelle.dropoutRate
        default: return 0  // AMO has no dropout; RAMU's rules come with the reform
        }
    }

    func nextRegime(_ h: Household) -> Regime {
        switch (h.sector, h.regime) {
        case (.formal, .none): .amo
        case (.indigent, .none): .ramed
        case (.informal, .none): .mutuelle
        default: .none
        }
    }

    /// Draws the time of the household's next enrolment or dropout. One unit exponential scaled by the
    /// hazard, so scenarios that change a rate keep the same draw (common random numbers).
    mutating func scheduleEnrolmentChange(_ h: Household, hasEligible: Bool, from t: Double,
                                          _ c: YearContext) -> EventHandle? {
        let unit = enrolment.exponential(mean: 1)
        let hazard = enrolmentHazard(h, hasEligible: hasEligible, c)
        guard hazard > 0 else { return nil }
        let when = t + unit / hazard
        guard when < c.t1 else { return nil }
        return queue.schedule(at: when, HouseholdEvent(.enrolmentChange))
    }

    // MARK: Care

    /// One need of member `m`: seek care or forgo it; if sought, its level and cost, then the payer
    /// cascade (section 5). `kind` is nil for an illness (level drawn), or a delivery or antenatal visit.
    /// Returns what the household pays out of pocket.
    mutating func careEpisode(member m: Int, kind fixedKind: CareKind?, regime: Regime, _ c: YearContext,
                              _ a: inout YearAccounts) -> Double {
        let p = c.parameters
        a.needs += 1
        let eligible = members[m].gratuiteEligible
        let seek = (regime == .none && !eligible) ? p.care.seekUncovered : p.care.seekCovered
        // An unmet need draws nothing more: forgone care costs nothing and needs no cost draw.
        guard episodes.uniform() < seek else { return 0 }
        a.episodes += 1
        let kind: CareKind
        switch fixedKind {
        case nil:
            let u = episodes.uniform()
            kind = u < c.levelCSCom ? .csCom : (u < c.levelCSRef ? .csRef : .hospital)
        case .delivery?:
            kind = episodes.uniform() < p.demography.caesareanProbability ? .caesarean : .delivery
        case let other?:
            kind = other
        }
        let gratuiteWorks = eligible && episodes.uniform() < c.gratuiteEffectiveness
        let shape = c.costShapes[kind.rawValue]
        let cost = episodes.lognormal(zeta: shape.zeta, sigma: shape.sigma)
        let split = CostSplit.split(cost: cost, gratuiteWorks: gratuiteWorks, coverageRate: p.coverageRate(regime, kind))
        a.gratuiteCost += split.gratuite
        a.claims[Int(regime.rawValue)] += split.regime
        return split.outOfPocket
    }
}
