import Foundation
import Yams

/// One scenario file being read: the path its errors show and its place in the `extends` chain.
struct FileContext: Sendable {
    var path: String
    /// 0 for the file loaded, 1 for the file it extends, and so on.
    var layer: Int

    func location(of node: Node) -> SourceLocation {
        SourceLocation(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(at node: Node, keyPath: String?, _ message: String) -> ScenarioError {
        ScenarioError(at: location(of: node), keyPath: keyPath, message)
    }
}

/// One parameter as one file sets it.
struct Setting: Sendable {
    var value: ParameterValue
    /// The `source:` written beside the value, if any.
    var source: String?
    /// Where the key is written.
    var location: SourceLocation
    /// The file's place in the `extends` chain (0 = the file loaded).
    var layer: Int
}

/// Reads a parameter leaf — a bare scalar or `{value: ..., unit: ..., source: "..."}` — and checks its
/// type, unit and range against its schema row (MODEL.md section 8). Sections, tax items and
/// timeline entries all go through here, so a value is judged the same way wherever it is written.
enum LeafParser {
    static let leafKeys = ["value", "unit", "source"]

    static func parse<Root>(_ node: Node, key: Node, field: ParameterSchema.Field<Root>, keyPath: String,
                            in file: FileContext) throws(ScenarioError) -> Setting {
        var valueNode = node
        var source: String?
        if case .mapping(let mapping) = node {
            var value: Node?
            for (keyNode, child) in mapping {
                let name = try YAMLNodes.keyName(keyNode, keyPath: keyPath, in: file)
                switch name {
                case "value": value = child
                case "unit": try checkUnit(child, field: field, keyPath: keyPath, in: file)
                case "source": source = try sourceText(child, keyPath: keyPath, in: file)
                default:
                    throw file.error(at: keyNode, keyPath: "\(keyPath).\(name)",
                                     Suggestions.unknownKey(name, parent: keyPath, candidates: leafKeys))
                }
            }
            guard let value else {
                throw file.error(at: node, keyPath: keyPath,
                                 "« value » absent ; attendu {value: ..., unit: \(field.unit), source: \"...\"}")
            }
            valueNode = value
        }
        let value = try parseValue(valueNode, kind: field.kind, unit: field.unit, keyPath: keyPath, in: file)
        return Setting(value: value, source: source, location: file.location(of: key), layer: file.layer)
    }

    /// Checks a scalar against a kind: numbers must be written as numbers (not quoted), finite and in range.
    static func parseValue(_ node: Node, kind: ParameterSchema.Kind, unit: String, keyPath: String,
                           in file: FileContext) throws(ScenarioError) -> ParameterValue {
        let expected = expectation(kind, unit: unit)
        guard case .scalar(let scalar) = node else {
            throw file.error(at: node, keyPath: keyPath, "trouvé \(YAMLNodes.describe(node)) ; attendu \(expected)")
        }
        let wrongType = file.error(at: node, keyPath: keyPath, "trouvé \(YAMLNodes.describe(node)) ; attendu \(expected)")
        switch kind {
        case .real(let range):
            guard let x = YAMLNodes.number(node) else { throw wrongType }
            guard x.isFinite else {
                throw file.error(at: node, keyPath: keyPath, "valeur non finie (\(scalar.string)) ; attendu \(expected)")
            }
            guard range.contains(x) else {
                throw file.error(at: node, keyPath: keyPath, "valeur \(scalar.string) hors limites ; attendu \(expected)"
                                     + fractionHint(unit: unit, value: x))
            }
            return .real(x)
        case .integer(let range):
            guard let x = YAMLNodes.number(node) else { throw wrongType }
            guard x.isFinite, x == x.rounded() else {
                throw file.error(at: node, keyPath: keyPath, "valeur \(scalar.string) non entière ; attendu \(expected)")
            }
            guard x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
                throw file.error(at: node, keyPath: keyPath, "valeur \(scalar.string) hors limites ; attendu \(expected)")
            }
            return .integer(Int(x))
        case .boolean:
            guard node.tag.rawValue == Tag.Name.bool.rawValue, let b = Bool.construct(from: scalar) else { throw wrongType }
            return .boolean(b)
        case .choice(let allowed):
            guard allowed.contains(scalar.string) else {
                throw file.error(at: node, keyPath: keyPath,
                                 "valeur « \(scalar.string) » non reconnue ; attendu \(expected)")
            }
            return .choice(scalar.string)
        case .text:
            guard node.tag.rawValue != Tag.Name.null.rawValue,
                  !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw wrongType }
            return .text(scalar.string)
        }
    }

