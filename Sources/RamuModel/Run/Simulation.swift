import EventEngine

/// How to run a scenario: the seed, how many replications, on how many threads, and whether to keep
/// replication 0's household microdata.
public struct RunOptions: Sendable, Equatable {
    public var seed: UInt64
    public var replications: Int
    public var threads: Int
    public var microdata: Bool

    public init(seed: UInt64 = 1, replications: Int = 10, threads: Int = 1, microdata: Bool = false) {
        self.seed = seed
        self.replications = replications
        self.threads = threads
        self.microdata = microdata
    }
}

/// Progress of a run, reported after each simulated year of each replication.
public struct RunProgress: Sendable, Equatable {
    public var yearsDone: Int
    public var yearsTotal: Int
}

/// Runs the model: replications in parallel, each a sequence of years, each year the households'
/// blocks in parallel (MODEL.md sections 2 to 9).
public enum Simulation {
    /// Runs every replication and returns them in replication order. Results are identical whatever
    /// `threads` is: each household draws from its own streams, and totals are added in block order.
    public static func run(_ p: Parameters, timeline: PolicyTimeline = PolicyTimeline(), options: RunOptions,
                           progress: (@Sendable (RunProgress) -> Void)? = nil) -> [ReplicationResult] {
        run(p, timeline: timeline, options: options, progress: progress) { $0 }
    }

    /// Runs every replication and returns `keep` of each, in replication order: `keep` runs as soon as a
    /// replication ends, so a long run holds only what its caller needs of each (memory stays bounded
    /// by that, not by whole replications).
    public static func run<Kept: Sendable>(_ p: Parameters, timeline: PolicyTimeline = PolicyTimeline(),
                                           options: RunOptions,
                                           progress: (@Sendable (RunProgress) -> Void)? = nil,
                                           keep: @escaping @Sendable (ReplicationResult) -> Kept) -> [Kept] {
        together([(p, timeline)], options: options, progress: progress, keep: keep)[0]
    }

    /// Runs several scenarios (same sample fraction and years) with the same options and returns, for
    /// each scenario in order, `keep` of its replications in replication order: exactly what `run`
    /// gives for each alone. Each replication runs all the scenarios together, so a year their
    /// households see alike is simulated once (see `ReplicationRunner`); when the populations that
    /// might be held at once are too large (`sharingLimit` persons), scenarios run one after the other.
    public static func runScenarios<Kept: Sendable>(_ scenarios: [(parameters: Parameters, timeline: PolicyTimeline)],
                                                    options: RunOptions,
                                                    sharingLimit: Double = sharedPersonsLimit,
                                                    progress: (@Sendable (RunProgress) -> Void)? = nil,
                                                    keep: @escaping @Sendable (ReplicationResult) -> Kept) -> [[Kept]] {
        guard let p = scenarios.first?.parameters else { return [] }
        let concurrent = max(1, min(options.threads, options.replications))
        let persons = p.demography.initialPopulation * p.simulation.sampleFraction
        guard persons * Double(scenarios.count * concurrent) <= sharingLimit else {
            // One scenario at a time; progress still counts every scenario's years.
            let yearsEach = (p.simulation.endYear - p.simulation.startYear) * options.replications
            var kept: [[Kept]] = []
            for (i, s) in scenarios.enumerated() {
                let total = scenarios.count * yearsEach
                let report: (@Sendable (RunProgress) -> Void)? = progress.map { report in
                    { @Sendable done in report(RunProgress(yearsDone: i * yearsEach + done.yearsDone, yearsTotal: total)) }
                }
                kept.append(run(s.parameters, timeline: s.timeline, options: options, progress: report, keep: keep))
            }
            return kept
        }
        return together(scenarios, options: options, progress: progress, keep: keep)
    }

    /// Replications in parallel, each running every scenario together (`ReplicationRunner`); `keep` of
    /// each replication as soon as it ends, regrouped by scenario.
    private static func together<Kept: Sendable>(_ scenarios: [(parameters: Parameters, timeline: PolicyTimeline)],
                                                 options: RunOptions,
                                                 progress: (@Sendable (RunProgress) -> Void)?,
                                                 keep: @escaping @Sendable (ReplicationResult) -> Kept) -> [[Kept]] {
        let p = scenarios[0].parameters
        let concurrent = max(1, min(options.threads, options.replications))
        let blockThreads = max(1, options.threads / concurrent)
        let years = p.simulation.endYear - p.simulation.startYear
        let tracker = ProgressTracker(total: years * options.replications * scenarios.count, report: progress)
        let byReplication = Parallel.map(count: options.replications, threads: concurrent, makeWorker: { () }) { _, r in
            ReplicationRunner.run(scenarios, seed: options.seed, replication: r, threads: blockThreads,
                                  microdata: options.microdata && r == 0, tracker: tracker).map(keep)
        }
        return scenarios.indices.map { i in byReplication.map { $0[i] } }
    }

    /// Persons (initial population × sample fraction × scenarios × replications at once) up to which
    /// `runScenarios` runs scenarios together: a population in memory takes about 80 bytes a person
    /// (1.6 GiB for all of Mali), so at most about 0.8 GiB of populations at once.
    public static let sharedPersonsLimit = 10_000_000.0

    /// One replication.
    public static func runReplication(_ p: Parameters, timeline: PolicyTimeline = PolicyTimeline(),
                                      seed: UInt64, replication: Int, threads: Int,
                                      microdata: Bool = false,
                                      progress: (@Sendable (RunProgress) -> Void)? = nil) -> ReplicationResult {
        let tracker = ProgressTracker(total: p.simulation.endYear - p.simulation.startYear, report: progress)
        return ReplicationRunner.run(p, timeline: timeline, seed: seed, replication: replication, threads: threads,
                                           microdata: microdata, tracker: tracker)
    }
}

/// Counts simulated years across replications and reports them.
final class ProgressTracker: Sendable {
    let total: Int
    let report: (@Sendable (RunProgress) -> Void)?
    private let done = Counter()

    init(total: Int, report: (@Sendable (RunProgress) -> Void)?) {
        self.total = total
        self.report = report
    }

    func yearDone() {
        let n = done.take() + 1
        report?(RunProgress(yearsDone: n, yearsTotal: total))
    }
}
