import Foundation
@testable import OutputWriters
import Testing

@Suite("SHA-256 (FIPS 180-4)")
struct SHA256Tests {
    /// NIST's examples (FIPS 180-4 example values, and the CAVP short and long messages).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVectors(message: String, digest: String) {
        #expect(SHA256.hex(of: Data(message.utf8)) == digest)
        #expect(SHA256.hex(of: Array(message.utf8)) == digest)  // the byte-by-byte path too
    }

    @Test func oneMillionTimesA() {
        #expect(SHA256.hex(of: Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Around the padding boundaries (55, 56, 63, 64 bytes) and split anywhere, the same digest.
    @Test func piecesGiveTheSameDigestAsTheWhole() {
        for length in [1, 55, 56, 57, 63, 64, 65, 127, 128, 1000] {
            let data = Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            let whole = SHA256.hex(of: data)
            for cut in [0, 1, 13, 64, length / 2, length] where cut <= length {
                var hash = SHA256()
                hash.update(data.prefix(cut))
                hash.update(Array(data.dropFirst(cut)))
                #expect(hash.finalizeHex() == whole, "length \(length), cut at \(cut)")
            }
        }
        // 55 bytes of 'a' pad into one block, 56 into two: known values (sha256sum).
        #expect(SHA256.hex(of: Data(repeating: 0x61, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex(of: Data(repeating: 0x61, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }
}

@Suite("Deterministic JSON")
struct JSONValueTests {
    @Test func sortedKeysFixedLayoutAndEscapes() throws {
        let value = JSONValue.object([
            "zeta": .array([.integer(1), .number(0.0005), .number(20_537_000), .bool(true), .null]),
            "alpha": .string("é \"q\" \\ \n\t\u{1}"),
            "Beta": .object([:]),
            "empty": .array([]),
            "seed": .unsigned(UInt64.max),
        ])
        let text = try value.render()
        #expect(text == """
            {
              "Beta": {},
              "alpha": "é \\"q\\" \\\\ \\n\\t\\u0001",
              "empty": [],
              "seed": 18446744073709551615,
              "zeta": [
                1,
                0.0005,
                20537000,
                true,
                null
              ]
            }

            """)
        #expect(JSONValue.parse(Data(text.utf8)) == .object([
            "zeta": .array([.integer(1), .number(0.0005), .integer(20_537_000), .bool(true), .null]),
            "alpha": .string("é \"q\" \\ \n\t\u{1}"), "Beta": .object([:]), "empty": .array([]), "seed": .unsigned(UInt64.max),
        ]))
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersAreRefused(_ x: Double) {
        let value = JSONValue.object(["a": .object(["b": .array([.number(1), .number(x)])])])
        #expect(throws: OutputError.nonFiniteValue(column: "a.b[1]", row: 0)) { try value.render() }
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\":1,\"a\":2}", "\"\\x\"", "NaN", "{\"a\" 1}", "[1] x",
                      String(repeating: "[", count: 100) + String(repeating: "]", count: 100)])
    func invalidJSONIsRefused(_ text: String) {
        #expect(JSONValue.parse(Data(text.utf8)) == nil)
    }
}

@Suite("manifest.json and its check")
struct RunManifestTests {
    static func manifest(outputs: [RunManifest.FileHash]) -> RunManifest {
        RunManifest(kind: .run, toolVersion: "0.5.0", arguments: ["ramusim", "run", "s.yaml"], workingDirectory: "/w",
                    rerun: ["run", "/w/s.yaml", "--out", "/w/out"], scenario: "s", seed: 7, replications: 3,
                    sampleFraction: 0.0005, threads: 2, microdata: false, startedAt: "2026-11-25T07:00:00Z",
                    endedAt: "2026-11-25T07:00:03Z", inputs: [RunManifest.FileHash(file: "/w/s.yaml", data: Data("x".utf8))],
                    parameters: [RunManifest.Parameter(parameter: "budget.health_share", value: "0.051", unit: "fraction",
                                                       source: "Plan")],
                    outputs: outputs)
    }

    @Test func readsBackWhatItWrites() throws {
        let m = Self.manifest(outputs: [RunManifest.FileHash(file: "indicators.csv", data: Data("a,b\n".utf8)),
                                        RunManifest.FileHash(file: "scenario.json", data: Data("{}".utf8), reproducible: false)])
        let data = try m.rendered()
        #expect(try RunManifest(parsing: data) == m)
        #expect(try m.rendered() == data)  // the same bytes every time
        #expect(throws: ManifestError.self) { try RunManifest(parsing: Data("{\"format\": \"x\"}".utf8)) }
    }

    @Test func aNonFiniteSampleFractionIsNeverWritten() {
        var m = Self.manifest(outputs: [])
        m.sampleFraction = .nan
        #expect(throws: OutputError.nonFiniteValue(column: "sample_fraction", row: 0)) { try m.rendered() }
    }

    @Test func checkFindsChangedMissingUnlistedAndSpecialFiles() throws {
        let box = try Sandbox()
        let a = Data("indicators\n".utf8), b = Data("parameters\n".utf8), c = Data("taxes\n".utf8)
        try FileManager.default.createDirectory(at: box.url("run"), withIntermediateDirectories: false)
        try a.write(to: box.url("run/a.csv"))
        try b.write(to: box.url("run/b.csv"))
        let m = Self.manifest(outputs: [RunManifest.FileHash(file: "a.csv", data: a), RunManifest.FileHash(file: "b.csv", data: b),
                                        RunManifest.FileHash(file: "c.csv", data: c)])
        try m.rendered().write(to: box.url("run/manifest.json"))
        #expect(mkfifo(box.url("run/c.csv").path, 0o644) == 0)  // a FIFO where a file was: refused, not read
        try Data("notes".utf8).write(to: box.url("run/notes.txt"))
        var changed = b
        changed[0] ^= 1
        try changed.write(to: box.url("run/b.csv"))

        let check = try ManifestCheck.check(directory: box.url("run"))
        #expect(check.outputs.map(\.status)[0] == .intact)
        #expect(check.outputs.map(\.status)[1] == .modified(bytes: b.count, sha256: SHA256.hex(of: changed)))
        guard case .unreadable(let why) = check.outputs[2].status else { Issue.record("\(check.outputs[2])"); return }
        #expect(why.contains("pas un fichier ordinaire"))
        #expect(check.unlisted == ["notes.txt"])
        #expect(!check.outputsIntact)
        #expect(check.inputs.map(\.status) == [.missing])  // /w/s.yaml does not exist here

        try FileManager.default.removeItem(at: box.url("run/a.csv"))
        #expect(try ManifestCheck.check(directory: box.url("run")).outputs[0].status == .missing)
    }

    /// Both readers of FileSystem: a file of several pieces read whole, a file over the limit, a FIFO refused.
    @Test func filesAreReadInPiecesAndOnlyWhenRegular() throws {
        let box = try Sandbox()
        let data = Data((0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 7) })  // 3 pieces and a bit
        try data.write(to: box.url("gros.bin"))
        let found = try FileSystem.fingerprint(box.url("gros.bin").path)
        #expect(found.bytes == data.count && found.sha256 == SHA256.hex(of: data))
        #expect(try FileSystem.readSmallFile(box.url("gros.bin").path, limit: data.count) == data)
        let tooBig = #expect(throws: OutputError.self) { try FileSystem.readSmallFile(box.url("gros.bin").path, limit: 100_000) }
        #expect(tooBig?.errorNumber == EFBIG)
        #expect(mkfifo(box.url("tube").path, 0o644) == 0)
        #expect(throws: OutputError(.notARegularFile, path: box.url("tube").path)) {
            try FileSystem.readSmallFile(box.url("tube").path, limit: 10)
        }
        #expect(throws: OutputError(.notARegularFile, path: box.url("tube").path)) { try FileSystem.fingerprint(box.url("tube").path) }
    }

    /// The briefing written after the manifest is recorded in it: checked like an output, files of its
    /// folder that it does not list reported, and the manifest without a briefing keeps its bytes.
    @Test func recordedBriefingIsCheckedAndItsFolderWatched() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(at: box.url("run/tableaux"), withIntermediateDirectories: true)
        let a = Data("indicators\n".utf8)
        try a.write(to: box.url("run/a.csv"))
        let before = try Self.manifest(outputs: [RunManifest.FileHash(file: "a.csv", data: a)]).rendered()
        try before.write(to: box.url("run/manifest.json"))
        try box.make("run/briefing.html", "<html>")
        try box.make("run/tableaux/synthese.csv", "x;y")
        #expect(try ManifestCheck.check(directory: box.url("run")).unlisted == ["briefing.html", "tableaux"])

        #expect(try RunManifest.recordBriefing(["briefing.html", "tableaux/synthese.csv"], in: box.url("run")))
        let after = try Data(contentsOf: box.url("run/manifest.json"))
        let recorded = try RunManifest(parsing: after)
        #expect(recorded.briefing.map(\.file) == ["briefing.html", "tableaux/synthese.csv"])
        #expect(recorded.briefing[0].sha256 == SHA256.hex(of: Data("<html>".utf8)))
        var without = recorded
        without.briefing = []
        #expect(try without.rendered() == before)  // only the briefing was added
        var check = try ManifestCheck.check(directory: box.url("run"))
        #expect(check.unlisted.isEmpty && check.outputsIntact)

        try box.make("run/briefing.html", "<html>!")
        try box.make("run/tableaux/notes.csv", "n")
        check = try ManifestCheck.check(directory: box.url("run"))
        #expect(check.briefing[0].status == .modified(bytes: 7, sha256: SHA256.hex(of: Data("<html>!".utf8))))
        #expect(check.unlisted == ["tableaux/notes.csv"])
        #expect(!check.outputsIntact)
        #expect(try !RunManifest.recordBriefing(["x"], in: box.url("tableaux-sans-manifeste")))
    }

    /// Recording a briefing in a scenario directory of a comparison keeps the comparison's fingerprint of
    /// its manifest true, but only where the comparison vouched for the old manifest.
    @Test func recordingInAComparedScenarioUpdatesTheComparisonOnlyWhereItVouched() throws {
        let box = try Sandbox()
        for name in ["a", "b"] {
            try FileManager.default.createDirectory(at: box.url("out/\(name)"), withIntermediateDirectories: true)
            var m = Self.manifest(outputs: [])
            m.kind = .compareScenario
            m.scenario = name
            try m.rendered().write(to: box.url("out/\(name)/manifest.json"))
            try box.make("out/\(name)/briefing.html", name)
        }
        func sha(_ name: String) throws -> String { SHA256.hex(of: try Data(contentsOf: box.url("out/\(name)/manifest.json"))) }
        var comparison = Self.manifest(outputs: [])
        comparison.kind = .comparison
        comparison.scenario = nil
        comparison.scenarios = [RunManifest.ScenarioDirectory(name: "a", manifestSHA256: try sha("a")),
                                RunManifest.ScenarioDirectory(name: "b", manifestSHA256: String(repeating: "0", count: 64))]
        try comparison.rendered().write(to: box.url("out/manifest.json"))

        try RunManifest.recordBriefing(["briefing.html"], in: box.url("out/a"))
        try RunManifest.recordBriefing(["briefing.html"], in: box.url("out/b"))
        let scenarios = try RunManifest(parsing: Data(contentsOf: box.url("out/manifest.json"))).scenarios
        #expect(scenarios[0].manifestSHA256 == (try sha("a")))
        #expect(scenarios[1].manifestSHA256 == String(repeating: "0", count: 64))  // b had changed already: still reported
    }
}

@Suite("A full disk while writing")
struct DiskFullTests {
    /// ENOSPC in the middle of a file (simulated: half the bytes written, then the error): the
    /// transaction is aborted, the previous outputs are untouched, and the message says the disk is full
    /// and names the file where it would have gone.
    @Test func enospcWhileWritingLeavesTheOldOutputs() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(at: box.url("baseline"), withIntermediateDirectories: false)
        try box.make("baseline/indicators.csv", "old\n")
        let before = box.tree()
        var transaction = try OutputTransaction(target: box.url("baseline"))
        transaction.simulatedWriteFailure = (name: "parameters.csv", errno: ENOSPC)
        try transaction.write("indicators.csv", contents: "new\n")
        let error = #expect(throws: OutputError.self) {
            try transaction.write("parameters.csv", contents: String(repeating: "x", count: 10_000))
        }
        #expect(error?.isDiskFull == true)
        #expect(error?.description.contains("disque plein") == true)
        #expect(error?.path == box.url("baseline").standardizedFileURL.path + "/parameters.csv")
        #expect(box.tree() == before)
        #expect(try box.read("baseline/indicators.csv") == "old\n")
        #expect(throws: OutputError.self) { try transaction.commit() }
        #expect(box.tree() == before)
    }

    /// A scenario name near the 255-byte limit of a file name still gets a temporary sibling.
    @Test func longNamesStillGetATemporaryDirectory() throws {
        let box = try Sandbox()
        let name = String(repeating: "é", count: 120)  // 240 bytes
        var transaction = try OutputTransaction(target: box.url(name))
        try transaction.write("a.csv", contents: "1\n")
        #expect(box.tree().contains { $0.hasPrefix(".") && $0.utf8.count <= 255 })
        _ = try transaction.commit()
        #expect(box.tree() == [name, "\(name)/a.csv"])
    }

    @Test func anUnwritableOutputDirectoryIsNamedAsSuch() {
        let error = OutputError(.system(action: "écrire dans le dossier", errno: EROFS), path: "/srv/sorties")
        #expect(error.description.hasPrefix("impossible d'écrire dans le dossier « /srv/sorties » : système de fichiers en lecture seule"))
    }
}