    /// "un nombre entre 0 et 1 (bornes comprises), en « fraction »": the kind, and the unit of a number.
    static func expectation(_ kind: ParameterSchema.Kind, unit: String) -> String {
        switch kind {
        case .real, .integer: kind.expectationFR + ", en « \(unit) »"
        case .boolean, .choice, .text: kind.expectationFR
        }
    }

    /// Shares and rates are fractions; a value above 1 for such a key is most likely a percentage.
    private static func fractionHint(unit: String, value: Double) -> String {
        unit.hasPrefix("fraction") && abs(value) > 1 ? " ; " + fractionAdvice : ""
    }

    static let fractionAdvice = "les parts et les taux s'écrivent en fraction (0.15, pas 15)"

    private static func checkUnit<Root>(_ node: Node, field: ParameterSchema.Field<Root>, keyPath: String,
                                        in file: FileContext) throws(ScenarioError) {
        let given = node.scalar?.string.trimmingCharacters(in: .whitespaces)
        if let given, given.lowercased() == field.unit.lowercased() { return }
        let found = given.map { "unité « \($0) »" } ?? "unité \(YAMLNodes.describe(node))"
        let hint = field.unit.hasPrefix("fraction") ? " ; " + fractionAdvice : ""
        throw file.error(at: node, keyPath: keyPath, "\(found) ; attendu « \(field.unit) »\(hint)")
    }

    private static func sourceText(_ node: Node, keyPath: String, in file: FileContext) throws(ScenarioError) -> String {
        guard let scalar = node.scalar, node.tag.rawValue != Tag.Name.null.rawValue,
              case let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw file.error(at: node, keyPath: keyPath,
                             "source : trouvé \(YAMLNodes.describe(node)) ; attendu le titre d'un document, "
                                 + "« assumption : raison » ou « derived: calcul »")
        }
        return text
    }
}

/// Small readings of YAML nodes shared by the parsers.
enum YAMLNodes {
    /// A mapping key as text; keys that are lists or mappings are refused.
    static func keyName(_ node: Node, keyPath: String?, in file: FileContext) throws(ScenarioError) -> String {
        guard let scalar = node.scalar else {
            throw file.error(at: node, keyPath: keyPath, "clé qui est \(describe(node)) ; attendu un nom de paramètre")
        }
        return scalar.string
    }

    /// The number a plain scalar writes (ints, floats, .inf, .nan); nil for anything else, quoted numbers included.
    static func number(_ node: Node) -> Double? {
        guard let scalar = node.scalar else { return nil }
        switch node.tag.rawValue {
        case Tag.Name.int.rawValue:
            if let n = Int.construct(from: scalar) { return Double(n) }
            return Double(scalar.string.replacingOccurrences(of: "_", with: ""))  // beyond Int
        case Tag.Name.float.rawValue:
            return Double.construct(from: scalar)
        default:
            return nil
        }
    }

    /// What was found, in French, for "trouvé ... ; attendu ...".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            let tag = node.tag.rawValue
            if scalar.string.isEmpty && tag != Tag.Name.null.rawValue { return "un texte vide" }
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
                let isNumber = Double(scalar.string.trimmingCharacters(in: .whitespaces)) != nil
                return "le texte entre guillemets « \(scalar.string) »" + (isNumber ? " (écrire le nombre sans guillemets)" : "")
            }
            switch tag {
            case Tag.Name.null.rawValue: return "une valeur vide"
            case Tag.Name.bool.rawValue: return "le booléen \(scalar.string)"
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return "le nombre \(scalar.string)"
            default: return "le texte « \(scalar.string) »"
            }
        case .mapping: return "un mapping"
        case .sequence: return "une liste"
        case .alias: return "un alias"
        }
    }
}

/// "Vouliez-vous dire ... ?": the nearest known key by edit distance.
enum Suggestions {
    static func unknownKey(_ name: String, parent: String?, candidates: [String]) -> String {
        let full = KeyPathText.join((parent.map { [$0] } ?? []) + [name])
        var message = "clé inconnue « \(full) »"
        if let nearest = nearest(to: name, among: candidates) {
            message += " ; vouliez-vous dire « \(KeyPathText.join((parent.map { [$0] } ?? []) + [nearest])) » ?"
        }
        return message
    }

    static func nearest(to word: String, among candidates: [String]) -> String? {
        candidates.min { levenshtein(word, $0) < levenshtein(word, $1) }
    }

    /// Edit distance (insertions, deletions, substitutions), case-insensitive.
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased().unicodeScalars), b = Array(b.lowercased().unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
