import Foundation
import RamuModel

/// A scenario file loaded, its `extends` chain resolved and every value checked (MODEL.md section 8).
public struct Scenario: Sendable {
    /// The file name without its extension, e.g. "baseline".
    public var name: String
    /// The file's own French `title:`; not inherited from the file it extends.
    public var title: String?
    /// The file's own `description:`; not inherited either.
    public var description: String?
    /// Every parameter, after `extends`: defaults, then each ancestor, then the file itself.
    public var parameters: Parameters
    /// One row per schema key in schema order, then one per field of each tax, then one per change of
    /// `timeline` in its order ("timeline[0].gratuites.arrangement", value "integrated à partir de 2023").
    public var provenance: [ResolvedParameter]
    /// The file and its `extends` ancestors, child first.
    public var files: [URL]
    /// The bytes of each of `files` as they were read (same order): what a manifest fingerprints.
    public var fileContents: [Data] = []
    /// Dated changes to `parameters` (MODEL.md section 8): the ancestors' entries, then the file's own,
    /// ordered by date; empty when no file of the chain writes `timeline:`.
    public var timeline: PolicyTimeline

    public init(name: String, title: String?, description: String?, parameters: Parameters,
                provenance: [ResolvedParameter], files: [URL], timeline: PolicyTimeline = PolicyTimeline()) {
        self.name = name
        self.title = title
        self.description = description
        self.parameters = parameters
        self.provenance = provenance
        self.files = files
        self.timeline = timeline
    }
}

/// One parameter as resolved: its value, unit and the source a briefing can cite.
public struct ResolvedParameter: Sendable, Equatable {
    /// Dotted path, e.g. "budget.health_share" or "taxes[0].rate".
    public var key: String
    /// Canonical text of the value: shortest Double (0.051, 20537000), plain Int, true/false, raw enum value.
    public var value: String
    /// The key's canonical unit (`ParameterSchema.canonicalUnits`).
    public var unit: String
    /// The file's `source:`; "non documenté (file:line)" for a bare value; "MODEL.md (valeur par défaut)" if no file set it.
    public var source: String
    /// Name of the file that set the value; nil for a default.
    public var file: String?
    /// Line of the key in that file.
    public var line: Int?

    public init(key: String, value: String, unit: String, source: String, file: String?, line: Int?) {
        self.key = key
        self.value = value
        self.unit = unit
        self.source = source
        self.file = file
        self.line = line
    }

    /// The source written for a value that no file sets.
    public static let defaultSource = "MODEL.md (valeur par défaut)"
}
