import Foundation
import RamuModel
import Yams

/// One scenario file as written, before `extends` is resolved: the keys it sets and nothing else.
struct ScenarioLayer {
    var file: FileContext
    /// The file's bytes as read, for its fingerprint in a run's manifest.
    var bytes = Data()
    var title: String?
    var description: String?
    /// The `extends:` path as written, and where.
    var extends: (path: String, location: SourceLocation)?
    /// Keyed by schema key ("mutuelle.join_rate").
    var settings: [String: Setting] = [:]
    /// Each tax's fields keyed by field name; nil when the file does not write `taxes:`.
    var taxes: [[String: Setting]]?
    /// Dated changes in the order the file writes them (MODEL.md section 8).
    var timeline: [TimelineEntry] = []
}

/// Walks the top level of a scenario file (MODEL.md section 8) into a `ScenarioLayer`.
enum LayerParser {
    static let headerKeys = ["title", "description", "extends"]
    static var topLevelKeys: [String] { headerKeys + ParameterSchema.sections + ["taxes", "timeline"] }

    static func parse(_ root: Node, in file: FileContext) throws(ScenarioError) -> ScenarioLayer {
        guard case .mapping(let mapping) = root else {
            throw file.error(at: root, keyPath: nil,
                             "le document est \(YAMLNodes.describe(root)) ; attendu un mapping de sections "
                                 + "(title:, extends:, mutuelle:, ...)")
        }
        var layer = ScenarioLayer(file: file)
        for (keyNode, value) in mapping {
            let name = try YAMLNodes.keyName(keyNode, keyPath: nil, in: file)
            switch name {
            case "title":
                layer.title = try text(value, keyPath: name, in: file)
            case "description":
                layer.description = try text(value, keyPath: name, in: file)
            case "extends":
                layer.extends = (try text(value, keyPath: name, in: file), file.location(of: value))
            case "taxes":
                layer.taxes = try taxes(value, in: file)
            case "timeline":
                layer.timeline = try TimelineParser.parse(value, in: file)
            case _ where ParameterSchema.sections.contains(name):
                try section(name, value, into: &layer.settings, in: file)
            default:
                throw file.error(at: keyNode, keyPath: name, Suggestions.unknownKey(name, parent: nil, candidates: topLevelKeys))
            }
        }
        return layer
    }

    /// A section's keys; an empty section (`mutuelle:` alone) sets nothing.
    private static func section(_ name: String, _ node: Node, into settings: inout [String: Setting],
                                in file: FileContext) throws(ScenarioError) {
        if node.tag.rawValue == Tag.Name.null.rawValue, node.scalar != nil { return }
        guard case .mapping(let mapping) = node else {
            throw file.error(at: node, keyPath: name,
                             "trouvé \(YAMLNodes.describe(node)) ; attendu un mapping des paramètres de la section")
        }
        for (keyNode, value) in mapping {
            let leaf = try YAMLNodes.keyName(keyNode, keyPath: name, in: file)
            let key = "\(name).\(leaf)"
            guard let entry = ParameterSchema.entry(forKey: key) else {
                throw file.error(at: keyNode, keyPath: key, unknownParameter(leaf, section: name))
            }
            settings[key] = try LeafParser.parse(value, key: keyNode, field: entry, keyPath: key, in: file)
        }
    }

    /// Nearest key of the section; a key that exists in another section is pointed there.
    static func unknownParameter(_ leaf: String, section: String) -> String {
        if let elsewhere = ParameterSchema.entries.first(where: { $0.name == leaf }) {
            return "clé inconnue « \(section).\(leaf) » ; vouliez-vous dire « \(elsewhere.key) » ?"
        }
        let names = ParameterSchema.entries.filter { $0.section == section }.map(\.name)
        return Suggestions.unknownKey(leaf, parent: section, candidates: names)
    }

    /// `taxes:` replaces the whole list of the file it extends (MODEL.md section 7). Each item's `kind`
    /// (ad_valorem when absent) says which fields it must write (`ParameterSchema.taxFields`).
    private static func taxes(_ node: Node, in file: FileContext) throws(ScenarioError) -> [[String: Setting]] {
        guard case .sequence(let items) = node else {
            throw file.error(at: node, keyPath: "taxes",
                             "trouvé \(YAMLNodes.describe(node)) ; attendu une liste de taxes (taxes: [] pour aucune)")
        }
        var taxes: [[String: Setting]] = []
        for (index, item) in items.enumerated() {
            let itemPath = "taxes[\(index)]"
            guard case .mapping(let mapping) = item else {
                throw file.error(at: item, keyPath: itemPath,
                                 "trouvé \(YAMLNodes.describe(item)) ; attendu un mapping {name, base, rate, start, "
                                     + "collection_efficiency, share_to_ramu} (ou, avec kind: per_unit, rate, volume "
                                     + "et volume_growth au lieu de base et rate)")
            }
            var fields: [String: Setting] = [:]
            // The kind first: it says what the other fields are.
            var kind = TaxKind.adValorem
            for (keyNode, value) in mapping where keyNode.scalar?.string == ParameterSchema.taxKindField.key {
                let setting = try LeafParser.parse(value, key: keyNode, field: ParameterSchema.taxKindField,
                                                   keyPath: "\(itemPath).kind", in: file)
                if case .choice(let raw) = setting.value, let written = TaxKind(rawValue: raw) { kind = written }
                fields[ParameterSchema.taxKindField.key] = setting
            }
            let kindText = fields[ParameterSchema.taxKindField.key] == nil ? "ad_valorem (kind absent)" : kind.rawValue
            for (keyNode, value) in mapping {
                let name = try YAMLNodes.keyName(keyNode, keyPath: itemPath, in: file)
                if name == ParameterSchema.taxKindField.key { continue }
                guard let field = ParameterSchema.taxField(named: name, kind: kind) else {
                    let elsewhere = ParameterSchema.taxKinds(having: name)
                    let message = elsewhere.isEmpty
                        ? Suggestions.unknownKey(name, parent: itemPath,
                                                 candidates: ParameterSchema.taxFields(kind).map(\.key) + ["kind"])
                        : "« \(name) » n'est un champ que des taxes \(elsewhere.map(\.rawValue).joined(separator: ", ")) ; "
                            + "cette taxe est \(kindText) : attendu \(ParameterSchema.taxFieldList(kind))"
                    throw file.error(at: keyNode, keyPath: "\(itemPath).\(name)", message)
                }
                fields[name] = try LeafParser.parse(value, key: keyNode, field: field, keyPath: "\(itemPath).\(name)", in: file)
            }
            if let missing = ParameterSchema.taxFields(kind).first(where: { fields[$0.key] == nil }) {
                throw file.error(at: item, keyPath: "\(itemPath).\(missing.key)",
                                 "clé obligatoire absente ; attendu \(LeafParser.expectation(missing.kind, unit: missing.unit)) : "
                                     + "une taxe \(kindText) donne \(ParameterSchema.taxFieldList(kind))")
            }
            taxes.append(fields)
        }
        return taxes
    }

    private static func text(_ node: Node, keyPath: String, in file: FileContext) throws(ScenarioError) -> String {
        guard let scalar = node.scalar, node.tag.rawValue != Tag.Name.null.rawValue,
              !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw file.error(at: node, keyPath: keyPath, "trouvé \(YAMLNodes.describe(node)) ; attendu un texte non vide")
        }
        return scalar.string
    }
}
