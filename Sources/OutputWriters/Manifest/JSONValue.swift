import Foundation

/// A JSON document written the same way every time: keys sorted by their UTF-8 bytes, two-space
/// indentation, one member per line, "\n" at the end, text as UTF-8 (only `"`, `\` and control
/// characters escaped). Two equal values give the same bytes, so a manifest can be compared and hashed.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A whole number above `Int.max` (a seed).
    case unsigned(UInt64)
    /// A finite number, written in Swift's shortest form that reads back to the same Double.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The document's text. A NaN or infinity is refused with `OutputError.nonFiniteValue`
    /// (column: the key path of the value, row 0), never written.
    public func render() throws -> String {
        var text = ""
        try write(into: &text, indent: 0, path: "")
        return text + "\n"
    }

    private func write(into text: inout String, indent: Int, path: String) throws {
        switch self {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .integer(let n): text += String(n)
        case .unsigned(let n): text += String(n)
        case .number(let x):
            guard x.isFinite else { throw OutputError.nonFiniteValue(column: path, row: 0) }
            text += x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
        case .string(let s): JSONValue.quote(s, into: &text)
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "[\n"
            for (i, item) in items.enumerated() {
                text += String(repeating: " ", count: indent + 2)
                try item.write(into: &text, indent: indent + 2, path: "\(path)[\(i)]")
                text += i == items.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            text += "{\n"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (i, key) in keys.enumerated() {
                text += String(repeating: " ", count: indent + 2)
                JSONValue.quote(key, into: &text)
                text += ": "
                try members[key]!.write(into: &text, indent: indent + 2, path: path.isEmpty ? key : "\(path).\(key)")
                text += i == keys.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: " ", count: indent) + "}"
        }
    }

    private static func quote(_ s: String, into text: inout String) {
        text += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// Reads a JSON document; nil if it is not JSON (RFC 8259), nests deeper than 64 levels, or has
    /// a number that is not finite.
    public static func parse(_ data: Data) -> JSONValue? {
        var parser = JSONParser(bytes: Array(data))
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        return parser.position == parser.bytes.count ? value : nil
    }

    // Readers for the manifest: nil when the value is not of that type.
    public subscript(_ key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var int: Int? {
        switch self {
        case .integer(let n): return n
        case .unsigned(let n): return Int(exactly: n)
        case .number(let x): return Int(exactly: x)
        default: return nil
        }
    }
    public var uint64: UInt64? {
        switch self {
        case .integer(let n): return UInt64(exactly: n)
        case .unsigned(let n): return n
        default: return nil
        }
    }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var double: Double? {
        switch self {
        case .integer(let n): return Double(n)
        case .unsigned(let n): return Double(n)
        case .number(let x): return x
        default: return nil
        }
    }
}

/// A small strict JSON reader (what `JSONValue.render` writes, and any other valid JSON).
private struct JSONParser {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x0a, 0x0d, 0x09].contains(bytes[position]) { position += 1 }
    }

    mutating func value(depth: Int) -> JSONValue? {
        guard depth < 64 else { return nil }
        skipSpace()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if consume("}") { return .object(members) }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard consume(":"), let item = value(depth: depth + 1), members[key] == nil else { return nil }
                members[key] = item
                skipSpace()
                if consume("}") { return .object(members) }
                guard consume(",") else { return nil }
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if consume("]") { return .array(items) }
            while true {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipSpace()
                if consume("]") { return .array(items) }
                guard consume(",") else { return nil }
            }
        case UInt8(ascii: "\""):
            return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number()
        }
    }

    private mutating func consume(_ c: Character) -> Bool {
        guard position < bytes.count, bytes[position] == c.asciiValue! else { return false }
        position += 1
        return true
    }

    private mutating func literal(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard position + w.count <= bytes.count, Array(bytes[position..<position + w.count]) == w else { return false }
        position += w.count
        return true
    }

    private mutating func number() -> JSONValue? {
        let start = position
        let allowed = Set("+-0123456789.eE".utf8)
        while position < bytes.count, allowed.contains(bytes[position]) { position += 1 }
        guard position > start, let text = String(bytes: bytes[start..<position], encoding: .utf8) else { return nil }
        let isInteger = !text.contains { ".eE".contains($0) }
        if isInteger, let n = Int(text) { return .integer(n) }
        if isInteger, let n = UInt64(text) { return .unsigned(n) }
        guard let x = Double(text), x.isFinite, text.first != "+", !text.hasPrefix("."), !text.hasPrefix("-.") else {
            return nil
        }
        return .number(x)
    }

    private mutating func string() -> String? {
        guard consume("\"") else { return nil }
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []  // UTF-8 bytes of the run since the last escape
        func flush() -> Bool {
            guard let piece = String(bytes: raw, encoding: .utf8) else { return false }
            scalars.append(contentsOf: piece.unicodeScalars)
            raw.removeAll(keepingCapacity: true)
            return true
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard flush() else { return nil }
                return String(scalars)
            case UInt8(ascii: "\\"):
                guard flush(), position < bytes.count else { return nil }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0c}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    guard var code = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(code) {  // a surrogate pair
                        guard literal("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { return nil }
                    scalars.append(scalar)
                default: return nil
                }
            case 0..<0x20: return nil
            default: raw.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count,
              let text = String(bytes: bytes[position..<position + 4], encoding: .ascii),
              let code = UInt32(text, radix: 16) else { return nil }
        position += 4
        return code
    }
}
