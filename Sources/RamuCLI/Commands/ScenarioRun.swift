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

/// The output directory of a scenario. The name comes from the file's name, so it is refused when it
/// could leave the output directory or hide there: empty, ".", "..", a "/", a leading "." (a hidden
/// directory, and the prefix of the temporary ones), a control character (a newline), more than 200 bytes.
func outputTarget(outDirectory: String, scenario: String) throws -> URL {
    if let problem = scenarioNameProblem(scenario) {
        printError("nom de scénario « \(visible(scenario)) » inutilisable comme dossier de sortie (\(problem)) ; "
                   + "renommez le fichier")
        throw invalidInputExit
    }
    return URL(fileURLWithPath: outDirectory).appendingPathComponent(scenario, isDirectory: true)
}

/// Why `name` cannot name an output directory, or nil.
func scenarioNameProblem(_ name: String) -> String? {
    if name.isEmpty || name == "." || name == ".." { return "nom vide ou réservé" }
    if name.contains("/") { return "contient « / »" }
    if name.hasPrefix(".") { return "commence par un point : ce serait un dossier caché" }
    if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
        return "contient un caractère de contrôle (retour à la ligne, tabulation…)"
    }
    if name.utf8.count > 200 { return "plus de 200 octets" }
    return nil
}

/// A name with its control characters shown as \u{…}, so a message stays on one line.
func visible(_ name: String) -> String {
    var text = ""
    for scalar in name.unicodeScalars {
        if scalar.properties.generalCategory == .control {
            text += "\\u{" + String(scalar.value, radix: 16) + "}"
        } else {
            text.unicodeScalars.append(scalar)
        }
    }
    return text
}

/// A scenario loaded and checked, with the command line's overrides applied.
struct PreparedRun {
    /// The file as given on the command line.
    var file: String
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
        let scenario = try loadScenario(file)
        var parameters = scenario.parameters
        var rows = scenario.provenance.map { (parameter: $0.key, value: $0.value, unit: $0.unit, source: $0.source) }
        if let f = settings.sampleFraction {
            parameters.simulation.sampleFraction = f
            if let i = rows.firstIndex(where: { $0.parameter == "simulation.sample_fraction" }) {
                rows[i].value = formatNumber(f)
                rows[i].source = "ligne de commande (--sample-fraction)"
            }
            // The file's own fraction was checked with its population; the option's is checked here.
            if let problem = SimulationSize.problem(parameters) {
                printError("ramusim : option --sample-fraction : \(f) ; \(problem)")
                throw invalidInputExit
            }
        }
        rows.append((parameter: "run.seed", value: String(settings.seed), unit: "text", source: "ligne de commande (--seed)"))
        rows.append((parameter: "run.replications", value: String(settings.replications), unit: "text",
                     source: "ligne de commande (--replications)"))
        return PreparedRun(file: file, scenario: scenario, parameters: parameters, parameterRows: rows)
    }

    /// Runs every replication of the scenario (MODEL.md section 2: streams from the seed and the
    /// replication index, so two scenarios run with the same options share their random numbers),
    /// keeping of each what the output files need.
    func simulate(_ options: RunOptions, progress: @escaping @Sendable (RunProgress) -> Void) -> [ReplicationResult] {
        Simulation.run(parameters, timeline: scenario.timeline, options: options, progress: progress,
                       keep: PreparedRun.slimmed)
    }

    /// `simulate` for each of `runs` (a comparison): the scenarios run together, so that years their
    /// households see alike are simulated once; each gets exactly what `simulate` would give it.
    static func simulateTogether(_ runs: [PreparedRun], _ options: RunOptions,
                                 progress: @escaping @Sendable (RunProgress) -> Void) -> [[ReplicationResult]] {
        Simulation.runScenarios(runs.map { ($0.parameters, $0.scenario.timeline) }, options: options,
                                progress: progress, keep: PreparedRun.slimmed)
    }

    /// What the writers read of a replication: its indicators, tax revenue, quintiles and the households
    /// of replication 0. Measured at sample fraction 0.0002 (release build): a whole replication (money
    /// by pool, event counts...) held about 30 KB; slimmed as each ends, about 21 KB (16 years × 78
    /// values is 10 KB of numbers, the rest the many small arrays they sit in), so 10 000 replications
    /// peak at 266 MB instead of about 330 MB. Exact percentiles need every replication's values.
    static func slimmed(_ full: ReplicationResult) -> ReplicationResult {
        var slim = ReplicationResult(replication: full.replication, years: full.years, households: full.households,
                                     taxRevenue: full.taxRevenue)
        slim.quintiles = full.quintiles
        slim.startSupplySide = full.startSupplySide
        return slim
    }

    /// Writes into `parameterRows` the values the model derived (MODEL.md section 7, second version): a
    /// supply side written `derived` becomes the mean over replications of what it was found to be, with
    /// its derivation before the file's source (parameters.csv, the manifest and the briefing show it).
    mutating func recordDerivations(_ results: [ReplicationResult]) {
        let derived = results.compactMap(\.startSupplySide)
        guard parameters.budget.supplySide == nil, !derived.isEmpty,
              let i = parameterRows.firstIndex(where: { $0.parameter == "budget.supply_side" }) else { return }
        let mean = derived.reduce(0, +) / Double(derived.count)
        parameterRows[i].value = formatNumber(mean)
        let range = derived.count > 1
            ? " ; de \(formatFrench(derived.min()!, decimals: 0)) à \(formatFrench(derived.max()!, decimals: 0)) MFCFA selon la réplication"
            : ""
        parameterRows[i].source = "dérivé : budget santé de \(parameters.simulation.startYear) moins ses engagements (RAMED, "
            + "gratuités, subventions) et les déficits des régimes cette année-là, moyenne de \(derived.count) réplication(s)"
            + "\(range) — " + parameterRows[i].source
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
            (name: OutputFile.indicators.name,
             contents: try IndicatorTables.indicators(scenario: name, summary: summary).render()),
            (name: OutputFile.parameters.name, contents: IndicatorTables.parameters(parameterRows).render()),
        ]
        if !parameters.taxes.isEmpty {
            let taxes = ReplicationSummary.taxes(results, names: parameters.taxes.map(\.name))
            files.append((name: OutputFile.taxes.name,
                          contents: try IndicatorTables.taxes(scenario: name, summary: taxes).render()))
        }
        if microdata, let first = results.first {  // replication 0: the only one that keeps microdata
            files.append((name: OutputFile.households.name,
                          contents: try IndicatorTables.households(first.households).render()))
        }
        return files
    }
}

func formatDuration(_ d: Duration) -> String {
    let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    guard seconds >= 60 else { return String(format: "%.1f s", seconds) }
    let whole = clampedInt(seconds)
    return String(format: "%ld min %02ld s", whole / 60, whole % 60)
}

/// The nearest Int to `x`, NaN as 0 and beyond the range as its ends: for counts shown on screen,
/// where `Int(x)` would stop the program on an infinity or a NaN.
func clampedInt(_ x: Double) -> Int {
    if x.isNaN { return 0 }
    if x >= 9.2e18 { return .max }
    if x <= -9.2e18 { return .min }
    return Int(x.rounded())
}
