import Foundation
import Testing

/// Each kind of bad input: one message naming file:line:column, the key and what was expected;
/// exit code 2; and no output directory created or changed.
@Suite("Bad input is refused before anything runs")
struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        /// The scenario body after `extends:` (nil: the file is written as `raw`).
        var body: String?
        var raw: String? = nil
        var extraArguments: [String] = []
        /// Expected location "line:column" (nil: no location, e.g. a missing file or a bad option).
        var location: String?
        var key: String?
        var mentions: [String]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown key", body: "mutuelle:\n  join_rat: 0.02\n", location: "3:3",
             key: "mutuelle.join_rat", mentions: ["mutuelle.join_rate"]),
        Case(name: "wrong type", body: "amo:\n  enrolment_rate: \"beaucoup\"\n", location: "3:19",
             key: "amo.enrolment_rate", mentions: ["nombre"]),
        Case(name: "negative rate", body: "ramed:\n  exit_rate: -0.05\n", location: "3:14",
             key: "ramed.exit_rate", mentions: ["-0.05"]),
        Case(name: "share above 1", body: "budget:\n  health_share: 15\n", location: "3:17",
             key: "budget.health_share", mentions: ["15"]),
        Case(name: "percent unit", body: "budget:\n  health_share: {value: 15, unit: \"%\"}\n", location: nil,
             key: "budget.health_share", mentions: ["fraction"]),
        Case(name: "sample fraction above 1", body: "simulation:\n  sample_fraction: 1.5\n", location: "3:20",
             key: "simulation.sample_fraction", mentions: ["1.5"]),
        Case(name: "end year not after start", body: "simulation:\n  end_year: 2020\n", location: "3:3",
             key: "simulation.end_year", mentions: ["2020"]),
        Case(name: "YAML that does not parse", body: nil, raw: "budget:\n  health_share: [0.1\n", location: nil,
             key: nil, mentions: []),
        Case(name: "missing parent", body: nil, raw: "extends: nowhere.yaml\n", location: "1:10",
             key: "extends", mentions: ["nowhere.yaml"]),
        Case(name: "sample fraction option", body: "", extraArguments: ["--sample-fraction", "0"],
             location: nil, key: nil, mentions: ["--sample-fraction"]),
        Case(name: "replications option", body: "", extraArguments: ["--replications", "0"],
             location: nil, key: nil, mentions: ["--replications"]),
        Case(name: "threads option", body: "", extraArguments: ["--threads", "0"],
             location: nil, key: nil, mentions: ["--threads"]),
    ]

    @Test(arguments: cases)
    func refused(_ c: Case) throws {
        let dir = try TemporaryDirectory()
        let text = c.raw ?? "extends: \(Ramusim.baseline)\n\(c.body ?? "")"
        let file = try dir.write("bad.yaml", text)
        // An earlier run's outputs must survive untouched.
        try FileManager.default.createDirectory(atPath: dir.path("out/bad"), withIntermediateDirectories: true)
        try dir.write("out/bad/indicators.csv", "earlier results\n")
        let before = try dir.snapshot()
        let r = try Ramusim.run(["run", file, "--out", dir.path("out")] + c.extraArguments)
        #expect(r.status == 2, "\(c.name): exit \(r.status), \(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one message, got: \(r.stderr)")
        if c.extraArguments.isEmpty { #expect(r.stderr.hasPrefix(file + ":"), "\(r.stderr)") }
        if let location = c.location { #expect(r.stderr.hasPrefix("\(file):\(location):"), "\(r.stderr)") }
        if let key = c.key { #expect(r.stderr.contains("« \(key) »"), "\(r.stderr)") }
        for word in c.mentions { #expect(r.stderr.contains(word), "\(c.name): \(r.stderr)") }
        #expect(try dir.snapshot() == before, "\(c.name): outputs changed")
    }

    @Test func missingFile() throws {
        let dir = try TemporaryDirectory()
        let r = try Ramusim.run(["run", dir.path("absent.yaml"), "--out", dir.path("out")])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix(dir.path("absent.yaml")))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    }

    @Test func extendsCycle() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.yaml", "extends: b.yaml\n")
        let b = try dir.write("b.yaml", "extends: a.yaml\n")
        let r = try Ramusim.run(["run", dir.path("a.yaml"), "--out", dir.path("out")])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("\(b):1:10:"), "\(r.stderr)")
        #expect(r.stderr.contains("a.yaml") && r.stderr.contains("b.yaml"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    }

    @Test func validateRefusesWithTheSameMessage() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("bad.yaml", "extends: \(Ramusim.baseline)\nmutuelle:\n  join_rat: 0.02\n")
        let r = try Ramusim.run(["validate", file])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("\(file):3:3:") && r.stderr.contains("mutuelle.join_rate"))
    }
}
