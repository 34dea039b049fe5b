import Foundation
import Yams

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
        case .real(let range), .realOrDerived(let range):
            if case .realOrDerived = kind, scalar.string == "derived" { return .derived }
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
        case .real, .realOrDerived, .integer: kind.expectationFR + ", en « \(unit) »"
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
