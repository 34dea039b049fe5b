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
        let concurrent = max(1, min(options.threads, options.replications))
        let blockThreads = max(1, options.threads / concurrent)
        let years = p.simulation.endYear - p.simulation.startYear
        let tracker = ProgressTracker(total: years * options.replications, report: progress)
        return Parallel.map(count: options.replications, threads: concurrent, makeWorker: { () }) { _, r in
            keep(ReplicationRunner.run(p, timeline: timeline, seed: options.seed, replication: r,
                                       threads: blockThreads, microdata: options.microdata && r == 0,
                                       tracker: tracker))
        }
    }

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
