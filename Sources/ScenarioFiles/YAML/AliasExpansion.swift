import Foundation
import Yams

/// How many nodes a YAML text becomes once its aliases are expanded, found before the real compose in
/// time linear in the text, so that a "billion laughs" file (aliases of aliases) is refused where its
/// tree first passes the limit. Yams composes an alias by sharing the node it names (cheap), but checks
/// each mapping for duplicate keys by hashing its keys whole: an alias used as a key (`*a6: x`) that
/// stands for millions of nodes took seconds there, ten times more per level (found by `scripts/fuzz`),
/// before the node count of `YAMLReader.checkShape` could stop it.
///
/// How: a copy of the text in which every `*` followed by a name character (`[0-9A-Za-z_-]`, the
/// characters libyaml allows in an anchor) becomes a stand-in character X, wherever it is: `*a6` is
/// then the plain scalar `Xa6`, the same length, so lines and columns do not move. The copy has no
/// alias left at all, so Yams composes it in linear time; no lexer of ours has to tell an alias from a
/// `*` in a comment, a quoted or block scalar or a plain scalar (`MAP *note*`), since those only change
/// content. libyaml does the telling: a plain scalar can never start with `*`, so in the composed copy
/// a plain scalar that starts with X and a name character is exactly an alias of the file. The tree is
/// then walked in document order, as Yams composes it: each node counts 1, a stand-in counts the nodes
/// of the node its anchor named (`Node.anchor`, registered once the node is complete, so a later `&a`
/// shadows an earlier one, as in Yams), and the first node where the running total passes the limit
/// is reported. X is the first of `~$;=+()/.` that the text never has before a name character, so no
/// scalar of the file can be taken for a stand-in, nor equal one as a duplicate key.
///
/// Where the copy and the file may differ, the file is refused or left to the real compose, never
/// counted short:
/// - An alias followed by `:` and no space (`{*a:1}`, valid in a flow collection) makes the stand-in
///   swallow the `:` and what follows: refused with a located message asking for a space (or with the
///   copy's YAML error when an anchor or tag and a collection follow the `:`, as in `{*a:&b [x]}`).
/// - A stand-in with more text after its name (`*a b`) or an anchor is where libyaml refuses the file
///   itself, and an alias whose anchor is not yet defined is where Yams does: counting stops there and
///   the real compose reports the usual error (it composes no further than that point). A tag on an
///   alias, also refused by libyaml, cannot be seen on the stand-in (Yams resolves tags in place): it
///   is counted as the alias, which can only count more.
/// - When the copy does not compose, its YAML error is reported rather than composing the file, which
///   takes seconds to minutes when a mapping keyed by a huge alias closes before the error; the copy is
///   the file with `*` changed into X, so the place and libyaml's message are the same (X is written
///   back as `*` in key names), but an error of the file's own aliases before it (`&b *a`) is not seen.
/// - The same alias used twice as a key of one mapping is a duplicate key for the copy, even if its
///   anchor was redefined in between (Yams would see two keys): refused as a duplicate.
/// - If the text has each stand-in before a name character somewhere, X is `~` and a stand-in must
///   also sit where a `*` was (lines and columns counted as libyaml does); a quoted key that spells a
///   stand-in through escapes may then be taken for a duplicate.
/// Files with no `&`, or with no `*` before a name character, are not copied: one scan of their bytes.
/// The others are composed twice (the copy, then the file), and the copy is walked once.
enum AliasExpansion {
    /// What the count found.
    enum Count {
        /// No anchor or no alias in the text: nothing to expand.
        case noAliases
        /// The whole tree has this many nodes, each alias counting the nodes it stands for.
        case nodes(Int)
        /// The running count first passes the limit at the node that starts here.
        case exceeds(line: Int, column: Int)
        /// Counted up to the alias here, where libyaml or Yams refuses the file: the real compose says why.
        case stops(line: Int, column: Int)
        /// The alias `*name` here is followed by `:` with no space after it.
        case aliasBeforeColon(name: String, line: Int, column: Int)
        /// The copy does not compose: the file's YAML error, at the same place.
        case unreadable(any Error, Copy)
    }

