import Yams

/// One entry of `timeline:` as a file writes it (MODEL.md section 8): a step (`at:` and `set:`) or a
/// ramp (`from:`, `to:` and `ramp:`). Its values are already checked like the same keys in their
/// sections; its dates are checked against the simulated period once `extends` is resolved.
struct TimelineEntry: Sendable {
    enum Kind: Sendable { case step, ramp }

    /// A date as written: a decimal year, and where it is for errors.
    struct WrittenDate: Sendable {
        var value: Double
        var location: SourceLocation
        /// "timeline[2].from".
        var keyPath: String
    }

    /// One key of the entry's `set:` or `ramp:`.
    struct Change: Sendable {
        var field: ParameterSchema.Entry
        /// The value (a ramp's target), its source and where its key is written.
        var setting: Setting
        /// "timeline[1].set.ramu.active", as the file writes it.
        var keyPath: String
    }

    var kind: Kind
    /// `at:` for a step, `from:` for a ramp.
    var start: WrittenDate
    /// `to:` for a ramp; the same as `start` for a step.
    var end: WrittenDate
    /// In the order the file writes them.
    var changes: [Change]
}

/// Reads `timeline:` into entries; the values go through `LeafParser`, so a value is judged the same way
/// in the timeline as in its section (type, unit, range).
enum TimelineParser {
    static let entryKeys = ["at", "set", "from", "to", "ramp"]
    /// Fixed for the whole run: the period simulated and the households drawn cannot change midway.
    static let fixedKeys = ["simulation.start_year", "simulation.end_year", "simulation.sample_fraction"]

    private static let shapes = "attendu soit at et set (un changement à une date), soit from, to et ramp (une rampe)"

    /// `timeline:` alone (null) or `timeline: []` is no change.
    static func parse(_ node: Node, in file: FileContext) throws(ScenarioError) -> [TimelineEntry] {
        if node.tag.rawValue == Tag.Name.null.rawValue, node.scalar != nil { return [] }
        guard case .sequence(let items) = node else {
            throw file.error(at: node, keyPath: "timeline",
                             "trouvé \(YAMLNodes.describe(node)) ; attendu une liste de changements datés "
                                 + "(« - at: 2023.0 » avec « set: », ou « - from: 2021.0 » avec « to: » et « ramp: »)")
        }
        var entries: [TimelineEntry] = []
        for (index, item) in items.enumerated() {
            entries.append(try entry(item, path: "timeline[\(index)]", in: file))
        }
        return entries
    }

    private static func entry(_ node: Node, path: String, in file: FileContext) throws(ScenarioError) -> TimelineEntry {
        guard case .mapping(let mapping) = node, !mapping.isEmpty else {
            let found = node.mapping != nil ? "un mapping vide" : YAMLNodes.describe(node)
            throw file.error(at: node, keyPath: path, "trouvé \(found) ; \(shapes)")
        }
        // The first key says which shape the entry has; every other key must belong to it.
        var shape: (kind: TimelineEntry.Kind, firstKey: String)?
        var nodes: [String: (key: Node, value: Node)] = [:]
        for (keyNode, value) in mapping {
            let name = try YAMLNodes.keyName(keyNode, keyPath: path, in: file)
            guard entryKeys.contains(name) else {
                throw file.error(at: keyNode, keyPath: "\(path).\(name)",
                                 Suggestions.unknownKey(name, parent: path, candidates: entryKeys))
            }
            let kind: TimelineEntry.Kind = name == "at" || name == "set" ? .step : .ramp
            if let shape, shape.kind != kind {
                throw file.error(at: keyNode, keyPath: "\(path).\(name)", "« \(name) » avec « \(shape.firstKey) » ; \(shapes)")
            }
            shape = shape ?? (kind, name)
            nodes[name] = (keyNode, value)
        }
        let kind = shape?.kind ?? .step  // set by the first key of a non-empty mapping
        let (startKey, endKey, bodyKey) = kind == .step ? ("at", "at", "set") : ("from", "to", "ramp")
        for name in [startKey, endKey, bodyKey] where nodes[name] == nil {
            throw file.error(at: node, keyPath: "\(path).\(name)", "clé obligatoire absente ; \(shapes)")
        }
        let start = try date(nodes[startKey]!.value, keyPath: "\(path).\(startKey)", in: file)
        let end = try date(nodes[endKey]!.value, keyPath: "\(path).\(endKey)", in: file)
        if kind == .ramp && end.value <= start.value {
            throw ScenarioError(at: end.location, keyPath: end.keyPath,
                                "to = \(dateText(end.value)) avec from = \(dateText(start.value)) ; attendu une fin "
                                    + "strictement après le début (pour un changement immédiat, utilisez at et set)")
        }
        let body = nodes[bodyKey]!
        let changes = try changes(body.value, key: body.key, kind: kind, path: "\(path).\(bodyKey)", in: file)
        return TimelineEntry(kind: kind, start: start, end: end, changes: changes)
    }

