import ArgumentParser
import Briefing
import Foundation
import OutputWriters
import RamuModel
import ScenarioFiles

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simule un scénario et écrit ses tableaux (\(OutputFile.indicators.name), \(OutputFile.parameters.name), "
            + "\(OutputFile.taxes.name), \(RunManifest.fileName)).")

    @Argument(help: "Fichier de scénario YAML, par exemple scenarios/baseline.yaml.")
    var file: String

    @OptionGroup var settings: RunSettings

    @Option(name: .long, help: "Dossier de sortie ; les tableaux vont dans DOSSIER/<scénario>/.")
    var out: String = "notebooks-output"

    @Flag(name: .long, help: "Écrit aussi \(OutputFile.households.name) (ménages de la réplication 0, chaque année).")
    var microdata = false

    @Flag(name: .long, help: "Écrit aussi la note de synthèse (\(BriefingPack.workbookName), \(BriefingPack.htmlName), \(BriefingPack.tablesDirectory)/) dans DOSSIER/<scénario>/.")
    var briefing = false

    func run() throws {
        Interruption.shared.install()
        defer { Interruption.shared.exitIfInterrupted() }  // a signal after the outputs were put in place
        let command = CommandRecord()
        var prepared = try PreparedRun.prepare(file: file, settings: settings)
        let target = try outputTarget(outDirectory: out, scenario: prepared.scenario.name)
        let outputs = try OutputSession(targets: [target])  // an unwritable place is known before simulating
        let clock = ContinuousClock()
        let started = clock.now
        let reporter = ProgressReporter(label: prepared.scenario.name, replications: settings.replications)
        var options = settings.runOptions
        options.microdata = microdata
        let results = prepared.simulate(options) { reporter.update($0) }
        reporter.finish()
        prepared.recordDerivations(results)

        let summary = ReplicationSummary.summarize(results)
        let rerun = ["run", absolutePath(file)] + settings.explicitOptions(microdata: microdata) + ["--out", absolutePath(out)]
        let files = try outputs.guarding {
            try withManifest(try prepared.outputFiles(results: results, summary: summary, microdata: microdata)
                             + prepared.briefingFiles(results: results, settings: settings, baseline: nil)) { files in
                prepared.manifest(kind: .run, command: command, rerun: rerun, settings: settings, microdata: microdata,
                                  files: files)
            }
        }
        try outputs.commit([files])
        let elapsed = clock.now - started
        print(KeyIndicatorTable.render(scenario: prepared.scenario, summary: summary,
                                       replications: settings.replications,
                                       sampleFraction: prepared.parameters.simulation.sampleFraction))
        print("Tableaux écrits dans \(outputs.targets[0].path) (\(formatDuration(elapsed))).")
        if briefing { try writeBriefing(outputs.targets[0]) }
    }
}
