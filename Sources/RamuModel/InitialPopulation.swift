import EventEngine
import RandomStreams

/// Builds Mali's population at `start_year` (MODEL.md sections 3 and 4): households of mean size 6,
/// sectors, consumption, the 2020 enrolment of each regime, children's ages and pregnancies under way.
public enum InitialPopulation {
    /// Households per block: small enough to stay in cache and spread over threads, fixed so that
    /// results never depend on the number of threads.
    public static let blockSize = 2048

    /// The household sizes, drawn one household after another until they hold exactly
    /// round(initial population × sample fraction) people.
    static func householdSizes(_ p: Parameters, seed: UInt64, replication: Int) -> [Int] {
        let target = Int((p.demography.initialPopulation * p.simulation.sampleFraction).rounded())
        let largest = max(1, Int((2 * p.households.meanSize).rounded(.down)))
        let rng = GSLGenerator()
        var sizes: [Int] = []
        sizes.reserveCapacity(Int(Double(target) / p.households.meanSize * 1.05) + 1)
        var total = 0
        while total < target {
            rng.reseed(StreamKey(seed: seed, replication: replication, entity: UInt64(sizes.count),
                                 purpose: StreamPurpose.householdSize.rawValue, period: p.simulation.startYear))
            // 1 + Poisson(mean − 1), at most twice the mean (a larger household would already have split).
            let size = min(largest, 1 + Int(rng.poisson(mean: p.households.meanSize - 1)), target - total)
            sizes.append(size)
            total += size
        }
        return sizes
    }

    /// Share of women 15–49 pregnant at the start: the duration of pregnancy times the conception
    /// hazard that gives the birth rate (the steady state of the pregnancy process).
    static func pregnantShare(_ p: Parameters) -> Double {
        let d = p.demography
        guard d.shareWomen15to49 > 0 else { return 0 }
        let hazardPerWoman = p.birthHazard * pow(1 + d.growthRate, d.pregnancyDuration)
            * exp(d.crudeDeathRate * d.pregnancyDuration) / d.shareWomen15to49
        return min(0.95, d.pregnancyDuration * hazardPerWoman)
    }

    /// The blocks of households at the start year.
    public static func build(_ p: Parameters, seed: UInt64, replication: Int, threads: Int) -> [HouseholdBlock] {
        let sizes = householdSizes(p, seed: seed, replication: replication)
        let blockCount = (sizes.count + blockSize - 1) / blockSize
        return Parallel.map(count: blockCount, threads: threads, makeWorker: { GSLGenerator() }) { rng, b in
            var block = HouseholdBlock()
            for i in b * blockSize..<min(sizes.count, (b + 1) * blockSize) {
                rng.reseed(StreamKey(seed: seed, replication: replication, entity: UInt64(i),
                                     purpose: StreamPurpose.initialisation.rawValue, period: p.simulation.startYear))
                let (household, members) = makeHousehold(id: UInt64(i), size: sizes[i], p, rng)
                block.append(household, members: members)
            }
            return block
        }
    }

    static func makeHousehold(id: UInt64, size: Int, _ p: Parameters, _ rng: GSLGenerator) -> (Household, [Member]) {
        let hp = p.households
        let u = rng.uniform() * (hp.shareFormal + hp.shareIndigent + hp.shareInformal)
        let sector: Sector = u < hp.shareFormal ? .formal : (u < hp.shareFormal + hp.shareIndigent ? .indigent : .informal)
        let consumption = p.consumptionMultiplier(sector)
            * drawConsumption(mean: p.consumption.meanPerPerson, sigma: p.consumption.sigma, rng)
        // 2020 enrolment: each sector's coverage of its target (section 4).
        let covered: Double
        let regime: Regime
        switch sector {
        case .formal: (covered, regime) = (p.amo.initialCoverageOfTarget, .amo)
        case .indigent: (covered, regime) = (p.ramed.initialCoverageOfTarget, .ramed)
        case .informal: (covered, regime) = (p.mutuelle.initialCoverageOfTarget, .mutuelle)
        }
        let enrolled = rng.uniform() < covered
        let t0 = Double(p.simulation.startYear)
        let pregnant = pregnantShare(p)
        var members: [Member] = []
        members.reserveCapacity(size)
        for _ in 0..<size {
            let g = rng.uniform()
            if g < p.demography.shareUnderFive {
                members.append(Member(group: .underFive, eventTime: t0 + 5 * rng.uniformPositive()))
            } else if g < p.demography.shareUnderFive + p.demography.shareWomen15to49 {
                if rng.uniform() < pregnant {
                    let due = t0 + p.demography.pregnancyDuration * rng.uniformPositive()
                    members.append(Member(group: .woman15to49, pregnant: true, eventTime: due,
                                          antenatal: (p.demography.antenatalVisits, p.demography.pregnancyDuration)))
                } else {
                    members.append(Member(group: .woman15to49))
                }
            } else {
                members.append(Member(group: .other))
            }
        }
        let household = Household(id: id, sector: sector, regime: enrolled ? regime : .none,
                                  consumptionPerPerson: consumption)
        return (household, members)
    }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
