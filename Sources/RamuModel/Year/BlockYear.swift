import RandomStreams
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Consumption per person of a household and the people it counts for (for the median behind the SPL).
public struct ConsumptionPoint: Sendable, Equatable {
    public var perPerson: Double
    public var persons: Double
}

/// What a block hands back after a year.
struct BlockYearResult: Sendable {
    var accounts = YearAccounts()
    /// Head-counts at the start of the next year, after deaths, births and splits.
    var nextCensus = Census()
    var nextConsumption: [ConsumptionPoint] = []
    var records: [HouseholdYearRecord] = []
}

extension HouseholdWorker {
    /// Simulates every household of `block` through the year of `c`, counts who faced financial hardship,
    /// and closes each household's year as it ends (`close`): next year's households and arena are built
    /// in the worker's buffers as the households are simulated, then replace the block's in one copy.
    mutating func simulateBlockYear(_ block: inout HouseholdBlock, _ c: YearContext, weight: Double,
                                    microdata: Bool) -> BlockYearResult {
        var result = BlockYearResult()
        // `constrained`: this block's share of the persons the pool can take into subsidised cover.
        subsidisedQuota = c.subsidisedQuotaShare.map { ($0 * block.subsidisedCandidates()).rounded(.down) } ?? .infinity
        let end = c.yearEnd
        nextHouseholds.removeAll()
        nextHouseholds.reserve(block.households.count + block.households.count / 32)
        nextMembers.removeAll()
        nextMembers.reserve(block.members.count + block.members.count / 16)
        result.nextConsumption.reserveCapacity(block.households.count + block.households.count / 32)
        // The block is only read in the loop: read in place, without retaining its arrays per household.
        do {
            let households = block.households, arena = block.members
            c.segments.withUnsafeBufferPointer { segments in arena.withUnsafeBufferPointer { arena in
                for start in households {
                    var h = start
                    percentile = c.percentile(start.consumptionPerPerson)
                    quintile = YearContext.quintile(ofPercentile: percentile)
                    household = QuintileAccount()
                    let first = Int(h.firstMember)
                    assert(first + Int(h.memberSlots) <= arena.count, "a household's members past its block's arena")
                    members.removeAll()
                    members.append(arena.baseAddress! + first, count: Int(h.memberSlots))
                    let oop = simulateYear(&h, c, segments, &result.accounts)
                    countFinancialProtection(start, oop: oop, c, &result.accounts)
                    if microdata {
                        let size = Int(start.sizeAtYearStart)
                        result.records.append(HouseholdYearRecord(
                            year: c.year, householdID: start.id, weight: weight, size: size,
                            sector: start.sector, regime: start.regime,
                            consumptionFCFA: start.consumptionPerPerson * Double(size), oopFCFA: oop))
                    }
                    close(h, end, c, &result)
                }
            } }
        }
        // In the block's own storage (its copies above are gone), which has room for next year's block
        // unless it outgrew the margin reserved: then new storage, with a margin for the years after. (A
        // population copied for a diverging scenario shares its arrays: the first to write gets new ones.)
        block.households.removeAll(keepingCapacity: true)
        if block.households.capacity < nextHouseholds.count {
            block.households.reserveCapacity(nextHouseholds.count + nextHouseholds.count / 32)
        }
        block.households.append(contentsOf: nextHouseholds.elements)
        block.members.removeAll(keepingCapacity: true)
        if block.members.capacity < nextMembers.count {
            block.members.reserveCapacity(nextMembers.count + nextMembers.count / 16)
        }
        block.members.append(contentsOf: nextMembers.elements)
        return result
    }

