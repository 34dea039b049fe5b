import Foundation
import RamuModel
@testable import ScenarioFiles
import Testing
import Yams

/// The count of nodes with aliases expanded that runs before the real compose (AliasExpansion): a
/// billion laughs is refused at once and where it passes 100 000 nodes, anchors used as a scenario
/// would use them still load, and a `&` or `*` that is not an anchor or an alias changes nothing.
@Suite("aliases: a billion laughs refused before composing, ordinary anchors kept")
struct AliasExpansionTests {
    /// a0 has 11 nodes, and each level ten aliases of the one before: a1 111 nodes, … a6 11 111 111.
    static func laughs(levels: Int) -> String {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...levels {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return yaml
    }

    static func load(_ yaml: String) throws -> Scenario {
        let dir = try ScratchDirectory()
        return try ScenarioLoader.load(path: try dir.write("s.yaml", yaml))
    }

    /// Where and how loading `yaml` fails, and how long it took.
    static func failure(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (ScenarioError, seconds: Double) {
        let dir = try ScratchDirectory()
        let path = try dir.write("s.yaml", yaml)
        let started = Date()
        let error = try #require(loadFailure(path, sourceLocation: sourceLocation), sourceLocation: sourceLocation)
        return (error, Date().timeIntervalSince(started))
    }

    @Test("an alias used as a key, standing for 11 million nodes, is refused at once where the count passes 100 000")
    func aliasAsKey() throws {
        // Yams would hash the key whole to look for duplicates: 8 s in a debug build, ten times more per
        // level (found by scripts/fuzz).
        let (error, seconds) = try Self.failure(Self.laughs(levels: 6) + "*a6: x\n")
        #expect(seconds < 2)
        // Before line 5: 12 349 nodes; then a4, its sequence and 11 111 per alias: the 8th one passes.
        #expect(error.line == 5)
        #expect(error.column == 45)
        #expect(error.message == YAMLReader.tooManyNodes)
    }

    @Test("a billion laughs followed by a YAML error is refused at once, at the error")
    func laughsThenError() throws {
        // The mapping holding the alias key closes before the error: composing the file itself would
        // hash the key whole first (15 s in a debug build), so the copy's error is reported instead.
        let (error, seconds) = try Self.failure(Self.laughs(levels: 6) + "n: {*a6: x}\nbad: [unclosed\n")
        #expect(seconds < 2)
        #expect(error.line == 10)
        #expect(error.column == 1)
        #expect(error.message.contains("YAML invalide"))
    }

    @Test("anchors and aliases used as a scenario would use them load with their values and sources")
    func ordinaryAnchors() throws {
        let scenario = try Self.load("""
            extends: \(baselinePath())
            taxes:
              - name: {value: "Téléphonie mobile", unit: text, source: &map "Plan d'action pour le Mali (MAP) : taxes ciblées"}
                base: {value: 600000, unit: MFCFA, source: *map}
                rate: &illustrative {value: 0.02, unit: fraction, source: "assumption : illustratif"}
                start: &start {value: 2023.0, unit: year, source: *map}
                collection_efficiency: &recovered {value: 0.8, unit: fraction, source: *map}
                share_to_ramu: &all {value: 1.0, unit: fraction, source: *map}
              - name: {value: "Exportations minières", unit: text, source: *map}
                base: {value: 2500000, unit: MFCFA, source: *map}
                rate: *illustrative
                start: *start
                collection_efficiency: *recovered
                share_to_ramu: *all

            """)
        #expect(scenario.parameters.taxes == [
            EarmarkedTax(name: "Téléphonie mobile", base: 600_000, rate: 0.02, start: 2023, collectionEfficiency: 0.8, shareToRAMU: 1),
            EarmarkedTax(name: "Exportations minières", base: 2_500_000, rate: 0.02, start: 2023, collectionEfficiency: 0.8, shareToRAMU: 1),
        ])
        let sources = Dictionary(scenario.provenance.map { ($0.key, $0.source) }, uniquingKeysWith: { first, _ in first })
        #expect(sources["taxes[1].base"] == "Plan d'action pour le Mali (MAP) : taxes ciblées")
        #expect(sources["taxes[1].rate"] == "assumption : illustratif")
    }

