import Dispatch
import Foundation
import Synchronization

/// What Ctrl-C (SIGINT) or a `kill` (SIGTERM) does to a run: never leave a half-written result.
///
/// - While computing (loading, simulating, building tables in memory), the run stops at once: the
///   temporary directories opened for its outputs are removed, one French line is printed, and the
///   process exits with 128 + the signal (130 for SIGINT, 143 for SIGTERM). The previous outputs were
///   never touched.
/// - While staging (writing the files into the temporary directories), the signal is noted and the main
///   thread stops at its next file: it removes what it staged and exits the same way.
/// - While committing (the final renames), the signal waits: the commit finishes, so the outputs are
///   either all old or all new, and only then does the process exit with 130 or 143.
/// - Once the outputs are in place, what follows (the briefing pack, itself written atomically) runs to
///   its end, and the command exits with 130 or 143 (`exitIfInterrupted`), saying the outputs are whole.
///
/// The handlers run on a dispatch queue (`DispatchSource.makeSignalSource`, after the signals' default
/// action is replaced by SIG_IGN), so they may lock, print and clean up like ordinary code.
final class Interruption: Sendable {
    static let shared = Interruption()

    enum Phase: Sendable {
        case computing, staging, committing
        /// The outputs are in place; what remains is printing.
        case written
    }

    /// A signal noted and not yet acted on.
    struct Interrupted: Error, Sendable {
        var signal: Int32
        var exitCode: Int32 { 128 + signal }
        var name: String { signal == SIGINT ? "SIGINT (Ctrl-C)" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)" }
    }

    private struct State {
        var phase = Phase.computing
        var pending: Int32?
        var cleanups: [Int: @Sendable () -> Void] = [:]
        var nextCleanup = 0
        var sources: [DispatchSourceSignal] = []
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "ramusim.signals")

    /// Installs the handlers of SIGINT and SIGTERM; harmless twice.
    func install() {
        state.withLock { s in
            guard s.sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { [self] in received(signalNumber) }
                source.resume()
                s.sources.append(source)
            }
        }
    }

    /// Registers what to undo if a signal stops the run while computing (remove a temporary directory,
    /// stop a child process); returns a token for `unregister`.
    func register(cleanup: @escaping @Sendable () -> Void) -> Int {
        state.withLock { s in
            s.nextCleanup += 1
            s.cleanups[s.nextCleanup] = cleanup
            return s.nextCleanup
        }
    }

    func unregister(_ token: Int) {
        _ = state.withLock { $0.cleanups.removeValue(forKey: token) }
    }

    /// Moves to `phase`. Entering staging or committing after a signal already arrived throws it.
    func enter(_ phase: Phase) throws(Interrupted) {
        let pending: Int32? = state.withLock { s in
            if let signal = s.pending, phase != .computing { return signal }
            s.phase = phase
            return nil
        }
        if let pending { throw Interrupted(signal: pending) }
    }

    /// Throws the signal noted while staging, so the caller removes what it staged.
    func checkpoint() throws(Interrupted) {
        if let signal = state.withLock({ $0.pending }) { throw Interrupted(signal: signal) }
    }

    /// After the commit: a signal that arrived meanwhile ends the process now, the outputs complete.
    func finishCommit(outputs: String) {
        let pending: Int32? = state.withLock { s in
            s.phase = .written
            return s.pending
        }
        guard let pending else { return }
        let interrupted = Interrupted(signal: pending)
        printError("ramusim : interrompu par \(interrupted.name) pendant la mise en place des résultats ; "
                   + "elle a été terminée : \(outputs) contient les nouveaux résultats, complets")
        exit(interrupted.exitCode)
    }

    /// At the end of a command: a signal noted after the outputs were in place ends the process now.
    func exitIfInterrupted() {
        guard let pending = state.withLock({ $0.pending }) else { return }
        let interrupted = Interrupted(signal: pending)
        printError("ramusim : interrompu par \(interrupted.name) ; les résultats étaient déjà écrits, complets")
        exit(interrupted.exitCode)
    }

    /// After a failure already reported (the interruption itself, or a write that failed): back to
    /// computing, where a further signal ends the process at once, and a signal noted meanwhile
    /// forgotten, since the command ends with the exit code of what happened first.
    func reset() {
        state.withLock { s in
            s.phase = .computing
            s.pending = nil
        }
    }

    private func received(_ signalNumber: Int32) {
        state.withLock { s in
            if s.pending == nil { s.pending = signalNumber }
            let interrupted = Interrupted(signal: signalNumber)
            switch s.phase {
            case .staging, .committing:
                return  // the main thread acts at its next checkpoint, or once the renames are done
            case .written:
                return  // what follows the outputs (the briefing) ends its own atomic writes; `exitIfInterrupted`
            case .computing:
                for (_, cleanup) in s.cleanups.sorted(by: { $0.key < $1.key }) { cleanup() }
                s.cleanups = [:]
                printError("ramusim : interrompu par \(interrupted.name) ; rien n'a été écrit, les résultats précédents "
                           + "sont intacts")
            }
            // Worker threads may be mid-simulation: leave at once, without running exit handlers under them.
            _exit(interrupted.exitCode)
        }
    }
}
