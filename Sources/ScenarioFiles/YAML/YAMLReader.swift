import Foundation
import Yams
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one scenario file into a YAML tree, turning every way that can fail into a located
/// `ScenarioError`. Hostile input is refused cheaply: over 10 MB, deeper than 64 levels, or too many nodes.
enum YAMLReader {
    static let maximumBytes = 10 * 1024 * 1024
    static let maximumDepth = 64
    /// Aliases can make a small file a huge tree ("billion laughs"); a scenario has a few hundred nodes.
    static let maximumNodes = 100_000
    static let tooManyNodes = "plus de \(maximumNodes) nœuds YAML (alias en cascade ?) ; attendu un scénario de taille raisonnable"

    /// The root node of the file at `url`, shown to the user as `path`.
    static func read(_ url: URL, path: String) throws(ScenarioError) -> Node {
        try read(text: try readText(url, path: path).text, path: path)
    }

    /// The file's bytes, exactly as read (for its fingerprint), and its root node.
    static func readDocument(_ url: URL, path: String) throws(ScenarioError) -> (bytes: Data, root: Node) {
        let (data, text) = try readText(url, path: path)
        return (data, try read(text: text, path: path))
    }

    /// The root node of a text read from `path`.
    static func read(text: String, path: String) throws(ScenarioError) -> Node {
        try AliasExpansion.check(text, path: path, limit: maximumNodes)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw scenarioError(for: error, text: text, path: path)
        } catch {
            throw ScenarioError(file: path, line: 1, column: 1, message: "YAML illisible : \(error)")
        }
        guard let root else {
            throw ScenarioError(file: path, line: 1, column: 1,
                                message: "fichier vide ; attendu un mapping YAML (clé: valeur), par exemple « extends: baseline.yaml »")
        }
        var budget = maximumNodes
        try checkShape(root, depth: 1, budget: &budget, path: path)
        return root
    }

    /// The file's bytes as text. Only a regular file is read, and never more than `maximumBytes` + 1
    /// bytes: a directory, a FIFO (which would wait for a writer forever), a device such as /dev/zero
    /// (which never ends) or a socket is refused before reading.
    private static func readText(_ url: URL, path: String) throws(ScenarioError) -> (data: Data, text: String) {
        let file = url.path
        guard !file.contains("\0") else {
            throw ScenarioError(file: path, message: "chemin contenant un caractère nul ; attendu un chemin de fichier")
        }
        var info = stat()
        guard stat(file, &info) == 0 else { throw openError(errno, file: file, path: path) }
        try checkKind(info, path: path)
        let fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw openError(errno, file: file, path: path) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw openError(errno, file: file, path: path) }
        try checkKind(info, path: path)  // it may have been replaced between stat and open
        if Int(info.st_size) > maximumBytes {
            throw ScenarioError(file: path, message: "fichier de \(info.st_size) octets ; attendu au plus 10 Mo (\(maximumBytes) octets)")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while data.count <= maximumBytes {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ScenarioError(file: path, message: "fichier illisible : \(String(cString: strerror(errno))) (errno \(errno))")
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        if data.count > maximumBytes {  // the file grew while being read
            throw ScenarioError(file: path, message: "fichier de plus de \(maximumBytes) octets ; attendu au plus 10 Mo")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = firstInvalidUTF8(in: data)
            throw ScenarioError(file: path, line: line, column: column,
                                message: "octets qui ne sont pas de l'UTF-8 ; attendu un fichier texte encodé en UTF-8")
        }
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let before = text.unicodeScalars[..<nul]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            throw ScenarioError(file: path, line: line, column: column,
                                message: "caractère nul (octet 0) dans le texte ; attendu un fichier texte YAML")
        }
        return (data, text)
    }

    private static func checkKind(_ info: stat, path: String) throws(ScenarioError) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw ScenarioError(file: path, message: "c'est un dossier ; attendu un fichier de scénario YAML")
        default:
            throw ScenarioError(file: path, message: "ce n'est pas un fichier ordinaire (tube, périphérique ou socket) ; "
                                    + "attendu un fichier de scénario YAML")
        }
    }

    private static func openError(_ code: Int32, file: String, path: String) -> ScenarioError {
        switch code {
        case ENOENT, ENOTDIR: ScenarioError(file: path, message: "fichier introuvable (\(file))")
        case EACCES, EPERM:
            ScenarioError(file: path, message: "lecture refusée (permission) ; attendu un fichier que l'utilisateur peut lire "
                              + "(chmod u+r)")
        default:
            ScenarioError(file: path, message: "fichier illisible : \(String(cString: strerror(code))) (errno \(code))")
        }
    }

    /// Line and column (1-based, in scalars) of the first byte that does not decode as UTF-8.
    private static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var decoder = UTF8()
        var bytes = data.makeIterator()
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }

    /// Depth and size of the tree; the root mapping is depth 1.
    private static func checkShape(_ node: Node, depth: Int, budget: inout Int, path: String) throws(ScenarioError) {
        budget -= 1
        let mark = node.mark
        if budget < 0 {
            throw ScenarioError(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1, message: tooManyNodes)
        }
        if depth > maximumDepth {
            throw ScenarioError(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                message: "imbrication de plus de \(maximumDepth) niveaux ; attendu des sections de paramètres peu profondes")
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                try checkShape(key, depth: depth + 1, budget: &budget, path: path)
                try checkShape(value, depth: depth + 1, budget: &budget, path: path)
            }
        case .sequence(let sequence):
            for item in sequence { try checkShape(item, depth: depth + 1, budget: &budget, path: path) }
        case .scalar, .alias:
            break
        }
    }

    /// libyaml's problems keep their (English) wording; the position is what the analyst needs.
    static func scenarioError(for error: YamlError, text: String, path: String) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.contains("nesting level") || (context?.text.contains("nesting level") ?? false) {
                return ScenarioError(file: path, line: mark.line, column: mark.column,
                                     message: "imbrication de plus de \(maximumDepth) niveaux ; attendu des sections de paramètres peu profondes")
            }
            let during = context.map { " (\($0.text), ligne \($0.mark.line))" } ?? ""
            return ScenarioError(file: path, line: mark.line, column: mark.column,
                                 message: "YAML invalide : \(problem)\(during) ; attendu un document YAML valide "
                                     + "(indentation par espaces, « clé: valeur », listes fermées)")
        case .reader(let problem, let offset, _, _):
            let (line, column) = position(ofCharacterOffset: offset ?? 0, in: text)
            return ScenarioError(file: path, line: line, column: column,
                                 message: "caractère illisible : \(problem) ; attendu du texte UTF-8 imprimable")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DuplicateKeyLocator.error(key: duplicates.first ?? "?", firstMark: context.mark, text: text, path: path)
        default:
            return ScenarioError(file: path, line: 1, column: 1, message: "YAML illisible : \(error)")
        }
    }

    private static func position(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}

/// POSIX read(2), named apart from `YAMLReader.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
