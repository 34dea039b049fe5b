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
        /// A path that should be a regular file is a directory, a FIFO, a device...
        case notARegularFile
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

    /// The analyst's words for the failures an output location meets most; nil for the others
    /// (the system's own message, in English, always follows).
    static func frenchReason(_ code: Int32) -> String? {
        switch code {
        case ENOSPC: "disque plein"
        case EDQUOT: "quota de disque dépassé"
        case EACCES, EPERM: "permission refusée"
        case EROFS: "système de fichiers en lecture seule"
        case ENAMETOOLONG: "nom de fichier trop long"
        case ENOENT: "chemin introuvable"
        case EIO: "erreur d'entrée-sortie du disque"
        default: nil
        }
    }

    /// Whether the failure is the disk or quota being full.
    public var isDiskFull: Bool { errorNumber == ENOSPC || errorNumber == EDQUOT }

    public var description: String {
        let place = path.map { " « \($0) »" } ?? ""
        switch reason {
        case let .system(action, code):
            let french = OutputError.frenchReason(code).map { "\($0) — " } ?? ""
            let of = "aeéèêiouh".contains(action.first ?? "x") ? "d'" : "de "
            return "impossible \(of)\(action)\(place) : \(french)\(String(cString: strerror(code))) (errno \(code))"
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
        case .notARegularFile:
            return "le chemin\(place) n'est pas un fichier ordinaire (dossier, tube ou périphérique)"
        case let .nonFiniteValue(column, row) where row == 0:
            return "valeur non finie (NaN ou infini) pour « \(column) »\(place) : elle n'a pas été écrite (erreur à signaler)"
        case let .nonFiniteValue(column, row):
            return "valeur non finie (NaN ou infini) dans la colonne « \(column) », ligne \(row)\(place) : "
                + "elle n'a pas été écrite (erreur du modèle à signaler)"
        }
    }
}
