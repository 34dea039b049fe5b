import ArgumentParser
import Foundation
import OutputWriters
import RamuModel
import ScenarioFiles

/// Options shared by the commands that run scenarios (`run`, `compare`).
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

    /// Checks the options; on a problem prints it and exits with code 2.
    func check() throws {
        if let problem = problem() {
            printError("ramusim : \(problem)")
            throw invalidInputExit
        }
    }

    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    var runOptions: RunOptions {
        RunOptions(seed: seed, replications: replications, threads: threadCount)
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

    /// Checks the options, then loads and validates the file; on a problem prints it and exits with code 2.
    static func prepare(file: String, settings: RunSettings) throws -> PreparedRun {
        try settings.check()
        return try load(file: file, settings: settings)
    }

    /// Loads and validates the file with the (already checked) options applied; on a problem prints
    /// it and exits with code 2.
    static func load(file: String, settings: RunSettings) throws -> PreparedRun {
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

    /// Runs every replication of the scenario (MODEL.md section 2: streams from the seed and the
    /// replication index, so two scenarios run with the same options share their random numbers).
    func simulate(_ options: RunOptions, progress: @escaping @Sendable (RunProgress) -> Void) -> [ReplicationResult] {
        Simulation.run(parameters, timeline: scenario.timeline, options: options, progress: progress)
    }

    /// The files of the scenario's output directory, built in memory: indicators.csv, parameters.csv,
    /// taxes.csv when the scenario has an earmarked tax, households.csv when microdata were kept.
    func outputFiles(results: [ReplicationResult],
                     summary: [(year: Int, indicator: Indicator, stats: IndicatorStatistics)],
                     microdata: Bool = false) throws
        -> [(name: String, contents: String)]
    {
        let name = scenario.name
        var files = [
            (name: "indicators.csv", contents: try IndicatorTables.indicators(scenario: name, summary: summary).render()),
            (name: "parameters.csv", contents: IndicatorTables.parameters(parameterRows).render()),
        ]
        if !parameters.taxes.isEmpty {
            let taxes = ReplicationSummary.taxes(results, names: parameters.taxes.map(\.name))
            files.append((name: "taxes.csv", contents: try IndicatorTables.taxes(scenario: name, summary: taxes).render()))
        }
        if microdata, let first = results.first {  // replication 0: the only one that keeps microdata
            files.append((name: "households.csv", contents: try IndicatorTables.households(first.households).render()))
        }
        return files
    }
}

/// Writes `files` into a new output transaction for `target`, not yet committed. A failed write
/// has already aborted the transaction (`OutputTransaction.write`).
func stage(_ files: [(name: String, contents: String)], in target: URL) throws -> OutputTransaction {
    var transaction = try OutputTransaction(target: target)
    for file in files {
        try transaction.write(file.name, contents: file.contents)
    }
    return transaction
}

func formatDuration(_ d: Duration) -> String {
    let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    return seconds < 60 ? String(format: "%.1f s", seconds) : String(format: "%d min %02d s", Int(seconds) / 60, Int(seconds) % 60)
}
