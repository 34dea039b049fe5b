import Foundation
import Testing
@testable import RamuModel

/// Each household closes its year as it ends, into next year's arena (`HouseholdWorker.close`): a large
/// household splits in two, one with no one left is gone, consumption grows, the census counts the result.
@Suite("Year end: splits, households that die out, next year's arena")
struct YearEndTests {
    /// A block of households of the given sizes (members: one woman, the rest other persons), simulated
    /// through 2020 with no conception (empty census) and the given death rate.
    static func closedBlock(sizes: [Int], deathRate: Double) -> (before: HouseholdBlock, after: HouseholdBlock,
                                                                   result: BlockYearResult) {
        var p = Parameters()
        p.demography.crudeDeathRate = deathRate
        let c = YearContext(year: 2020, parameters: p, seed: 5, replication: 0, census: Census(),
                            medianConsumption: 300_000)
        var block = HouseholdBlock()
        for (i, size) in sizes.enumerated() {
            let members = [Member(group: .woman15to49)] + Array(repeating: Member(group: .other), count: size - 1)
            block.append(Household(id: UInt64(100 + i), sector: .informal, regime: .mutuelle,
                                   consumptionPerPerson: 200_000 + 1_000 * Double(i)), members: members)
        }
        var worker = HouseholdWorker()
        var after = block
        let result = worker.simulateBlockYear(&after, c, weight: 100, microdata: true)
        return (block, after, result)
    }

    @Test func aLargeHouseholdSplitsAndEveryHouseholdMovesOnWithItsMembers() throws {
        // Mean size 6: households above 12 split. 13 → 7 + 6; 12 and 3 stay whole.
        let (before, after, result) = Self.closedBlock(sizes: [3, 13, 12], deathRate: 0)
        #expect(after.households.map(\.memberSlots) == [3, 7, 6, 12])
        #expect(after.households.map(\.sizeAtYearStart) == [3, 7, 6, 12])
        // Contiguous and in order, with no room left between households.
        #expect(after.households.map(\.firstMember) == [0, 3, 10, 16])
        #expect(after.members.count == 28 && after.members.allSatisfy(\.alive))
        let parent = before.households[1]
        #expect(after.households[1].id == parent.id && after.households[1].splits == 1)
        #expect(after.households[2].id == parent.nextSplitID() && after.households[2].regime == .mutuelle)
        #expect(after.households[3].splits == 0)
        // The parent's woman stays with it (the first members are kept).
        #expect(after.members[3].group == .woman15to49 && after.members[10].group == .other)
        // Consumption grows by (1 + 1.5 %)(1 + 2 %); the new household's is drawn afresh.
        let growth = 1.015 * 1.02
        for (k, i) in [(0, 0), (1, 1), (3, 2)] {
            let expected = before.households[i].consumptionPerPerson * growth
            #expect(abs(after.households[k].consumptionPerPerson - expected) <= 1e-9 * expected)
        }
        #expect(after.households[2].consumptionPerPerson > 0)
        #expect(result.nextCensus.population == 28 && result.nextCensus.households == 4)
        #expect(result.nextConsumption.map(\.persons) == [3, 7, 6, 12])
        // Microdata: one record per household that started the year, as it started it.
        #expect(result.records.map(\.size) == [3, 13, 12])
        // The block it started from shared its arrays with this one (copy on write): still as it was.
        #expect(before.households.map(\.memberSlots) == [3, 13, 12] && before.members.count == 28)
        #expect(before.households.map(\.firstMember) == [0, 3, 16])
    }

    /// A worker reuses its buffers from block to block (members, needs clocks, next year's arena, event
    /// queue): blocks simulated one after the other by one worker end exactly as each does with a worker
    /// of its own. Deliveries during the year append members (and their needs clocks) as it goes.
    @Test func oneWorkerForSeveralBlocksGivesWhatFreshWorkersGive() {
        let c = YearContext(year: 2020, parameters: Parameters(), seed: 9, replication: 1, census: Census(),
                            medianConsumption: 300_000)
        func block(_ b: Int) -> HouseholdBlock {
            var block = HouseholdBlock()
            for i in 0..<40 {
                let size = 1 + (i * 7 + b * 3) % 15
                var members = [Member(group: .woman15to49, pregnant: true, eventTime: 2020.1 + 0.02 * Double(i % 40),
                                      antenatal: (4, 0.75))]
                members += (1..<size).map { Member(group: $0 % 3 == 0 ? .underFive : .other, eventTime: $0 % 3 == 0 ? 2020.5 : .infinity) }
                block.append(Household(id: UInt64(1_000 * b + i), sector: i % 2 == 0 ? .informal : .indigent,
                                       regime: .none, consumptionPerPerson: 150_000 + 5_000 * Double(i)), members: members)
            }
            return block
        }
        var shared = HouseholdWorker()
        for b in 0..<3 {
            var alone = block(b), reused = block(b)
            var fresh = HouseholdWorker()
            let expected = fresh.simulateBlockYear(&alone, c, weight: 100, microdata: false)
            let got = shared.simulateBlockYear(&reused, c, weight: 100, microdata: false)
            #expect(reused.households == alone.households && reused.members == alone.members)
            #expect(got.accounts == expected.accounts && got.nextCensus == expected.nextCensus)
            #expect(expected.accounts.births > 0)  // members were appended during the year
        }
    }

    @Test func aHouseholdWithNoOneLeftIsGone() throws {
        // A death rate of 50 a year: the chance that anyone lives through the year is e^−50.
        let (_, after, result) = Self.closedBlock(sizes: [4, 2], deathRate: 50)
        #expect(after.households.isEmpty && after.members.isEmpty)
        #expect(result.nextCensus.population == 0 && result.nextConsumption.isEmpty)
        #expect(result.accounts.deaths == 6)
    }
}
