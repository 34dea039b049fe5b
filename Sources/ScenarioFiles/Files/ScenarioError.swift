import Foundation

/// A problem in a scenario file, located so the analyst can fix it: which file, where, which key, and in
/// French what was found and what was expected.
public struct ScenarioError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path as given on the command line, or as resolved from an `extends:`.
    public var file: String
    /// 1-based; nil only when the file itself cannot be read.
    public var line: Int?
    /// 1-based, in Unicode scalars (as libyaml counts).
    public var column: Int?
    /// Dotted key, e.g. "mutuelle.join_rate" or "taxes[0].rate".
    public var keyPath: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// "FILE:LINE:COL: clé « KEY » : MESSAGE", leaving out what is nil.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if let keyPath { text += "clé « \(keyPath) » : " }
        return text + message
    }
}

/// A position in a scenario file: the path as the user knows it, and a 1-based line and column.
struct SourceLocation: Sendable, Equatable {
    var path: String
    var line: Int
    var column: Int

    /// The file name alone, as provenance rows show it.
    var fileName: String { (path as NSString).lastPathComponent }
}

extension ScenarioError {
    init(at location: SourceLocation, keyPath: String?, _ message: String) {
        self.init(file: location.path, line: location.line, column: location.column, keyPath: keyPath, message: message)
    }
}
