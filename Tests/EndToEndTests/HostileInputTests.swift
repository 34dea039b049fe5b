import Foundation
import Testing

/// Files no analyst means to write, and values that would make the model divide by zero or overflow:
/// each is refused through the real binary with exit code 2 and one message, within a second or two
/// (the 20 s process timeout only guards against a hang), and no output is created or changed.
@Suite("Hostile input is refused quickly, with nothing written")
struct HostileInputTests {
    /// A directory with earlier outputs at out/<name>/ that must survive.
    static func prepared(_ name: String = "s") throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path("out/\(name)"), withIntermediateDirectories: true)
        try dir.write("out/\(name)/indicators.csv", "earlier results\n")
        return dir
    }

    /// Runs `ramusim run FILE --out DIR/out` and checks exit 2, one line saying `words`, and that nothing
    /// under `dir` changed.
    @discardableResult
    static func refused(_ file: String, in dir: TemporaryDirectory, says words: [String], extra: [String] = [],
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let before = try dir.snapshot()
        let started = Date()
        let r = try Ramusim.run(["run", file, "--out", dir.path("out")] + extra, timeout: 20, sourceLocation: sourceLocation)
        let seconds = Date().timeIntervalSince(started)
        #expect(r.status == 2 && !r.signaled, "exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "one message, got: \(r.stderr)", sourceLocation: sourceLocation)
        for word in words { #expect(r.stderr.contains(word), "« \(word) » not in: \(r.stderr)", sourceLocation: sourceLocation) }
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try dir.snapshot() == before, "outputs changed", sourceLocation: sourceLocation)
        print("  \(file.split(separator: "/").last ?? "") refused in \(String(format: "%.2f", seconds)) s: \(r.stderr)")
        return r
    }

    @Test func bytesThatAreNotUTF8() throws {
        let dir = try Self.prepared()
        let file = dir.path("s.yaml")
        try (Data("extends: \(Ramusim.baseline)\ntitle: r".utf8) + [0xE9] + Data("gime\n".utf8)).write(to: URL(fileURLWithPath: file))
        try Self.refused(file, in: dir, says: ["\(file):2:9:", "UTF-8"])
    }

    @Test func aFileOf50MB() throws {
        let dir = try Self.prepared()
        let file = dir.path("s.yaml")
        #expect(FileManager.default.createFile(atPath: file, contents: Data("title: x\n".utf8)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        try Self.refused(file, in: dir, says: ["\(file):", "52428800 octets", "attendu au plus 10 Mo"])
    }

    @Test func nestingTenThousandLevelsDeep() throws {
        let dir = try Self.prepared()
        let file = try dir.write("s.yaml", "extends: \(Ramusim.baseline)\nmutuelle:\n  join_rate: "
                                     + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        try Self.refused(file, in: dir, says: ["\(file):3:", "plus de 64 niveaux"])
    }

    @Test func billionLaughs() throws {
        let dir = try Self.prepared()
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let file = try dir.write("s.yaml", yaml)
        try Self.refused(file, in: dir, says: ["\(file):", "nœuds YAML"])
    }

    @Test func duplicateKeys() throws {
        let dir = try Self.prepared()
        let file = try dir.write("s.yaml", "extends: \(Ramusim.baseline)\nbudget:\n  health_share: 0.1\n  health_share: 0.2\n")
        try Self.refused(file, in: dir, says: ["\(file):4:3:", "« budget.health_share »", "deux fois"])
    }

    @Test func extendsItself() throws {
        let dir = try Self.prepared()
        let file = try dir.write("s.yaml", "extends: s.yaml\n")
        try Self.refused(file, in: dir, says: ["\(file):1:10:", "cycle d'extends"])
    }

    @Test func extendsChainOf40Files() throws {
        let dir = try Self.prepared()
        for i in 1..<40 { try dir.write("p\(i).yaml", "extends: p\(i + 1).yaml\n") }
        try dir.write("p40.yaml", "extends: \(Ramusim.baseline)\n")
        let file = try dir.write("s.yaml", "extends: p1.yaml\n")
        try Self.refused(file, in: dir, says: ["p31.yaml:1:10:", "plus de 32 fichiers"])
    }

    @Test func extendsADirectory() throws {
        let dir = try Self.prepared()
        try FileManager.default.createDirectory(atPath: dir.path("parent.yaml"), withIntermediateDirectories: true)
        let file = try dir.write("s.yaml", "title: x\nextends: parent.yaml\n")
        try Self.refused(file, in: dir, says: ["\(file):2:10:", "« extends »", "c'est un dossier"])
    }

    @Test func extendsDevZero() throws {
        let dir = try Self.prepared()
        let file = try dir.write("s.yaml", "extends: /dev/zero\n")
        try Self.refused(file, in: dir, says: ["\(file):1:10:", "/dev/zero", "pas un fichier ordinaire"])
    }

    @Test func extendsAFIFOWithoutWriter() throws {
        let dir = try Self.prepared()
        #expect(mkfifo(dir.path("tube.yaml"), 0o644) == 0)
        let file = try dir.write("s.yaml", "extends: tube.yaml\n")
        try Self.refused(file, in: dir, says: ["\(file):1:10:", "pas un fichier ordinaire"])
    }

    @Test func theScenarioIsAFIFO() throws {
        let dir = try Self.prepared()
        #expect(mkfifo(dir.path("s.yaml"), 0o644) == 0)
        try Self.refused(dir.path("s.yaml"), in: dir, says: ["pas un fichier ordinaire"])
    }

    @Test func symbolicLinksInALoop() throws {
        let dir = try Self.prepared()
        try FileManager.default.createSymbolicLink(atPath: dir.path("a.yaml"), withDestinationPath: dir.path("b.yaml"))
        try FileManager.default.createSymbolicLink(atPath: dir.path("b.yaml"), withDestinationPath: dir.path("a.yaml"))
        let file = try dir.write("s.yaml", "extends: a.yaml\n")
        try Self.refused(file, in: dir, says: ["\(file):1:10:", "symbolic links"])
    }

    @Test func aNULByte() throws {
        let dir = try Self.prepared()
        let file = try dir.write("s.yaml", "title: \"a\u{0}b\"\n")
        try Self.refused(file, in: dir, says: ["\(file):1:", "caractère nul"])
    }

    /// Without read permission. Tests usually run as root, for whom chmod 000 blocks nothing: then the
    /// binary is run as the user nobody (setpriv), for whom it does.
    @Test func aFileWithoutReadPermission() throws {
        let dir = try Self.prepared()
        let file = try dir.write("s.yaml", "extends: \(Ramusim.baseline)\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file)
        let asRoot = getuid() == 0
        if asRoot {
            print("  running as root: chmod 000 does not stop root from reading; ramusim runs as nobody for this test")
        }
        let before = try dir.snapshot()
        let arguments = ["run", file, "--out", dir.path("out")]
        let r = asRoot
            ? try RunningCommand(["--reuid=65534", "--regid=65534", "--clear-groups", Ramusim.executable.path] + arguments,
                                 executable: URL(fileURLWithPath: "/usr/bin/setpriv")).wait(timeout: 20)
            : try Ramusim.run(arguments, timeout: 20)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("\(file): lecture refusée (permission)"), "\(r.stderr)")
        #expect(try dir.snapshot() == before)
    }

    // Values that would give NaN, an infinity or an overflow: refused where they are written.

    struct Guard: CustomStringConvertible, Sendable {
        var name: String
        var body: String
        var extra: [String] = []
        var says: [String]
        var description: String { name }
    }

    static let guards: [Guard] = [
        Guard(name: "zero standard deviation of a lognormal cost", body: "care:\n  cost_cscom_sd: 0\n",
              says: [":3:18:", "« care.cost_cscom_sd »", "supérieur à 0"]),
        Guard(name: "zero population", body: "demography:\n  initial_population: 0\n",
              says: [":3:23:", "« demography.initial_population »", "hors limites"]),
        Guard(name: "zero household size", body: "households:\n  mean_size: 0\n",
              says: [":3:14:", "« households.mean_size »", "entre 1 et 50"]),
        Guard(name: "no household at all simulated (file)", body: "simulation:\n  sample_fraction: 0.00000001\n",
              says: [":3:3:", "« simulation.sample_fraction »", "personne simulée", "attendu au moins 1"]),
        Guard(name: "no household at all simulated (option)", body: "", extra: ["--sample-fraction", "1e-9"],
              says: ["option --sample-fraction", "personne simulée", "attendu au moins 1"]),
        Guard(name: "population growing beyond any memory",
              body: "demography:\n  growth_rate: 0.5\nsimulation:\n  sample_fraction: 1\n  end_year: 2100\n",
              says: [":6:3:", "« simulation.end_year »", "au plus 250000000 personnes simulées"]),
        Guard(name: "a GDP that would overflow", body: "macro:\n  gdp_2020: 1.0e+300\n",
              says: [":3:13:", "« macro.gdp_2020 »", "hors limites"]),
        Guard(name: "a population beyond Int", body: "demography:\n  initial_population: 1.0e+19\n",
              says: [":3:23:", "« demography.initial_population »", "hors limites"]),
        Guard(name: "integrated gratuités that are never effective (a division by zero)",
              body: "gratuites:\n  arrangement: integrated\n  integrated_effectiveness: 0\n",
              says: [":4:3:", "« gratuites.integrated_effectiveness »", "supérieure à 0"]),
        Guard(name: "a cost whose square overflows", body: "care:\n  cost_hospital_mean: 1.0e+200\n  cost_hospital_sd: 1.0e+200\n",
              says: [":3:23:", "« care.cost_hospital_mean »", "hors limites"]),
    ]

    @Test(arguments: guards)
    func numericGuard(_ g: Guard) throws {
        let dir = try Self.prepared()
        let file = try dir.write("s.yaml", "extends: \(Ramusim.baseline)\n\(g.body)")
        let r = try Self.refused(file, in: dir, says: g.says, extra: g.extra)
        if g.extra.isEmpty { #expect(r.stderr.hasPrefix(file + ":"), "\(r.stderr)") }
    }

    // Names: whatever the file is called, outputs stay inside the output directory.

    @Test func aNameWithSpacesAccentsAndShellCharacters() throws {
        let dir = try TemporaryDirectory()
        let name = "scénario 2 (révisé) $HOME `id` ; & 'x'"
        let file = try dir.write("\(name).yaml", "extends: \(Ramusim.baseline)\n")
        let r = try Ramusim.run(["run", file, "--out", dir.path("out"), "--sample-fraction", "0.0005", "--replications", "1"],
                                timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        let written = Set(try dir.snapshot().keys.map { String($0.dropFirst(dir.url.path.count + 1)) })
        #expect(written.isSuperset(of: ["out/\(name)/indicators.csv", "out/\(name)/manifest.json", "out/\(name)/parameters.csv"]))
        // Nothing anywhere else: only the file, out/ and what is inside out/<name>/.
        #expect(written.subtracting(["\(name).yaml", "out", "out/\(name)"]).allSatisfy { $0.hasPrefix("out/\(name)/") },
                "\(written.sorted())")
        let indicators = parseCSV(try String(contentsOfFile: dir.path("out/\(name)/indicators.csv"), encoding: .utf8))
        #expect(indicators[1][0] == name)
        let v = try Ramusim.run(["verify", dir.path("out/\(name)")], timeout: 60)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
    }

    @Test(arguments: ["..yaml", ".yaml", "a\nb.yaml", ".cache.yaml"])
    func aNameThatWouldLeaveOrHideInTheOutputDirectory(_ name: String) throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write(name, "extends: \(Ramusim.baseline)\n")
        try FileManager.default.createDirectory(atPath: dir.path("out"), withIntermediateDirectories: true)
        let before = try dir.snapshot()
        let r = try Ramusim.run(["run", file, "--out", dir.path("out"), "--sample-fraction", "0.0005", "--replications", "1"],
                                timeout: 20)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("inutilisable comme dossier de sortie") && r.stderr.contains("renommez le fichier"))
        #expect(r.stderr.split(separator: "\n").count == 1, "one line, even for a name with a newline: \(r.stderr)")
        #expect(try dir.snapshot() == before)
    }

    @Test func aComparedScenarioNamedLikeTheComparisonManifest() throws {
        let dir = try Self.prepared()
        let file = try dir.write("manifest.json.yaml", "extends: \(Ramusim.baseline)\n")
        let before = try dir.snapshot()
        let r = try Ramusim.run(["compare", Ramusim.baseline, file, "--out", dir.path("out"), "--sample-fraction", "0.0005",
                                 "--replications", "1"], timeout: 20)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("réservé"))
        #expect(try dir.snapshot() == before)
    }
}
