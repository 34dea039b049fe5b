import Foundation
import RamuModel
import Yams

/// Loads a scenario file: reads it and its `extends` ancestors, lets each file override its parent key by
/// key (MODEL.md section 8), writes the result over MODEL.md's defaults and checks it as a whole, then
/// builds the timeline of dated changes the files write, ancestors' first.
public enum ScenarioLoader {
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let layers = try readChain(path: path)
        let merged = merge(layers)
        let parameters = try apply(merged)
        try ConsistencyRules.check(parameters, settings: merged.settings, fallbackFile: path)
        let timeline = try TimelineBuilder.build(merged.timeline, base: parameters, fallbackFile: path)
        let child = layers[0]
        var scenario = Scenario(
            name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
            title: child.title,
            description: child.description,
            parameters: parameters,
            provenance: provenance(parameters, merged) + provenance(timeline),
            files: layers.map { URL(fileURLWithPath: $0.file.path).standardizedFileURL },
            timeline: timeline.timeline)
        scenario.fileContents = layers.map(\.bytes)
        return scenario
    }

    /// The longest `extends` chain read (a scenario, its baseline, and a few layers between).
    static let maximumChain = 32

    /// The file and its ancestors, child first. A parent is looked for beside the file that names it.
    static func readChain(path: String) throws(ScenarioError) -> [ScenarioLayer] {
        var layers: [ScenarioLayer] = []
        var seen: [String] = []  // canonical paths, to catch cycles
        var next = (path: path, namedAt: SourceLocation?.none)
        while true {
            let url = URL(fileURLWithPath: next.path)
            let canonical = url.standardizedFileURL.resolvingSymlinksInPath().path
            if let namedAt = next.namedAt, seen.contains(canonical) {
                let chain = (layers.map(\.file.path) + [next.path]).map { ($0 as NSString).lastPathComponent }
                throw ScenarioError(at: namedAt, keyPath: "extends",
                                    "cycle d'extends : \(chain.joined(separator: " → ")) ; "
                                        + "attendu une chaîne qui finit par un fichier sans extends")
            }
            if let namedAt = next.namedAt {
                if next.path.contains("\0") {
                    throw ScenarioError(at: namedAt, keyPath: "extends", "chemin contenant un caractère nul ; "
                                            + "attendu un chemin absolu ou relatif au dossier de ce fichier")
                }
                if layers.count >= maximumChain {
                    throw ScenarioError(at: namedAt, keyPath: "extends",
                                        "chaîne d'extends de plus de \(maximumChain) fichiers ; attendu une chaîne courte "
                                            + "qui finit par un fichier sans extends (baseline.yaml)")
                }
                // A link whose target cannot be reached (a loop of links) exists: reading it says why.
                if !FileManager.default.fileExists(atPath: url.path),
                   (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) == nil {
                    throw ScenarioError(at: namedAt, keyPath: "extends",
                                        "fichier parent introuvable : \(url.standardizedFileURL.path) ; "
                                            + "attendu un chemin absolu ou relatif au dossier de ce fichier")
                }
            }
            let file = FileContext(path: next.path, layer: layers.count)
            let root: Node, bytes: Data
            do {
                (bytes, root) = try YAMLReader.readDocument(url, path: next.path)
            } catch where error.line == nil && next.namedAt != nil {
                // The parent cannot be read at all (a directory, a device, no permission): say where it is named.
                throw ScenarioError(at: next.namedAt!, keyPath: "extends",
                                    "fichier parent \(url.standardizedFileURL.path) : \(error.message)")
            }
            var layer = try LayerParser.parse(root, in: file)
            layer.bytes = bytes
            layers.append(layer)
            seen.append(canonical)
            guard let parent = layer.extends else { return layers }
            next = (parentPath(parent.path, from: next.path), parent.location)
        }
    }

    /// An absolute path as written; a relative one joined to the directory of the file that names it.
    private static func parentPath(_ written: String, from child: String) -> String {
        if written.hasPrefix("/") { return written }
        let directory = (child as NSString).deletingLastPathComponent
        return directory.isEmpty ? written : (directory as NSString).appendingPathComponent(written)
    }

    /// What each key resolves to: the setting of the nearest file that writes it.
    struct Merged {
        var settings: [String: Setting] = [:]
        var taxes: [[String: Setting]] = []
        /// The ancestors' entries first, then the file's: timelines accumulate down the chain.
        var timeline: [TimelineEntry] = []
    }

    static func merge(_ layers: [ScenarioLayer]) -> Merged {
        var merged = Merged()
        for layer in layers.reversed() {  // oldest ancestor first, the file itself last
            merged.settings.merge(layer.settings) { _, child in child }
            if let taxes = layer.taxes { merged.taxes = taxes }  // a list replaces the parent's whole list
            merged.timeline += layer.timeline
        }
        return merged
    }

    private static func apply(_ merged: Merged) throws(ScenarioError) -> Parameters {
        var parameters = Parameters()
        for entry in ParameterSchema.entries {
            if let setting = merged.settings[entry.key] { entry.apply(setting.value, to: &parameters) }
        }
        parameters.taxes = merged.taxes.map { fields in
            var tax = EarmarkedTax(name: "", rate: 0, start: 0, collectionEfficiency: 0, shareToRAMU: 0)
            if let kind = fields[ParameterSchema.taxKindField.key] { ParameterSchema.taxKindField.apply(kind.value, to: &tax) }
            for field in ParameterSchema.taxFields(tax.kind) {
                if let setting = fields[field.key] { field.apply(setting.value, to: &tax) }
            }
            return tax
        }
        return parameters
    }

    private static func provenance(_ parameters: Parameters, _ merged: Merged) -> [ResolvedParameter] {
        var rows = ParameterSchema.entries.map { entry in
            row(key: entry.key, value: entry.valueText(in: parameters), unit: entry.unit, setting: merged.settings[entry.key])
        }
        for (index, (fields, tax)) in zip(merged.taxes, parameters.taxes).enumerated() {
            // A kind the file writes has its row (after the name); the default kind has none.
            var written = ParameterSchema.taxFields(tax.kind)
            if fields[ParameterSchema.taxKindField.key] != nil { written.insert(ParameterSchema.taxKindField, at: 1) }
            for field in written {
                let setting = fields[field.key]
                rows.append(row(key: "taxes[\(index)].\(field.key)", value: setting?.value.text ?? "",
                                unit: field.unit, setting: setting))
            }
        }
        return rows
    }

    /// One row per change of the timeline, in date order: "timeline[0].gratuites.arrangement".
    private static func provenance(_ built: TimelineBuilder.Built) -> [ResolvedParameter] {
        built.items.enumerated().map { index, item in
            row(key: "timeline[\(index)].\(item.field.key)", value: TimelineBuilder.valueText(item),
                unit: item.field.unit, setting: item.setting)
        }
    }

    private static func row(key: String, value: String, unit: String, setting: Setting?) -> ResolvedParameter {
        guard let setting else {
            return ResolvedParameter(key: key, value: value, unit: unit, source: ResolvedParameter.defaultSource,
                                     file: nil, line: nil)
        }
        let location = setting.location
        return ResolvedParameter(key: key, value: value, unit: unit,
                                 source: setting.source ?? "non documenté (\(location.fileName):\(location.line))",
                                 file: location.fileName, line: location.line)
    }
}
