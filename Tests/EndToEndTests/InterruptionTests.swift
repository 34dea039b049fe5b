import Foundation
import Testing

/// Ctrl-C (SIGINT) or `kill` (SIGTERM) sent by the test to a running `ramusim run`: never a half-written
/// result, never a temporary directory left behind.
@Suite("Signals: an interrupted run leaves whole outputs")
struct InterruptionTests {
    /// Minutes of simulation in a debug build; the signal arrives after the first progress line (1.5 s).
    static let long = ["--sample-fraction", "0.001", "--replications", "200"]
    static let small = ["--sample-fraction", "0.0005", "--replications", "1"]

    /// The pauses that let a signal land while writing or renaming exist in debug builds only.
    #if DEBUG
    static let debugBuild = true
    #else
    static let debugBuild = false
    #endif

    /// Earlier outputs of the baseline in `dir/out/baseline`.
    static func earlierOutputs(in dir: TemporaryDirectory) throws {
        let r = try Ramusim.run(["run", Ramusim.baseline, "--out", dir.path("out")] + small, timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// The names in `dir/out` that are temporary (".baseline.tmp-…").
    static func temporaryNames(in dir: TemporaryDirectory) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path("out"))) ?? []).filter { $0.hasPrefix(".") }
    }

    /// Waits until the staging directory holds `file`; false after `timeout` seconds.
    static func waitForStaged(_ file: String, in dir: TemporaryDirectory, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            for name in temporaryNames(in: dir)
            where FileManager.default.fileExists(atPath: dir.path("out/\(name)/\(file)")) { return true }
            usleep(20_000)
        }
        return false
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func whileSimulating(signal: Int32, code: Int32) throws {
        let dir = try TemporaryDirectory()
        try Self.earlierOutputs(in: dir)
        let before = try dir.snapshot()
        let running = try RunningCommand(["run", Ramusim.baseline, "--out", dir.path("out"), "--seed", "3"] + Self.long)
        // The progress line: simulation is under way, its temporary directory already open.
        #expect(running.waitForStderr(containing: "réplications", timeout: 60), "no progress line: \(running.stderr)")
        #expect(Self.temporaryNames(in: dir).count == 1)
        running.send(signal)
        let r = running.wait(timeout: 20)
        #expect(r.status == code && !r.signaled, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("ramusim : interrompu par \(signal == SIGINT ? "SIGINT" : "SIGTERM")"), "\(r.stderr)")
        #expect(r.stderr.contains("rien n'a été écrit, les résultats précédents sont intacts"))
        #expect(try dir.snapshot() == before, "previous outputs changed, or a temporary directory was left")
        #expect(Self.temporaryNames(in: dir).isEmpty)
    }

    /// A signal while the files are being written: what was staged is removed, the old outputs stay.
    /// (Debug builds pause after each staged file when RAMUSIM_TEST_STAGING_PAUSE_MS is set.)
    @Test(.enabled(if: debugBuild, "RAMUSIM_TEST_STAGING_PAUSE_MS works in debug builds only"))
    func whileWritingTheFiles() throws {
        let dir = try TemporaryDirectory()
        try Self.earlierOutputs(in: dir)
        let before = try dir.snapshot()
        let running = try RunningCommand(["run", Ramusim.baseline, "--out", dir.path("out"), "--seed", "4"] + Self.small,
                                         environment: ["RAMUSIM_TEST_STAGING_PAUSE_MS": "1500"])
        #expect(Self.waitForStaged("indicators.csv", in: dir, timeout: 60), "\(running.stderr)")
        running.send(SIGINT)
        let r = running.wait(timeout: 30)
        #expect(r.status == 130 && !r.signaled, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("pendant l'écriture des résultats"), "\(r.stderr)")
        #expect(try dir.snapshot() == before)
        #expect(Self.temporaryNames(in: dir).isEmpty)
    }

    /// A signal during the final renames waits for them: the new outputs are all in place, then the
    /// process exits with 143. (Debug builds pause before renaming when RAMUSIM_TEST_COMMIT_PAUSE_MS is set.)
    @Test(.enabled(if: debugBuild, "RAMUSIM_TEST_COMMIT_PAUSE_MS works in debug builds only"))
    func whilePuttingTheOutputsInPlace() throws {
        let dir = try TemporaryDirectory()
        try Self.earlierOutputs(in: dir)
        let before = try dir.snapshot()
        let running = try RunningCommand(["run", Ramusim.baseline, "--out", dir.path("out"), "--seed", "5"] + Self.small,
                                         environment: ["RAMUSIM_TEST_COMMIT_PAUSE_MS": "1500"])
        #expect(Self.waitForStaged("manifest.json", in: dir, timeout: 60), "\(running.stderr)")
        running.send(SIGTERM)
        let r = running.wait(timeout: 30)
        #expect(r.status == 143 && !r.signaled, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("pendant la mise en place des résultats"), "\(r.stderr)")
        #expect(try dir.snapshot() != before)
        #expect(Self.temporaryNames(in: dir).isEmpty)
        let manifest = try String(contentsOfFile: dir.path("out/baseline/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"seed\": 5"))
        let v = try Ramusim.run(["verify", dir.path("out/baseline")], timeout: 60)
        #expect(v.status == 0, "the new outputs are complete: \(v.stdout)")
    }
}