    @Test("& and * in comments, quoted, plain and block scalars are not taken for anchors or aliases")
    func starsThatAreNotAliases() throws {
        let yaml = """
            extends: \(baselinePath())
            # *commentaire &ancre: {*a: 1}
            title: 'l''essai *a: &b'
            description: |
              *pas_un_alias &ni_une_ancre
              - *liste: {*a:1}
            mutuelle:
              join_rate: {value: 0.03, unit: per year, source: MAP & PNDS *note*}
              dropout_rate: {value: 0.2, unit: per year, source: "guillemets \\" *a: &b"}
              premium: {value: 8000, unit: FCFA/person/year, source: &two 'deux
                lignes *a, [*b]'}
              state_subsidy_share: {value: 0.5, unit: fraction, source: *two}

            """
        let scenario = try Self.load(yaml)
        #expect(scenario.title == "l'essai *a: &b")
        #expect(scenario.description == "*pas_un_alias &ni_une_ancre\n- *liste: {*a:1}\n")
        #expect(scenario.parameters.mutuelle.joinRate == 0.03)
        let sources = Dictionary(scenario.provenance.map { ($0.key, $0.source) }, uniquingKeysWith: { first, _ in first })
        #expect(sources["mutuelle.join_rate"] == "MAP & PNDS *note*")
        #expect(sources["mutuelle.dropout_rate"] == "guillemets \" *a: &b")
        #expect(sources["mutuelle.state_subsidy_share"] == "deux lignes *a, [*b]")
        // Exact: only `*two` stands for something (one node, as any scalar).
        #expect(Self.nodes(yaml) == Self.referenceCount(yaml))
    }

    @Test("the count is exact on a small example computed by hand, and stops where it passes the limit")
    func exactCount() {
        let yaml = """
            base: &b {x: 1, y: [2, 3]}
            list: &l [*b, *b]
            keyed: {*b: one, k: *l}

            """
        // root 1; base 1 + b 7 (mapping, x, 1, y, sequence, 2, 3) = 9; list 1 + l (1 + 2 × 7) = 25;
        // keyed 1, its mapping 1, *b 7, one 1, k 1, *l 15 = 51.
        #expect(Self.nodes(yaml) == 51)
        #expect(Self.excess(yaml, limit: 50) == AliasExpansion.Position(line: 3, column: 21))  // *l: 36 + 15
        #expect(Self.excess(yaml, limit: 30) == AliasExpansion.Position(line: 3, column: 9))   // *b as a key: 27 + 7
        #expect(Self.excess(yaml, limit: 25) == AliasExpansion.Position(line: 3, column: 1))   // the key `keyed`: 26
        #expect(Self.excess(yaml, limit: 24) == AliasExpansion.Position(line: 2, column: 15))  // the second *b: 18 + 7
    }

    @Test("an alias names the latest anchor of that name completed before it, as Yams composes it")
    func shadowedAndSelfReferringAnchors() throws {
        #expect(Self.nodes("a: &x 1\nb: &x [2, 3]\nc: *x\n") == 11)  // 1 + 2 + 4 + 1 + 3
        // Inside its own node an anchor is not defined yet: Yams refuses the alias, with its usual message.
        guard case .stops(let line, let column) = AliasExpansion.count("r: &r [1, *r]\n", limit: 100) else {
            Issue.record("a self-referring alias should stop the count")
            return
        }
        #expect(line == 1 && column == 11)
        let (error, _) = try Self.failure("r: &r [1, *r]\n")
        #expect(error.line == 1 && error.column == 11)
        #expect(error.message.contains("undefined alias"))
    }

    @Test("an alias followed by ':' without a space is refused with a located message, not miscounted")
    func aliasBeforeColon() throws {
        // libyaml reads `{*a:1}` as {*a: 1}; the stand-in would swallow the ':' and what follows.
        for yaml in ["a: &a x\nm: {*a:1}\n", "a: &a x\nm: [*a:,]\n", "a: &a x\nm: [*a :*a]\n"] {
            let (error, _) = try Self.failure(yaml)
            #expect(error.line == 2 && error.column == 5, "\(yaml.debugDescription)")
            #expect(error.message.contains("alias « *a » suivi de « : » sans espace"), "\(error.message)")
        }
    }

