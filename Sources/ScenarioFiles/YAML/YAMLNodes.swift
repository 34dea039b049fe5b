import Foundation
import Yams

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
