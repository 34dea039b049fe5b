import ArgumentParser
import Foundation
import OutputWriters
import RamuModel
import ScenarioFiles

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simule un scénario et écrit ses tableaux (indicators.csv, parameters.csv, taxes.csv).")

    @Argument(help: "Fichier de scénario YAML, par exemple scenarios/baseline.yaml.")
    var file: String

    @OptionGroup var settings: RunSettings

    @Option(name: .long, help: "Dossier de sortie ; les tableaux vont dans DOSSIER/<scénario>/.")
    var out: String = "notebooks-output"

    @Flag(name: .long, help: "Écrit aussi households.csv (ménages de la réplication 0, chaque année).")
    var microdata = false

    func run() throws {
        let prepared = try PreparedRun.prepare(file: file, settings: settings)
        let target = try outputTarget(outDirectory: out, scenario: prepared.scenario.name)
        let clock = ContinuousClock()
        let started = clock.now
        let reporter = ProgressReporter(label: prepared.scenario.name, replications: settings.replications)
        var options = settings.runOptions
        options.microdata = microdata
        let results = prepared.simulate(options) { reporter.update($0) }
        reporter.finish()

        let summary = ReplicationSummary.summarize(results)
        let files = try prepared.outputFiles(results: results, summary: summary, microdata: microdata)
        let written = try stage(files, in: target).commit()
        let elapsed = clock.now - started
        print(KeyIndicatorTable.render(scenario: prepared.scenario, summary: summary,
                                       replications: settings.replications,
                                       sampleFraction: prepared.parameters.simulation.sampleFraction))
        print("Tableaux écrits dans \(written.path) (\(formatDuration(elapsed))).")
    }
}