    /// SDG 3.8.2, both definitions, impoverishment and poverty before and after out-of-pocket payments
    /// (MODEL.md section 9), for the people the household counted at the start of the year; and what it
    /// paid and received in its quintile's and percentile's accounts (equity, concentration indices).
    mutating func countFinancialProtection(_ h: Household, oop: Double, _ c: YearContext, _ a: inout YearAccounts) {
        let size = Double(h.sizeAtYearStart)
        // `household` holds its needs, episodes and pool claims, counted during the year; completed in
        // place (a copy of it cost a memcpy per household).
        household.persons = size
        household.outOfPocket = oop
        household.covered = h.regime != .none ? size : 0
        a.concentration.add(percentile: percentile, persons: size, outOfPocket: oop, poolClaims: household.poolClaims)
        let consumption = h.consumptionPerPerson * size
        // Poverty counts every household, whether or not it paid (added, not branched on).
        a.poorBeforeOOP += h.consumptionPerPerson < c.povertyLine ? size : 0
        // (Compared as products, not per person: a division per household showed in the profile.)
        let povertyConsumption = c.povertyLine * size
        a.poorAfterOOP += size > 0 && consumption - oop < povertyConsumption ? size : 0
        defer { a.quintiles.add(household, to: quintile) }
        guard oop > 0 else { return }
        if oop > 0.10 * consumption {
            a.catastrophic10 += size
            household.catastrophic10 = size
        }
        if oop > 0.25 * consumption {
            a.catastrophic25 += size
            household.catastrophic25 = size
        }
        // Discretionary budget: consumption above the societal poverty line; none at all counts as impoverishing.
        let discretionary = consumption - c.societalPovertyLine * size
        if oop >= discretionary {
            a.hardshipImpoverishing += size
        } else if oop > 0.4 * discretionary {
            a.hardshipLarge += size
        }
        if h.consumptionPerPerson >= c.povertyLine {
            if consumption - oop < povertyConsumption { a.impoverished += size }
        } else {
            a.furtherImpoverished += size
        }
    }

    /// Year end for one household whose living members are in `members`: a household above twice the
    /// mean size splits in two (section 3), consumption grows, RAMU absorbs the regime if it starts next
    /// year; it goes into next year's arena and census (a household with no one left is gone).
    mutating func close(_ household: Household, _ end: YearEnd, _ c: YearContext, _ result: inout BlockYearResult) {
        guard !members.isEmpty else { return }
        var h = household
        h.consumptionPerPerson *= end.growth
        h.regime = end.merged[h.regime]
        let child: Household? = members.count > end.splitAbove
            ? Household(id: h.nextSplitID(), sector: h.sector, regime: h.regime,
                        consumptionPerPerson: drawSplitConsumption(parent: h, c))
            : nil
        // The census needs only the block's total of women not pregnant: the year counted the household's.
        let women = womenAtRiskAtYearEnd
        let living = members.elements.baseAddress!, n = members.count
        if let child {
            let keep = n - n / 2
            h.splits += 1
            carry(h, living, count: keep, womenNotPregnant: women, &result)
            carry(child, living + keep, count: n - keep, womenNotPregnant: 0, &result)
        } else {
            carry(h, living, count: n, womenNotPregnant: women, &result)
        }
    }

    /// Puts a household and its `n` members from `first` on into next year's arena, and counts it in next
    /// year's census (with `womenNotPregnant` women a conception can happen to) and consumption.
    mutating func carry(_ household: Household, _ first: UnsafePointer<Member>, count n: Int, womenNotPregnant: Int,
                        _ result: inout BlockYearResult) {
        var h = household
        h.firstMember = Int32(nextMembers.count)
        h.memberSlots = Int16(n)
        h.sizeAtYearStart = Int16(n)
        nextMembers.append(first, count: n)
        nextHouseholds.append(h)
        result.nextCensus.count(h, womenNotPregnant: womenNotPregnant)
        result.nextConsumption.append(ConsumptionPoint(perPerson: h.consumptionPerPerson, persons: Double(n)))
    }

    /// Consumption per person of a household that splits off, drawn like any household's of its sector
    /// at next year's prices (section 3), from a stream of its own.
    func drawSplitConsumption(parent: Household, _ c: YearContext) -> Double {
        let end = c.yearEnd
        demography.reseed(StreamKey(seed: c.seed, replication: c.replication, entity: parent.id,
                                    purpose: StreamPurpose.split.rawValue, period: c.year * 64 + Int(parent.splits)))
        return end.consumptionMultiplier[Int(parent.sector.rawValue)]
            * drawConsumption(mean: end.splitConsumptionMean, sigma: end.consumptionSigma, demography)
    }
}

/// A lognormal consumption per person with the given mean (MODEL.md section 4).
func drawConsumption(mean: Double, sigma: Double, _ rng: GSLGenerator) -> Double {
    rng.lognormal(zeta: log(mean) - sigma * sigma / 2, sigma: sigma)
}
