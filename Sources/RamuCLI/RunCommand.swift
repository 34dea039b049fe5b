import ArgumentParser
import Foundation
import OutputWriters
import RamuModel
import ScenarioFiles

/// Options shared by the commands that run a scenario.
struct RunSettings: ParsableArguments {
    @Option(name: .long, help: "Nombre de réplications (≥ 1).")
    var replications: Int = 10

    @Option(name: .long, help: "Graine des générateurs aléatoires (même graine, mêmes résultats).")
    var seed: UInt64 = 1

    @Option(name: .customLong("sample-fraction"), help: "Part des ménages du Mali simulés, dans (0, 1] (défaut : celle du fichier).")
    var sampleFraction: Double?

    @Option(name: .long, help: "Nombre de fils d'exécution (défaut : tous les cœurs). Ne change pas les résultats.")
    var threads: Int?

    /// Checks the options; a message naming the option and what was expected, or nil.
    func problem() -> String? {
        if replications < 1 { return "option --replications : \(replications) ; attendu un entier ≥ 1" }
        if let f = sampleFraction, !(f > 0 && f <= 1) {
            return "option --sample-fraction : \(f) ; attendu une fraction dans (0, 1], par exemple 0.01"
        }
        if let t = threads, t < 1 { return "option --threads : \(t) ; attendu un entier ≥ 1" }
        return nil
    }

    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simule un scénario et écrit ses tableaux (indicators.csv, parameters.csv).")

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
        let options = RunOptions(seed: settings.seed, replications: settings.replications,
                                 threads: settings.threadCount, microdata: microdata)
        let results = Simulation.run(prepared.parameters, options: options) { reporter.update($0) }
        reporter.finish()

        let summary = ReplicationSummary.summarize(results)
        var transaction = try OutputTransaction(target: target)
        do {
            try transaction.write("indicators.csv",
                                  contents: IndicatorTables.indicators(scenario: prepared.scenario.name, summary: summary).render())
            try transaction.write("parameters.csv",
                                  contents: IndicatorTables.parameters(prepared.parameterRows).render())
            if microdata, let first = results.first {
                try transaction.write("households.csv", contents: IndicatorTables.households(first.households).render())
            }
        } catch {
            transaction.abort()
            throw error
        }
        let written = try transaction.commit()
        let elapsed = clock.now - started
        print(KeyIndicatorTable.render(scenario: prepared.scenario, summary: summary,
                                       replications: settings.replications,
                                       sampleFraction: prepared.parameters.simulation.sampleFraction))
        print("Tableaux écrits dans \(written.path) (\(formatDuration(elapsed))).")
    }
}

/// The output directory of a scenario, refusing names that would leave the output directory.
func outputTarget(outDirectory: String, scenario: String) throws -> URL {
    guard !scenario.isEmpty, scenario != ".", scenario != "..", !scenario.contains("/") else {
        printError("nom de scénario « \(scenario) » inutilisable comme dossier de sortie ; renommez le fichier")
        throw invalidInputExit
    }
    return URL(fileURLWithPath: outDirectory).appendingPathComponent(scenario, isDirectory: true)
}

/// A scenario loaded and checked, with the command line's overrides applied.
struct PreparedRun {
    var scenario: Scenario
    var parameters: Parameters
    var parameterRows: [(parameter: String, value: String, unit: String, source: String)]

    /// Loads and validates the file and the options; on a problem prints it and exits with code 2.
    static func prepare(file: String, settings: RunSettings) throws -> PreparedRun {
        if let problem = settings.problem() {
            printError("ramusim : \(problem)")
            throw invalidInputExit
        }
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: file)
        } catch {
            printError("\(error)")
            throw invalidInputExit
        }
        var parameters = scenario.parameters
        var rows = scenario.provenance.map { (parameter: $0.key, value: $0.value, unit: $0.unit, source: $0.source) }
        if let f = settings.sampleFraction {
            parameters.simulation.sampleFraction = f
            if let i = rows.firstIndex(where: { $0.parameter == "simulation.sample_fraction" }) {
                rows[i].value = formatNumber(f)
                rows[i].source = "ligne de commande (--sample-fraction)"
            }
        }
        rows.append((parameter: "run.seed", value: String(settings.seed), unit: "text", source: "ligne de commande (--seed)"))
        rows.append((parameter: "run.replications", value: String(settings.replications), unit: "text",
                     source: "ligne de commande (--replications)"))
        return PreparedRun(scenario: scenario, parameters: parameters, parameterRows: rows)
    }
}

func formatDuration(_ d: Duration) -> String {
    let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    return seconds < 60 ? String(format: "%.1f s", seconds) : String(format: "%d min %02d s", Int(seconds) / 60, Int(seconds) % 60)
}
