import ArgumentParser
import Foundation
import OutputWriters

/// The output directories of one command, from before the simulation to the final renames.
///
/// They are opened (each an `OutputTransaction`: a hidden temporary directory beside its target) before
/// anything is simulated, so an output location that cannot be written is known at once, not after an
/// hour of simulation. A signal while computing removes them (`Interruption`); a signal while writing
/// them stops at the next file; the renames run to the end. Any failure leaves the previous outputs as
/// they were and no temporary directory behind, and ends the command with one French line and its
/// exit code: 3 when the outputs cannot be written, 4 when a result is not a finite number, 130 or 143
/// when interrupted.
final class OutputSession {
    private var transactions: [OutputTransaction]
    private var tokens: [Int]
    private let interruption = Interruption.shared

    /// Opens one transaction per target; on failure prints why and throws exit code 3.
    init(targets: [URL]) throws {
        transactions = []
        tokens = []
        do {
            for target in targets {
                let transaction = try OutputTransaction(target: target)
                transactions.append(transaction)
                tokens.append(interruption.register { transaction.abort() })
            }
        } catch {
            throw fail(error)
        }
    }

    var targets: [URL] { transactions.map(\.target) }

    /// Runs `body` (building the files in memory); a failure removes the temporary directories and
    /// ends the command (`fail`).
    func guarding<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw fail(error)
        }
    }

    /// Writes each target's files (same order as the targets), then puts every directory in place.
    /// `then` writes what goes beside them once they are in place (a comparison's own files).
    func commit(_ files: [[(name: String, data: Data)]], then: () throws -> Void = {}) throws {
        precondition(files.count == transactions.count, "un jeu de fichiers par dossier de sortie")
        do {
            try interruption.enter(.staging)
            for i in transactions.indices {
                for file in files[i] {
                    try interruption.checkpoint()
                    try transactions[i].write(file.name, data: file.data)
                    debugPause("RAMUSIM_TEST_STAGING_PAUSE_MS")
                }
            }
            try interruption.checkpoint()
            try interruption.enter(.committing)
        } catch {
            throw fail(error)
        }
        // Renames only from here on; signals wait until they are done.
        debugPause("RAMUSIM_TEST_COMMIT_PAUSE_MS")
        var committed: [String] = []
        for (i, transaction) in transactions.enumerated() {
            do {
                _ = try transaction.commit()
                committed.append(transaction.target.lastPathComponent)
            } catch {
                for rest in transactions[(i + 1)...] { rest.abort() }
                throw fail(transactions.count == 1 ? error : CommitFailure(error: error, committed: committed))
            }
        }
        unregisterAll()
        do {
            try then()
        } catch {
            throw fail(CommitFailure(error: error, committed: committed))
        }
        interruption.finishCommit(outputs: targets.map(\.path).joined(separator: ", "))
    }

    private func unregisterAll() {
        for token in tokens { interruption.unregister(token) }
        tokens = []
    }

    /// Removes every temporary directory, prints what happened and returns the exit code to throw.
    private func fail(_ error: Error) -> ExitCode {
        for transaction in transactions { transaction.abort() }
        unregisterAll()
        let code = reportFailure(error)
        interruption.reset()  // said once, with the exit code of what happened first
        return code
    }
}

/// One French line for a failure to write outputs, and its exit code.
func reportFailure(_ error: Error) -> ExitCode {
    switch error {
    case let interrupted as Interruption.Interrupted:
        printError("ramusim : interrompu par \(interrupted.name) pendant l'écriture des résultats ; les fichiers "
                   + "temporaires ont été supprimés, les résultats précédents sont intacts")
        return ExitCode(interrupted.exitCode)
    case let error as OutputError:
        if case .nonFiniteValue = error.reason {
            printError("ramusim : \(error) ; aucun fichier n'a été écrit")
            return nonFiniteExit
        }
        let advice = error.isDiskFull ? " ; libérez de la place ou choisissez un autre dossier avec --out" : ""
        printError("ramusim : \(error) ; rien n'a été écrit, les résultats précédents sont intacts\(advice)")
        return outputFailureExit
    case let failure as CommitFailure:
        printError("ramusim : \(failure)")
        return outputFailureExit
    case let exit as ExitCode:
        return exit
    default:
        printError("ramusim : \(error) ; rien n'a été écrit")
        return outputFailureExit
    }
}

/// A failure after some scenario directories were already put in place.
struct CommitFailure: Error, CustomStringConvertible {
    var error: Error
    var committed: [String]
    var description: String {
        let done = committed.isEmpty ? "aucun dossier de scénario n'a été remplacé"
            : "déjà remplacés : " + committed.map { "« \($0) »" }.joined(separator: ", ")
        return "\(error) ; comparaison incomplète (\(done), \(OutputFile.comparison.name) non écrit)"
    }
}

/// Debug builds only: waits the milliseconds named by an environment variable, so that an end-to-end
/// test can send a signal while the files are being written or renamed. Release builds ignore it.
func debugPause(_ variable: String) {
    #if DEBUG
    if let text = ProcessInfo.processInfo.environment[variable], let ms = UInt32(text) {
        usleep(ms * 1000)
    }
    #endif
}