    @Test("an alias used twice as a key is a duplicate key, named as written")
    func duplicateAliasKeys() throws {
        let (error, _) = try Self.failure("a: &a x\nm:\n  *a: 1\n  *a: 2\n")
        #expect(error.line == 4 && error.column == 3)
        #expect(error.keyPath == "m.*a")
        #expect(error.message.contains("deux fois"))
        // With `(` standing in (the file writes ~a, $a, ;a, =a and +a), the message's own "(déjà" stays.
        let crowded = "# ~a $a ;a =a +a\na: &a x\nm:\n  *a: 1\n  *a: 2\n"
        #expect(AliasExpansion.Copy(of: crowded)?.standIn == UInt8(ascii: "("))
        let (again, _) = try Self.failure(crowded)
        #expect(again.keyPath == "m.*a")
        #expect(again.message.contains("(déjà ligne 4)"), "\(again.message)")
    }

    @Test("no & or no *name: nothing is copied or composed")
    func fastPath() {
        guard case .noAliases = AliasExpansion.count("a: *b\nc: [*d]\n", limit: 10) else {
            Issue.record("no anchor: nothing to expand")
            return
        }
        guard case .noAliases = AliasExpansion.count("a: &b 1\nc: 'x * y'\n", limit: 10) else {
            Issue.record("no alias: nothing to expand")
            return
        }
    }

    @Test("the stand-in is one the file never writes before a name; failing that, positions decide")
    func standIns() {
        // `~a` is in the file: `$` stands in, and the key `~a` is not taken for an alias or a duplicate.
        let tilde = "a: &a [1, 2]\n~a: *a\nb: *a\n"
        #expect(AliasExpansion.Copy(of: tilde)?.standIn == UInt8(ascii: "$"))
        #expect(Self.nodes(tilde) == 13)  // 1 + 1 + 3, ~a 1 + 3, b 1 + 3
        // Every candidate is used before a name, across CR LF, CR, NEL, LS and PS line breaks and wide
        // characters: `~` stands in, and only where a `*` stood.
        let crowded = "# ~a $a ;a =a +a (a )a /a .a é😀\r\nx: &a [1, 2]\r~b: [~a, *a]\u{85}é😀: *a\u{2028}z: {k: *a}\u{2029}w: ~a\n"
        let copy = AliasExpansion.Copy(of: crowded)
        #expect(copy?.standIn == UInt8(ascii: "~"))
        #expect(copy?.standInIsFree == false)
        #expect(Self.nodes(crowded) == Self.referenceCount(crowded))
        #expect(Self.nodes(crowded) == 23)
    }

    @Test("on generated files with anchors, the count is the size of the tree Yams composes")
    func generatedFiles() {
        var rng = SplitMix64(state: 13)
        var compared = 0
        for _ in 0..<400 {
            var generator = Generator()
            let yaml = generator.document(using: &rng)
            guard let reference = Self.referenceCount(yaml) else { continue }  // not valid YAML
            switch AliasExpansion.count(yaml, limit: 1_000_000) {
            case .noAliases: continue
            case .nodes(let n):
                compared += 1
                #expect(n == reference, "\(yaml.debugDescription)")
            default:
                Issue.record("a valid file not counted whole: \(yaml.debugDescription)")
            }
        }
        #expect(compared >= 250)
    }

    // MARK: - Helpers

    /// The count of `yaml`, or nil if it did not count the whole tree.
    static func nodes(_ yaml: String) -> Int? {
        if case .nodes(let n) = AliasExpansion.count(yaml, limit: 1_000_000) { return n }
        return nil
    }

    static func excess(_ yaml: String, limit: Int) -> AliasExpansion.Position? {
        if case .exceeds(let line, let column) = AliasExpansion.count(yaml, limit: limit) {
            return AliasExpansion.Position(line: line, column: column)
        }
        return nil
    }

