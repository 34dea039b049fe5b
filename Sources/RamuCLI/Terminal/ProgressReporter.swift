import Foundation
import RamuModel
import Synchronization

/// Progress on standard error for runs that last more than a moment: replications done and time left.
/// For a comparison, `replications` counts every scenario's (scenarios × replications).
final class ProgressReporter: Sendable {
    private struct State {
        var lastPrint: ContinuousClock.Instant?
        var printed = false
    }

    private let label: String
    private let replications: Int
    private let started = ContinuousClock.now
    private let state = Mutex(State())
    private let interactive = isatty(STDERR_FILENO) != 0

    init(label: String, replications: Int) {
        self.label = label
        self.replications = replications
    }

    func update(_ p: RunProgress) {
        let now = ContinuousClock.now
        let elapsed = now - started
        let (yearsDone, yearsTotal) = (p.yearsDone, p.yearsTotal)
        guard elapsed > .milliseconds(1500), yearsDone < yearsTotal else { return }
        let line: String? = state.withLock { s in
            let every: Duration = interactive ? .milliseconds(250) : .seconds(10)
            if let last = s.lastPrint, now - last < every { return nil }
            s.lastPrint = now
            s.printed = true
            let fraction = Double(yearsDone) / Double(yearsTotal)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let left = seconds * (1 - fraction) / max(fraction, 1e-9)
            let perReplication = p.yearsTotal / max(1, replications)
            let done = yearsDone / max(1, perReplication)
            return "\(label) : \(done)/\(replications) réplications (\(clampedInt((100 * fraction).rounded(.down))) %), "
                + "encore environ \(formatSeconds(left))"
        }
        guard let line else { return }
        FileHandle.standardError.write(Data((interactive ? "\r\(line)  " : "\(line)\n").utf8))
    }

    func finish() {
        let printed = state.withLock { $0.printed }
        if printed && interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// A time left for the progress line: "42 s", "3 min 05 s", "2 h 07 min".
func formatSeconds(_ seconds: Double) -> String {
    let s = max(0, clampedInt(seconds))
    if s < 60 { return "\(s) s" }
    if s < 3600 { return "\(s / 60) min \(String(format: "%02ld", s % 60)) s" }
    return "\(s / 3600) h \(String(format: "%02ld", s % 3600 / 60)) min"
}
