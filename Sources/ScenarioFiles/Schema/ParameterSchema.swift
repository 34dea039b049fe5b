import RamuModel

/// The table of every key a scenario file may set (MODEL.md section 8): its YAML name, canonical unit,
/// French description, allowed values, and the `Parameters` property it fills.
/// The rows are in `ParameterSchema+Table.swift`.
public struct ParameterSchema: Sendable {
    /// A row of the table: one parameter of `Root` (`Parameters`, or `EarmarkedTax` for a tax's fields).
    public struct Field<Root>: Sendable {
        /// Dotted snake_case key, e.g. "mutuelle.join_rate"; for a tax field, the field name, e.g. "rate".
        public let key: String
        /// Canonical unit, one of `ParameterSchema.canonicalUnits`.
        public let unit: String
        public let kind: Kind
        /// What the parameter means, in French, for the analyst reading `ramusim params`.
        public let descriptionFR: String
        let binding: Binding<Root>

        /// The section, e.g. "mutuelle" (empty for a tax field).
        public var section: String {
            guard let dot = key.firstIndex(of: ".") else { return "" }
            return String(key[..<dot])
        }

        /// The key within its section, e.g. "join_rate".
        public var name: String {
            guard let dot = key.firstIndex(of: ".") else { return key }
            return String(key[key.index(after: dot)...])
        }

        /// Canonical text of this parameter's value in `root` (as provenance rows print it).
        public func valueText(in root: Root) -> String { value(in: root).text }

        func value(in root: Root) -> ParameterValue {
            switch binding {
            case .real(let path): .real(root[keyPath: path])
            case .optionalReal(let path): root[keyPath: path].map(ParameterValue.real) ?? .derived
            case .integer(let path): .integer(root[keyPath: path])
            case .boolean(let path): .boolean(root[keyPath: path])
            case .text(let path): .text(root[keyPath: path])
            case .choice(let get, _): .choice(get(root))
            }
        }

        /// The property of a real-valued field, which a timeline ramp moves; nil for every other kind.
        var realKeyPath: (WritableKeyPath<Root, Double> & Sendable)? {
            if case .real(let path) = binding { return path }
            return nil
        }

        /// Writes a value already checked against `kind` (a value of another type is ignored).
        func apply(_ value: ParameterValue, to root: inout Root) {
            switch (binding, value) {
            case (.real(let path), .real(let x)): root[keyPath: path] = x
            case (.optionalReal(let path), .real(let x)): root[keyPath: path] = x
            case (.optionalReal(let path), .derived): root[keyPath: path] = nil
            case (.integer(let path), .integer(let n)): root[keyPath: path] = n
            case (.boolean(let path), .boolean(let b)): root[keyPath: path] = b
            case (.text(let path), .text(let s)): root[keyPath: path] = s
            case (.choice(_, let set), .choice(let raw)): set(&root, raw)
            default: break
            }
        }
    }

    public typealias Entry = Field<Parameters>
    public typealias TaxField = Field<EarmarkedTax>

    /// What values a key takes.
    public enum Kind: Sendable, Equatable {
        case real(ValueRange)
        /// `derived` (the model works it out: `budget.supply_side`), or a number in the range.
        case realOrDerived(ValueRange)
        case integer(ClosedRange<Int>)
        case boolean
        /// One of these raw values.
        case choice([String])
        /// Non-empty text.
        case text

        /// "un nombre entre 0 et 1 (bornes comprises)", "un entier entre 0 et 20", ...
        public var expectationFR: String {
            switch self {
            case .real(let range): "un nombre \(range.descriptionFR)"
            case .realOrDerived(let range): "« derived » (calculé par le modèle) ou un nombre \(range.descriptionFR)"
            case .integer(let range): "un entier entre \(range.lowerBound) et \(range.upperBound)"
            case .boolean: "un booléen (true ou false)"
            case .choice(let allowed): "une des valeurs " + allowed.joined(separator: ", ")
            case .text: "un texte non vide"
            }
        }
    }

    /// The unit strings a file may write, exactly as the table uses them (compared case-insensitively).
    public static let canonicalUnits = [
        "year", "years", "fraction", "fraction/year", "per year", "persons", "visits", "FCFA", "FCFA/year",
        "FCFA/person/year", "MFCFA", "USD/person/year", "FCFA/USD", "FCFA/PPP$", "PPP$/day", "needs/person/year",
        "multiplier", "elasticity", "log-sd", "boolean", "choice", "text", "FCFA/unit", "units", "log-odds",
    ]

    /// The sections of a scenario file, in table order.
    public static let sections: [String] = {
        var seen: [String] = []
        for entry in entries where !seen.contains(entry.section) { seen.append(entry.section) }
        return seen
    }()

    private static let entryIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for (i, entry) in entries.enumerated() { index[entry.key] = i }
        return index
    }()

    /// The row of a dotted key ("mutuelle.join_rate"), or nil if there is none.
    public static func entry(forKey key: String) -> Entry? {
        entryIndex[key].map { entries[$0] }
    }
}