    /// A decimal year written as a number: 2023, 2023.0, 2023.5.
    private static func date(_ node: Node, keyPath: String, in file: FileContext) throws(ScenarioError) -> TimelineEntry.WrittenDate {
        guard let x = YAMLNodes.number(node), x.isFinite else {
            throw file.error(at: node, keyPath: keyPath,
                             "trouvé \(YAMLNodes.describe(node)) ; attendu une date en année décimale, "
                                 + "écrite comme un nombre (2023.0, ou 2023.5 pour le milieu de l'année)")
        }
        return TimelineEntry.WrittenDate(value: x, location: file.location(of: node), keyPath: keyPath)
    }

    /// The keys of `set:` or `ramp:`, written in full ("ramu.active"), each with a value or `{value, unit, source}`.
    private static func changes(_ node: Node, key: Node, kind: TimelineEntry.Kind, path: String,
                                in file: FileContext) throws(ScenarioError) -> [TimelineEntry.Change] {
        let example = kind == .step ? "« gratuites.arrangement: integrated »" : "« budget.health_share: 0.15 »"
        guard case .mapping(let mapping) = node, !mapping.isEmpty else {
            let found = node.mapping != nil ? "un mapping vide" : YAMLNodes.describe(node)
            // An empty value has no place of its own in the text: point at its key.
            let isEmpty = node.tag.rawValue == Tag.Name.null.rawValue && node.scalar?.string.isEmpty == true
            throw file.error(at: isEmpty ? key : node, keyPath: path,
                             "trouvé \(found) ; attendu au moins un paramètre et sa valeur, par exemple \(example)")
        }
        var changes: [TimelineEntry.Change] = []
        for (keyNode, value) in mapping {
            let key = try YAMLNodes.keyName(keyNode, keyPath: path, in: file)
            let keyPath = "\(path).\(key)"
            let field = try field(key, at: keyNode, keyPath: keyPath, kind: kind, in: file)
            let setting = try LeafParser.parse(value, key: keyNode, field: field, keyPath: keyPath, in: file)
            changes.append(TimelineEntry.Change(field: field, setting: setting, keyPath: keyPath))
        }
        return changes
    }

    /// The schema row of a key the timeline may change.
    private static func field(_ key: String, at node: Node, keyPath: String, kind: TimelineEntry.Kind,
                              in file: FileContext) throws(ScenarioError) -> ParameterSchema.Entry {
        if key == "taxes" || key.hasPrefix("taxes.") || key.hasPrefix("taxes[") {
            throw file.error(at: node, keyPath: keyPath,
                             "les taxes ne changent pas par le calendrier : chaque taxe a sa date d'entrée en vigueur ; "
                                 + "attendu la taxe dans la liste taxes, avec son start")
        }
        if fixedKeys.contains(key) {
            throw file.error(at: node, keyPath: keyPath,
                             "« \(key) » ne peut pas changer en cours de simulation : la période simulée (start_year, "
                                 + "end_year) et l'échantillon de ménages (sample_fraction) valent pour toute la simulation ; "
                                 + "attendu cette valeur dans la section simulation")
        }
        guard let field = ParameterSchema.entry(forKey: key) else {
            throw file.error(at: node, keyPath: keyPath, unknownKey(key))
        }
        if case .realOrDerived = field.kind {
            throw file.error(at: node, keyPath: keyPath,
                             "« \(key) » est un montant de l'année de début (ou derived) : il ne change pas par le "
                                 + "calendrier ; attendu cette valeur dans sa section (l'offre croît ensuite avec la "
                                 + "population, les prix et budget.supply_side_real_growth)")
        }
        if kind == .ramp, field.realKeyPath == nil {
            let what = switch field.kind {
            case .boolean: "un booléen"
            case .choice: "un choix"
            case .integer: "un entier"
            case .text, .real, .realOrDerived: "un texte"
            }
            throw file.error(at: node, keyPath: keyPath,
                             "« \(key) » est \(what) : une rampe ne s'applique qu'à un nombre ; utilisez at/set")
        }
        return field
    }

    /// Keys are written in full here; a section name alone, or a key of a known section, gets the nearest key.
    private static func unknownKey(_ key: String) -> String {
        if let first = ParameterSchema.entries.first(where: { $0.section == key }) {
            return "« \(key) » est une section ; attendu une clé complète, par exemple « \(first.key) »"
        }
        if let dot = key.firstIndex(of: "."), case let section = String(key[..<dot]),
           ParameterSchema.sections.contains(section) {
            return LayerParser.unknownParameter(String(key[key.index(after: dot)...]), section: section)
        }
        return Suggestions.unknownKey(key, parent: nil, candidates: ParameterSchema.entries.map(\.key))
    }

    /// A date in its shortest form: 2023, 2023.5.
    static func dateText(_ year: Double) -> String { ParameterValue.canonicalText(year) }
}
