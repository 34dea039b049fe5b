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
        "multiplier", "elasticity", "log-sd", "boolean", "choice", "text", "FCFA/unit", "units",
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

/// An interval of allowed real values; either end may be open, closed or absent.
public struct ValueRange: Sendable, Equatable {
    public var lower: Double?
    public var lowerInclusive: Bool
    public var upper: Double?
    public var upperInclusive: Bool

    public init(lower: Double?, lowerInclusive: Bool, upper: Double?, upperInclusive: Bool) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    /// [0, 1]: shares, probabilities, rates written as fractions.
    public static let fraction = closed(0, 1)
    /// > 0.
    public static let positive = ValueRange(lower: 0, lowerInclusive: false, upper: nil, upperInclusive: false)
    /// ≥ 0.
    public static let nonNegative = ValueRange(lower: 0, lowerInclusive: true, upper: nil, upperInclusive: false)

    /// [a, b].
    public static func closed(_ a: Double, _ b: Double) -> ValueRange {
        ValueRange(lower: a, lowerInclusive: true, upper: b, upperInclusive: true)
    }

    /// ]a, b].
    public static func above(_ a: Double, through b: Double) -> ValueRange {
        ValueRange(lower: a, lowerInclusive: false, upper: b, upperInclusive: true)
    }

    /// [a, b[.
    public static func from(_ a: Double, below b: Double) -> ValueRange {
        ValueRange(lower: a, lowerInclusive: true, upper: b, upperInclusive: false)
    }

    public func contains(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        if let lower, lowerInclusive ? x < lower : x <= lower { return false }
        if let upper, upperInclusive ? x > upper : x >= upper { return false }
        return true
    }

    /// French wording that follows "un nombre": "entre 0 et 1 (bornes comprises)", "strictement positif (> 0)"...
    public var descriptionFR: String {
        let a = lower.map(ParameterValue.canonicalText)
        let b = upper.map(ParameterValue.canonicalText)
        switch (a, b) {
        case let (a?, b?):
            switch (lowerInclusive, upperInclusive) {
            case (true, true): return "entre \(a) et \(b) (bornes comprises)"
            case (false, true): return "dans ]\(a) ; \(b)] (supérieur à \(a), au plus \(b))"
            case (true, false): return "dans [\(a) ; \(b)[ (au moins \(a), inférieur à \(b))"
            case (false, false): return "strictement entre \(a) et \(b)"
            }
        case let (a?, nil):
            if a == "0" { return lowerInclusive ? "positif ou nul (≥ 0)" : "strictement positif (> 0)" }
            return lowerInclusive ? "supérieur ou égal à \(a)" : "supérieur à \(a)"
        case let (nil, b?):
            return upperInclusive ? "inférieur ou égal à \(b)" : "inférieur à \(b)"
        case (nil, nil):
            return "fini"
        }
    }
}

/// A checked value as a file gives it, before it is written into `Parameters`.
enum ParameterValue: Sendable, Equatable {
    case real(Double)
    case integer(Int)
    case boolean(Bool)
    case choice(String)
    case text(String)

    /// The canonical text provenance rows print.
    var text: String {
        switch self {
        case .real(let x): Self.canonicalText(x)
        case .integer(let n): String(n)
        case .boolean(let b): b ? "true" : "false"
        case .choice(let raw): raw
        case .text(let s): s
        }
    }

    /// Swift's shortest representation, without the ".0" of whole numbers: 0.051, 20537000, 1e+20.
    static func canonicalText(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}

/// How a field reaches its property; key paths are `Sendable` so the table can be a static constant.
enum Binding<Root>: Sendable {
    case real(WritableKeyPath<Root, Double> & Sendable)
    case integer(WritableKeyPath<Root, Int> & Sendable)
    case boolean(WritableKeyPath<Root, Bool> & Sendable)
    case text(WritableKeyPath<Root, String> & Sendable)
    case choice(get: @Sendable (Root) -> String, set: @Sendable (inout Root, String) -> Void)
}

// Row builders: each keeps a table line short (key, property, unit, allowed values, description).
extension ParameterSchema.Field {
    static func real(_ key: String, _ path: WritableKeyPath<Root, Double> & Sendable, _ unit: String,
                     _ range: ValueRange, _ descriptionFR: String) -> Self {
        Self(key: key, unit: unit, kind: .real(range), descriptionFR: descriptionFR, binding: .real(path))
    }

    static func integer(_ key: String, _ path: WritableKeyPath<Root, Int> & Sendable, _ unit: String,
                        _ range: ClosedRange<Int>, _ descriptionFR: String) -> Self {
        Self(key: key, unit: unit, kind: .integer(range), descriptionFR: descriptionFR, binding: .integer(path))
    }

    static func boolean(_ key: String, _ path: WritableKeyPath<Root, Bool> & Sendable, _ descriptionFR: String) -> Self {
        Self(key: key, unit: "boolean", kind: .boolean, descriptionFR: descriptionFR, binding: .boolean(path))
    }

    static func text(_ key: String, _ path: WritableKeyPath<Root, String> & Sendable, _ descriptionFR: String) -> Self {
        Self(key: key, unit: "text", kind: .text, descriptionFR: descriptionFR, binding: .text(path))
    }

    static func choice<Choice>(_ key: String, _ path: WritableKeyPath<Root, Choice> & Sendable,
                               _ descriptionFR: String) -> Self
    where Choice: RawRepresentable & CaseIterable & Sendable, Choice.RawValue == String {
        let binding = Binding<Root>.choice(
            get: { root in root[keyPath: path].rawValue },
            set: { root, raw in if let value = Choice(rawValue: raw) { root[keyPath: path] = value } })
        return Self(key: key, unit: "choice", kind: .choice(Choice.allCases.map(\.rawValue)),
                    descriptionFR: descriptionFR, binding: binding)
    }
}
