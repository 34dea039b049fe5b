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
