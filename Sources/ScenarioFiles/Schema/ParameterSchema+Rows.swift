// Row builders: each keeps a table line short (key, property, unit, allowed values, description).
extension ParameterSchema.Field {
    static func real(_ key: String, _ path: WritableKeyPath<Root, Double> & Sendable, _ unit: String,
                     _ range: ValueRange, _ descriptionFR: String) -> Self {
        Self(key: key, unit: unit, kind: .real(range), descriptionFR: descriptionFR, binding: .real(path))
    }

    static func realOrDerived(_ key: String, _ path: WritableKeyPath<Root, Double?> & Sendable, _ unit: String,
                              _ range: ValueRange, _ descriptionFR: String) -> Self {
        Self(key: key, unit: unit, kind: .realOrDerived(range), descriptionFR: descriptionFR, binding: .optionalReal(path))
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