    /// The nodes of the tree Yams composes from `yaml` (for small files only): an alias is the node it
    /// names, shared, so walking the tree counts it expanded.
    static func referenceCount(_ yaml: String) -> Int? {
        func size(_ node: Node) -> Int {
            switch node {
            case .scalar, .alias: 1
            case .mapping(let mapping): mapping.reduce(1) { $0 + size($1.key) + size($1.value) }
            case .sequence(let sequence): sequence.reduce(1) { $0 + size($1) }
            }
        }
        return (try? Yams.compose(yaml: yaml)).flatMap { $0 }.map(size)
    }

    /// Small YAML documents with anchors on any node and aliases as values and keys, block and flow,
    /// and `*` and `&` in comments, quoted, plain and block scalars.
    struct Generator {
        var defined: [String] = []
        var anchors = 0

        static let words = ["x", "1.5", "MAP & PNDS *note*", "a *b c", "'q *a &b'", "\"d \\\" *a: &c\"", "~", "z&a", "w*a"]

        mutating func alias(using rng: inout SplitMix64) -> String? {
            defined.isEmpty ? nil : "*" + defined[Int.random(in: 0..<defined.count, using: &rng)]
        }

        /// An anchor for the node about to be written, defined once that node is complete.
        mutating func anchor(using rng: inout SplitMix64) -> String? {
            guard Int.random(in: 0..<4, using: &rng) == 0 else { return nil }
            anchors += 1
            return "a\(anchors)"
        }

        mutating func key(_ used: inout Set<String>, using rng: inout SplitMix64) -> String {
            var key = Int.random(in: 0..<3, using: &rng) == 0 ? alias(using: &rng) ?? "k" : "k\(Int.random(in: 0..<50, using: &rng))"
            if used.contains(key) { key = "u\(used.count)" }
            used.insert(key)
            return key
        }

        mutating func flow(depth: Int, using rng: inout SplitMix64) -> String {
            let kind = Int.random(in: 0..<(depth > 2 ? 3 : 6), using: &rng)
            if kind < 2, let alias = alias(using: &rng) { return alias }
            let anchor = anchor(using: &rng)
            var text = anchor.map { "&\($0) " } ?? ""
            switch kind {
            case 0, 1, 2:
                text += Self.words[Int.random(in: 0..<Self.words.count, using: &rng)]
            case 3, 4:
                let items = (0..<Int.random(in: 0..<4, using: &rng)).map { _ in flow(depth: depth + 1, using: &rng) }
                text += "[" + items.joined(separator: ", ") + "]"
            default:
                var used = Set<String>()
                let pairs = (0..<Int.random(in: 0..<4, using: &rng)).map { _ in
                    key(&used, using: &rng) + (Bool.random(using: &rng) ? ": " : " : ") + flow(depth: depth + 1, using: &rng)
                }
                text += "{" + pairs.joined(separator: ", ") + "}"
            }
            if let anchor { defined.append(anchor) }
            return text
        }

        /// A value written after "key:" or "-", at `indent` if it takes lines of its own.
        mutating func block(indent: Int, depth: Int, using rng: inout SplitMix64) -> String {
            let pad = String(repeating: " ", count: indent)
            let kind = Int.random(in: 0..<(depth > 2 ? 2 : 5), using: &rng)
            if kind == 0 { return " " + flow(depth: depth, using: &rng) + (Bool.random(using: &rng) ? " # *a &b\n" : "\n") }
            if kind == 1 { return " |\n\(pad)  *a &b: x\n\(pad)  - *c\n" }
            let anchor = anchor(using: &rng)
            var text = (anchor.map { " &\($0)" } ?? "") + "\n"
            if kind == 2 {
                for _ in 0..<Int.random(in: 1...3, using: &rng) { text += pad + "-" + block(indent: indent + 2, depth: depth + 1, using: &rng) }
            } else {
                var used = Set<String>()
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let key = key(&used, using: &rng)
                    text += pad + key + (key.hasPrefix("*") ? " :" : ":") + block(indent: indent + 2, depth: depth + 1, using: &rng)
                    if Int.random(in: 0..<5, using: &rng) == 0 { text += pad + "# *a: &b\n" }
                }
            }
            if let anchor { defined.append(anchor) }
            return text
        }

        mutating func document(using rng: inout SplitMix64) -> String {
            var used = Set<String>()
            return (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                key(&used, using: &rng) + ":" + block(indent: 2, depth: 0, using: &rng)
            }.joined()
        }
    }
}
