import CYaml
import Foundation

/// How many nodes a YAML text becomes once its aliases are expanded, counted on libyaml's events
/// before anything is built: a "billion laughs" file (aliases of aliases) is refused in time linear in
/// the text. Yams expands aliases while composing, and checks a mapping for duplicate keys by hashing
/// them whole: an alias used as a key (`*a6: x`) that stands for a million nodes took minutes there
/// (found by `scripts/fuzz`), before the node count of `YAMLReader.checkShape` could stop it.
///
/// Yams' own C module (libyaml) is used directly for this one pass; everything else goes through Yams.
enum AliasExpansion {
    /// Where the expanded tree first exceeds `limit` nodes (1-based line and column of the event that
    /// crosses it), or nil when it stays within it or the text does not parse (composing reports why).
    static func firstExcess(in text: String, limit: Int) -> (line: Int, column: Int)? {
        // Most files have no anchor at all: nothing can be expanded.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var total = 0  // nodes so far, aliases expanded
            var sizes: [String: Int] = [:]  // anchor → nodes its node expands to
            var open: [(anchor: String?, start: Int)] = []  // collections being read
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    total += 1
                    if let anchor = string(event.data.scalar.anchor) { sizes[anchor] = 1 }
                case YAML_SEQUENCE_START_EVENT:
                    open.append((string(event.data.sequence_start.anchor), total))
                    total += 1
                case YAML_MAPPING_START_EVENT:
                    open.append((string(event.data.mapping_start.anchor), total))
                    total += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let collection = open.popLast() else { return nil }
                    if let anchor = collection.anchor { sizes[anchor] = total - collection.start }
                case YAML_ALIAS_EVENT:
                    total += string(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                default:
                    break
                }
                if total > limit { return mark }  // each step adds at most `limit`: no overflow
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
