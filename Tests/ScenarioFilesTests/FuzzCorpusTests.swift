import Foundation
import RamuModel
import ScenarioFiles
import Testing

/// The inputs `scripts/fuzz` kept (Tests/ScenarioFilesTests/FuzzCorpus: hand-written hostile seeds and
/// those libFuzzer found to reach new code), replayed as the fuzz target runs them: each written as
/// input.yaml beside baseline.yaml and parent.yaml. Each must load or be refused with a ScenarioError
/// (a crash would stop this test process), in under 2 s, and a scenario that loads must be safe to
/// simulate. The setup is the fuzz target's (Tests/Fuzz/ScenarioFuzz/FuzzScenario.swift), same files.
@Suite("fuzz corpus: every kept input loads or is refused, quickly")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

    /// The parent the inputs may extend, shared with the fuzz target.
    static let parentScenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/parent.yaml")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func theCorpusIsThere() {
        #expect(Self.inputs.count >= 20, "\(Self.corpus.path)")
    }

    @Test func everyInputLoadsOrIsRefused() throws {
        let dir = try ScratchDirectory()
        try FileManager.default.copyItem(atPath: baselinePath(), toPath: dir.path("baseline.yaml"))
        try FileManager.default.copyItem(atPath: Self.parentScenario.path, toPath: dir.path("parent.yaml"))
        let input = dir.path("input.yaml")
        var loaded = 0, refused = 0, slowest = (name: "", seconds: 0.0)
        for name in Self.inputs {
            try Data(contentsOf: Self.corpus.appendingPathComponent(name)).write(to: URL(fileURLWithPath: input))
            let started = Date()
            do {
                let scenario = try ScenarioLoader.load(path: input)
                loaded += 1
                Self.checkSafeToSimulate(scenario, name: name)
            } catch {
                refused += 1
                #expect(!error.message.isEmpty, "\(name)")
                #expect((error.line ?? 1) >= 1 && (error.column ?? 1) >= 1, "\(name): \(error)")
            }
            let seconds = Date().timeIntervalSince(started)
            #expect(seconds < 2, "\(name) took \(seconds) s")
            if seconds > slowest.seconds { slowest = (name, seconds) }
        }
        print("  fuzz corpus: \(Self.inputs.count) inputs, \(loaded) loaded, \(refused) refused; "
              + "slowest \(slowest.name) in \(String(format: "%.3f", slowest.seconds)) s")
    }

    /// What a loaded scenario promises the model: every real parameter finite and in its range at every
    /// date its timeline changes something, and a simulated population between 1 and the memory ceiling.
    static func checkSafeToSimulate(_ scenario: Scenario, name: String) {
        let base = scenario.parameters
        var dates = [Double(base.simulation.startYear), Double(base.simulation.endYear)]
        for change in scenario.timeline.changes { dates += [change.start, change.end] }
        for date in dates {
            let p = scenario.timeline.parameters(at: date, base: base)
            for entry in ParameterSchema.entries {
                guard case .real(let range) = entry.kind else { continue }
                let x = Double(entry.valueText(in: p))
                #expect(x.map { $0.isFinite && range.contains($0) } == true, "\(name): \(entry.key) = \(String(describing: x))")
            }
        }
        #expect(SimulationSize.problem(base) == nil, "\(name)")
        #expect(scenario.files.count == scenario.fileContents.count, "\(name)")
    }
}