    /// Refuses `text` (read from `path`) if its aliases expand to more than `limit` nodes, or if the
    /// count cannot be trusted; returns when the real compose can go ahead.
    static func check(_ text: String, path: String, limit: Int) throws(ScenarioError) {
        switch count(text, limit: limit) {
        case .noAliases, .nodes, .stops:
            return
        case .exceeds(let line, let column):
            throw ScenarioError(file: path, line: line, column: column, message: YAMLReader.tooManyNodes)
        case .aliasBeforeColon(let name, let line, let column):
            throw ScenarioError(file: path, line: line, column: column,
                                message: "alias « *\(name) » suivi de « : » sans espace ; attendu « *\(name): valeur », "
                                    + "avec une espace après les deux-points")
        case .unreadable(let error, let copy):
            var located = (error as? YamlError).map { YAMLReader.scenarioError(for: $0, text: copy.text, path: path) }
                ?? ScenarioError(file: path, line: 1, column: 1, message: "YAML illisible : \(error)")
            located.message = copy.restoringAliases(in: located.message, quotedOnly: true)
            located.keyPath = located.keyPath.map { copy.restoringAliases(in: $0) }
            throw located
        }
    }

    /// The nodes of `text` with its aliases expanded, or where they first pass `limit`.
    static func count(_ text: String, limit: Int) -> Count {
        precondition(limit >= 0 && limit <= Int.max / 2, "the total may reach twice the limit before it is checked")
        // Most files have no anchor at all, or no alias: nothing can be expanded.
        guard text.utf8.contains(UInt8(ascii: "&")), let copy = Copy(of: text) else { return .noAliases }
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: copy.text)
            root = try parser.singleRoot()
        } catch {
            if case .scanner(let context?, let problem, _, _) = error as? YamlError, problem.contains("unexpected ':'"),
               let name = copy.aliases[Position(line: context.mark.line, column: context.mark.column)] {
                // `[*a:,]`: the stand-in ran into the ':' that libyaml reads as a value indicator after an alias.
                return .aliasBeforeColon(name: name, line: context.mark.line, column: context.mark.column)
            }
            return .unreadable(error, copy)
        }
        guard let root else { return .nodes(0) }
        var walk = Walk(copy: copy, limit: limit)
        // Node.anchor is weak: the parser holds the anchors, so it must outlive the walk.
        return withExtendedLifetime(parser) {
            do throws(Walk.Stop) {
                try walk.visit(root)
                return .nodes(walk.total)
            } catch {
                switch error {
                case .exceeds(let at): return .exceeds(line: at.line, column: at.column)
                case .stops(let at): return .stops(line: at.line, column: at.column)
                case .beforeColon(let name, let at): return .aliasBeforeColon(name: name, line: at.line, column: at.column)
                }
            }
        }
    }

    /// 1-based line and column, in Unicode scalars, as libyaml counts them.
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// The text with each `*` before a name character changed into the stand-in.
    struct Copy {
        let text: String
        /// The stand-in character (ASCII).
        let standIn: UInt8
        /// The original text never has the stand-in before a name character.
        let standInIsFree: Bool
        /// Where each `*` that was changed stood, and the name after it.
        let aliases: [Position: String]

        /// The characters libyaml allows in an anchor or alias name.
        static func isName(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
            default: false
            }
        }

        /// Stand-in candidates: ASCII, allowed in a tag (a `*` may be part of one) and able to start a
        /// plain scalar, in block and flow context alike.
        static let candidates = Array("~$;=+()/.".utf8)

        /// nil when the text has no `*` before a name character: no alias.
        init?(of original: String) {
            var beforeName = [Bool](repeating: false, count: 256)  // bytes seen before a name character
            var previous: UInt8?
            for byte in original.utf8 {
                if let previous, Self.isName(byte) { beforeName[Int(previous)] = true }
                previous = byte
            }
            guard beforeName[Int(UInt8(ascii: "*"))] else { return nil }
            var bytes = Array(original.utf8)
            let free = Self.candidates.first { !beforeName[Int($0)] }
            standIn = free ?? Self.candidates[0]
            standInIsFree = free != nil
            // Lines as libyaml breaks them (CR LF, CR, LF, NEL, LS, PS), columns in Unicode scalars.
            var aliases: [Position: String] = [:]
            var line = 1, column = 1, i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "*"), i + 1 < bytes.count, Self.isName(bytes[i + 1]) {
                    var end = i + 1
                    while end < bytes.count, Self.isName(bytes[end]) { end += 1 }
                    aliases[Position(line: line, column: column)] = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
                    bytes[i] = standIn
                }
                let breakLength: Int
                switch byte {
                case UInt8(ascii: "\n"): breakLength = 1
                case UInt8(ascii: "\r"): breakLength = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") ? 2 : 1
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: breakLength = 2
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    breakLength = 3
                default: breakLength = 0
                }
                if breakLength > 0 {
                    line += 1
                    column = 1
                    i += breakLength
                } else {
                    if byte & 0xC0 != 0x80 { column += 1 }  // the first byte of a scalar
                    i += 1
                }
            }
            // Only ASCII bytes were replaced by ASCII bytes: still the same valid UTF-8.
            text = String(decoding: bytes, as: UTF8.self)
            self.aliases = aliases
        }

        /// The alias name and what follows it, if `scalar` is a stand-in.
        func standIn(_ scalar: Node.Scalar) -> (name: String, rest: Substring)? {
            guard scalar.style == .plain else { return nil }
            let utf8 = scalar.string.utf8
            guard utf8.first == standIn, utf8.count >= 2, Self.isName(utf8[utf8.index(after: utf8.startIndex)]) else { return nil }
            let afterStandIn = utf8.dropFirst()
            let end = afterStandIn.firstIndex { !Self.isName($0) } ?? utf8.endIndex
            let name = String(decoding: afterStandIn[..<end], as: UTF8.self)
            if !standInIsFree {
                // The file itself may have plain scalars starting so: only one where a `*` was is a stand-in.
                guard let mark = scalar.mark, aliases[Position(line: mark.line, column: mark.column)] == name else { return nil }
            }
            return (name, Substring(scalar.string)[end...])
        }

        /// A key path, or the keys quoted « so » in a message, with each stand-in written back as the
        /// alias it replaced (the rest of a message may have the stand-in before a letter: "(déjà").
        func restoringAliases(in text: String, quotedOnly: Bool = false) -> String {
            guard standInIsFree else { return text }
            var bytes = Array(text.utf8)
            let open = Array("«".utf8), close = Array("»".utf8)
            var inside = !quotedOnly
            for i in bytes.indices {
                if quotedOnly && bytes[i...].starts(with: open) { inside = true }
                if quotedOnly && bytes[i...].starts(with: close) { inside = false }
                if inside, bytes[i] == standIn, i + 1 < bytes.count, Self.isName(bytes[i + 1]) { bytes[i] = UInt8(ascii: "*") }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The count, node by node in document order.
    private struct Walk {
        let copy: Copy
        let limit: Int
        var total = 0
        /// Anchor → nodes its node counts, aliases expanded: at most `limit`, as the walk stops past it.
        var sizes: [String: Int] = [:]

        enum Stop: Error {
            case exceeds(Position)
            case stops(Position)
            case beforeColon(String, Position)
        }

        mutating func visit(_ node: Node) throws(Stop) {
            let start = total
            let mark = node.mark.map { Position(line: $0.line, column: $0.column) } ?? Position(line: 1, column: 1)
            switch node {
            case .scalar(let scalar):
                if let (name, rest) = copy.standIn(scalar) {
                    // Blanks and the line breaks libyaml keeps in a plain scalar (LS and PS as they are).
                    if rest.unicodeScalars.first(where: { !" \t\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }) == ":" {
                        throw .beforeColon(name, mark)
                    }
                    // More text after an alias, or an anchor on it: libyaml refuses the file there; an
                    // alias of no anchor yet: Yams does. (A tag on it, also refused, cannot be told from
                    // the tag Yams resolves in place: the alias is counted, which only counts more.)
                    guard rest.isEmpty, scalar.anchor == nil, let size = sizes[name] else {
                        throw .stops(mark)
                    }
                    total += size
                } else {
                    total += 1
                }
                if total > limit { throw .exceeds(mark) }
            case .mapping(let mapping):
                total += 1
                if total > limit { throw .exceeds(mark) }
                for (key, value) in mapping {
                    try visit(key)
                    try visit(value)
                }
            case .sequence(let sequence):
                total += 1
                if total > limit { throw .exceeds(mark) }
                for item in sequence { try visit(item) }
            case .alias:
                total += 1  // Yams' parser never leaves one (it shares the node instead)
                if total > limit { throw .exceeds(mark) }
            }
            if let anchor = node.anchor { sizes[anchor.rawValue] = total - start }
        }
    }
}
