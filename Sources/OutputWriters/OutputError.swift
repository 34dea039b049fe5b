#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why output could not be written. `description` is a French sentence for the analyst that names
/// the file or directory and, for a system failure, the operating system's own message and errno.
public struct OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// A system call failed; `action` says in French what was being done ("créer le dossier").
        case system(action: String, errno: Int32)
        /// A name given to `OutputTransaction.write` that is not a plain file name.
        case invalidFileName(String)
        /// The same file name written twice in one transaction.
        case duplicateFileName(String)
        /// The target (or one of its parents) exists and is not a directory.
        case notADirectory
        /// The target path cannot name an output directory ("/", ending in "." or "..").
        case invalidTarget
        /// The transaction was already committed or aborted.
        case transactionClosed
        /// A NaN or infinity about to be written to a CSV column; `row` is the line of the file
        /// (the header is line 1).
        case nonFiniteValue(column: String, row: Int)
    }

    public var reason: Reason
    /// The file or directory concerned, when there is one.
    public var path: String?

    public init(_ reason: Reason, path: String? = nil) {
        self.reason = reason
        self.path = path
    }

    /// The operating system's error number, for a failed system call.
    public var errorNumber: Int32? {
        if case let .system(_, code) = reason { return code }
        return nil
    }

    public static func nonFiniteValue(column: String, row: Int) -> OutputError {
        OutputError(.nonFiniteValue(column: column, row: row))
    }

    /// A failed system call, reading `errno` now.
    static func system(_ action: String, path: String, errno code: Int32 = errno) -> OutputError {
        OutputError(.system(action: action, errno: code), path: path)
    }

    public var description: String {
        let place = path.map { " « \($0) »" } ?? ""
        switch reason {
        case let .system(action, code):
            return "impossible de \(action)\(place) : \(String(cString: strerror(code))) (errno \(code))"
        case let .invalidFileName(name):
            return "nom de fichier de sortie invalide « \(name) » : un simple nom de fichier est attendu "
                + "(sans « / », ni « .. », ni caractère nul)"
        case let .duplicateFileName(name):
            return "le fichier « \(name) » a déjà été écrit dans ce dossier de sortie\(place)"
        case .notADirectory:
            return "le chemin\(place) existe et n'est pas un dossier ; "
                + "les résultats ne peuvent pas y être écrits"
        case .invalidTarget:
            return "chemin de sortie inutilisable\(place)"
        case .transactionClosed:
            return "écriture des résultats déjà terminée ou annulée\(place)"
        case let .nonFiniteValue(column, row):
            return "valeur non finie (NaN ou infini) dans la colonne « \(column) », ligne \(row)\(place) : "
                + "elle n'a pas été écrite (erreur du modèle à signaler)"
        }
    }
}
