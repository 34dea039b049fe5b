import CLibFuzzer
import Foundation
import RamuModel
import ScenarioFiles

// libFuzzer target of the scenario loader and its validation (`scripts/fuzz`). Each input is written as
// input.yaml in a scratch directory that also holds baseline.yaml (a copy of the shipped one) and
// parent.yaml (a child of it with taxes and a timeline), so that `extends:` chains can be explored. An
// input must load or be refused with a ScenarioError: any crash (a trap, an overflow, an index out of
// range) or a run over the time limit is a finding. A scenario that loads must be safe to simulate:
// every real parameter finite and in its schema range, at the start, the end and every change of its
// timeline, and a simulated population of at least one person and within memory.
//
// The replay of the kept corpus in the normal test suite (FuzzCorpusTests) prepares the same directory.

let workspace: URL = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ramusim-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let baseline = (try? Data(contentsOf: root.appendingPathComponent("scenarios/baseline.yaml"))) ?? Data()
    precondition(!baseline.isEmpty, "scenarios/baseline.yaml introuvable depuis \(root.path)")
    try? baseline.write(to: directory.appendingPathComponent("baseline.yaml"))
    let parent = (try? Data(contentsOf: root.appendingPathComponent("Tests/Fuzz/parent.yaml"))) ?? Data()
    precondition(!parent.isEmpty, "Tests/Fuzz/parent.yaml introuvable depuis \(root.path)")
    try? parent.write(to: directory.appendingPathComponent("parent.yaml"))
    return directory
}()

/// One input: libFuzzer's callback.
func fuzzScenario(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = workspace.appendingPathComponent("input.yaml")
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    guard (try? data.write(to: input)) != nil else { return 0 }
    let scenario: Scenario
    do {
        scenario = try ScenarioLoader.load(path: input.path)
    } catch {
        precondition(!error.message.isEmpty && (error.line ?? 1) >= 1 && (error.column ?? 1) >= 1,
                     "ScenarioError sans message ni position valide : \(error)")
        return 0
    }
    checkSafeToSimulate(scenario)
    return 0
}

/// What a scenario that loads promises the model (MODEL.md section 8 and the schema's ranges).
private func checkSafeToSimulate(_ scenario: Scenario) {
    let base = scenario.parameters
    var dates = [Double(base.simulation.startYear), Double(base.simulation.endYear)]
    for change in scenario.timeline.changes { dates += [change.start, change.end] }
    for date in dates {
        let p = scenario.timeline.parameters(at: date, base: base)
        for entry in ParameterSchema.entries {
            guard case .real(let range) = entry.kind else { continue }
            let text = entry.valueText(in: p)
            guard let x = Double(text) else { preconditionFailure("\(entry.key) = \(text) n'est pas un nombre") }
            precondition(x.isFinite && range.contains(x), "\(entry.key) = \(text) hors de \(range.descriptionFR) en \(date)")
        }
    }
    precondition(SimulationSize.problem(base) == nil, "taille de simulation acceptée à tort")
    let people = base.demography.initialPopulation * base.simulation.sampleFraction
    precondition(people >= 1 && people <= SimulationSize.maximumSimulatedPersons, "population simulée \(people)")
    for tax in base.taxes {
        precondition([tax.base, tax.rate, tax.start, tax.collectionEfficiency, tax.shareToRAMU].allSatisfy(\.isFinite),
                     "taxe non finie")
    }
    precondition(scenario.provenance.allSatisfy { !$0.key.isEmpty }, "ligne de provenance sans clé")
    precondition(scenario.files.count == scenario.fileContents.count, "empreintes des fichiers incomplètes")
}
