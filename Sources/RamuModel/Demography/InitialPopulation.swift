import EventEngine
import RandomStreams
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Builds Mali's population at `start_year` (MODEL.md sections 3 and 4): households of mean size 6,
/// sectors, consumption, the 2020 enrolment of each regime, children's ages and pregnancies under way.
public enum InitialPopulation {
    /// Households per block: small enough to stay in cache and spread over threads, fixed so that
    /// results never depend on the number of threads.
    public static let blockSize = 2048

    /// Everything the build reads of the start year's parameters: two scenarios with the same recipe
    /// start from the same population (see `ReplicationRunner`).
    public struct Recipe: Sendable, Equatable {
        let startYear: Int
        /// People simulated: round(initial population × sample fraction); each household stands for
        /// 1 / sample fraction.
        let persons: Int
        let sampleFraction: Double
        let meanSize: Double
        /// Cumulative shares of formal and indigent households (informal is the rest of their total).
        let sectorShares: (formal: Double, indigent: Double, total: Double)
        let consumptionMean: Double
        let consumptionSigma: Double
        let consumptionMultiplier: BySector<Double>
        let initialEnrolment: BySector<InitialEnrolment>
        let shareUnderFive: Double
        let shareWomen15to49: Double
        let pregnantShare: Double
        let pregnancyDuration: Double
        let antenatalVisits: Int
        /// RAMU active from the start: every insured household is in it.
        let merged: ByRegime<Regime>

        public init(_ p: Parameters) {
            startYear = p.simulation.startYear
            persons = Int((p.demography.initialPopulation * p.simulation.sampleFraction).rounded())
            sampleFraction = p.simulation.sampleFraction
            meanSize = p.households.meanSize
            let hp = p.households
            sectorShares = (hp.shareFormal, hp.shareFormal + hp.shareIndigent, hp.shareFormal + hp.shareIndigent + hp.shareInformal)
            consumptionMean = p.consumption.meanPerPerson
            consumptionSigma = p.consumption.sigma
            consumptionMultiplier = Table(Sector.allCases.map(p.consumptionMultiplier))
            initialEnrolment = Rules.initialEnrolment(p)
            shareUnderFive = p.demography.shareUnderFive
            shareWomen15to49 = p.demography.shareWomen15to49
            pregnantShare = InitialPopulation.pregnantShare(p)
            pregnancyDuration = p.demography.pregnancyDuration
            antenatalVisits = p.demography.antenatalVisits
            merged = Rules.regimes(mergedBy: p)
        }

        public static func == (a: Recipe, b: Recipe) -> Bool {
            a.startYear == b.startYear && a.persons == b.persons && a.sampleFraction == b.sampleFraction
                && a.meanSize == b.meanSize && a.sectorShares == b.sectorShares
                && a.consumptionMean == b.consumptionMean && a.consumptionSigma == b.consumptionSigma
                && a.consumptionMultiplier == b.consumptionMultiplier && a.initialEnrolment == b.initialEnrolment
                && a.shareUnderFive == b.shareUnderFive && a.shareWomen15to49 == b.shareWomen15to49
                && a.pregnantShare == b.pregnantShare && a.pregnancyDuration == b.pregnancyDuration
                && a.antenatalVisits == b.antenatalVisits && a.merged == b.merged
        }
    }

    /// The household sizes, drawn one household after another until they hold exactly
    /// round(initial population × sample fraction) people.
    static func householdSizes(_ r: Recipe, seed: UInt64, replication: Int) -> [Int] {
        let target = r.persons
        let largest = max(1, Int((2 * r.meanSize).rounded(.down)))
        let rng = GSLGenerator()
        var sizes: [Int] = []
        sizes.reserveCapacity(Int(Double(target) / r.meanSize * 1.05) + 1)
        var total = 0
        while total < target {
            rng.reseed(StreamKey(seed: seed, replication: replication, entity: UInt64(sizes.count),
                                 purpose: StreamPurpose.householdSize.rawValue, period: r.startYear))
            // 1 + Poisson(mean − 1), at most twice the mean (a larger household would already have split).
            let size = min(largest, 1 + Int(rng.poisson(mean: r.meanSize - 1)), target - total)
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
        let hazardPerWoman = p.birthHazard * d.populationIndex(after: d.pregnancyDuration)
            * exp(d.crudeDeathRate * d.pregnancyDuration) / d.shareWomen15to49
        return min(0.95, d.pregnancyDuration * hazardPerWoman)
    }

    /// The blocks of households at the start year.
    public static func build(_ p: Parameters, seed: UInt64, replication: Int, threads: Int) -> [HouseholdBlock] {
        build(Recipe(p), seed: seed, replication: replication, threads: threads)
    }

    static func build(_ r: Recipe, seed: UInt64, replication: Int, threads: Int) -> [HouseholdBlock] {
        let sizes = householdSizes(r, seed: seed, replication: replication)
        let blockCount = (sizes.count + blockSize - 1) / blockSize
        return Parallel.map(count: blockCount, threads: threads, makeWorker: { GSLGenerator() }) { rng, b in
            var block = HouseholdBlock()
            for i in b * blockSize..<min(sizes.count, (b + 1) * blockSize) {
                rng.reseed(StreamKey(seed: seed, replication: replication, entity: UInt64(i),
                                     purpose: StreamPurpose.initialisation.rawValue, period: r.startYear))
                let (household, members) = makeHousehold(id: UInt64(i), size: sizes[i], r, rng)
                block.append(household, members: members)
            }
            return block
        }
    }

    static func makeHousehold(id: UInt64, size: Int, _ r: Recipe, _ rng: GSLGenerator) -> (Household, [Member]) {
        let u = rng.uniform() * r.sectorShares.total
        let sector: Sector = u < r.sectorShares.formal ? .formal : (u < r.sectorShares.indigent ? .indigent : .informal)
        let consumption = r.consumptionMultiplier[Int(sector.rawValue)]
            * drawConsumption(mean: r.consumptionMean, sigma: r.consumptionSigma, rng)
        // 2020 enrolment: each sector's coverage of its target (section 4).
        let start = r.initialEnrolment[Int(sector.rawValue)]
        let enrolled = rng.uniform() < start.share
        let t0 = Double(r.startYear)
        var members: [Member] = []
        members.reserveCapacity(size)
        for _ in 0..<size {
            let g = rng.uniform()
            if g < r.shareUnderFive {
                members.append(Member(group: .underFive, eventTime: t0 + 5 * rng.uniformPositive()))
            } else if g < r.shareUnderFive + r.shareWomen15to49 {
                if rng.uniform() < r.pregnantShare {
                    let due = t0 + r.pregnancyDuration * rng.uniformPositive()
                    members.append(Member(group: .woman15to49, pregnant: true, eventTime: due,
                                          antenatal: (r.antenatalVisits, r.pregnancyDuration)))
                } else {
                    members.append(Member(group: .woman15to49))
                }
            } else {
                members.append(Member(group: .other))
            }
        }
        let household = Household(id: id, sector: sector, regime: enrolled ? start.regime : .none,
                                  consumptionPerPerson: consumption)
        return (household, members)
    }
}
