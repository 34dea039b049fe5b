/// A checked value as a file gives it, before it is written into `Parameters`.
enum ParameterValue: Sendable, Equatable {
    case real(Double)
    case integer(Int)
    case boolean(Bool)
    case choice(String)
    case text(String)
    /// `derived`: the model works the value out (a `realOrDerived` key).
    case derived

    /// The canonical text provenance rows print.
    var text: String {
        switch self {
        case .derived: "derived"
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
