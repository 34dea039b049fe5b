#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// One replication: the initial population, then year after year the households' blocks in parallel,
/// the year's money and its indicators.
///
/// Several scenarios can run one replication together. Households read only the rule tables of the
/// year (`Rules`, not the state budget, donors or earmarked taxes), so scenarios whose households read
/// the same tables in a year simulate exactly the same households that year (common random numbers):
/// that year is simulated once for all of them, and each computes its own money from the same accounts. Where
/// a scenario's households start to differ, it goes on with its own copy of the population.
/// The results are those of each scenario run alone, to the byte.
enum ReplicationRunner {
    static func run(_ p: Parameters, timeline: PolicyTimeline, seed: UInt64, replication: Int, threads: Int,
                    microdata: Bool, tracker: ProgressTracker) -> ReplicationResult {
        run([(p, timeline)], seed: seed, replication: replication, threads: threads, microdata: microdata,
            tracker: tracker)[0]
    }

    /// One replication of each scenario (same sample fraction and years), in the scenarios' order.
    static func run(_ scenarios: [(parameters: Parameters, timeline: PolicyTimeline)], seed: UInt64,
                    replication: Int, threads: Int, microdata: Bool, tracker: ProgressTracker) -> [ReplicationResult] {
        var tracks = scenarios.map { ScenarioTrack($0.parameters, timeline: $0.timeline, replication: replication) }
        // Populations and the scenarios that share each one, built once per distinct start.
        var lines: [(population: Population, scenarios: [Int])] = []
        for i in tracks.indices {
            if let k = lines.firstIndex(where: { tracks[$0.scenarios[0]].recipe == tracks[i].recipe }) {
                lines[k].scenarios.append(i)
            } else {
                lines.append((Population(tracks[i].recipe, seed: seed, replication: replication, threads: threads), [i]))
            }
        }
        let p = scenarios[0].parameters
        for year in p.simulation.startYear..<p.simulation.endYear {
            var next: [(population: Population, scenarios: [Int])] = []
            for line in lines {
                // The percentiles (the median, for the SPL and care; the quintiles), in one selection.
                let q = line.population.halfPercentiles()
                let contexts = line.scenarios.map { tracks[$0].context(year: year, seed: seed, census: line.population.census, q) }
                // Scenarios whose households see the same year go on together; the others each on a copy.
                var groups: [[Int]] = []
                for k in line.scenarios.indices {
                    if let g = groups.firstIndex(where: { contexts[$0[0]].simulatesHouseholdsAs(contexts[k]) }) {
                        groups[g].append(k)
                    } else {
                        groups.append([k])
                    }
                }
                // Copies are taken before anyone simulates the year.
                let populations = groups.indices.map { $0 == 0 ? line.population : line.population.copy() }
                for (group, population) in zip(groups, populations) {
                    let outcome = population.simulateYear(contexts[group[0]], threads: threads, microdata: microdata)
                    for k in group {
                        tracks[line.scenarios[k]].close(year: year, contexts[k], outcome, census: population.census)
                        tracker.yearDone()
                    }
                    population.census = outcome.nextCensus
                    next.append((population, group.map { line.scenarios[$0] }))
                }
            }
            lines = next
        }
        return tracks.map(\.result)
    }
}
