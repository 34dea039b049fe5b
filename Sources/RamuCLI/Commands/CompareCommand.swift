import ArgumentParser
import Briefing
import Foundation
import OutputWriters
import RamuModel
import ScenarioFiles

/// `ramusim compare`: several scenarios run with the same seed (common random numbers, MODEL.md
/// section 2), each written as `run` writes it, and their paired differences with a baseline in
/// `DIR/comparison.csv`.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Simule plusieurs scénarios avec les mêmes nombres aléatoires et les compare à une référence.",
        discussion: """
            Chaque scénario est écrit dans DOSSIER/<scénario>/ comme par « ramusim run » ; \
            DOSSIER/\(OutputFile.comparison.name) \
            donne, par scénario, année et indicateur, la moyenne et l'écart avec la référence calculé \
            réplication par réplication (moyenne et intervalle 5–95 %).
            """)

    @Argument(help: ArgumentHelp("Fichiers de scénario YAML (au moins deux), par exemple scenarios/baseline.yaml scenarios/budget-15.yaml.",
                                 valueName: "fichier.yaml"))
    var files: [String] = []

    @Option(name: .long, help: "Scénario de référence : son nom (fichier sans .yaml) ou son chemin (défaut : le premier fichier).")
    var baseline: String?

    @OptionGroup var settings: RunSettings

    @Option(name: .long,
            help: "Dossier de sortie ; DOSSIER/<scénario>/ pour chaque scénario et DOSSIER/\(OutputFile.comparison.name).")
    var out: String = "notebooks-output"

    @Flag(name: .long,
          help: "Écrit aussi la note de synthèse de la comparaison (\(BriefingPack.workbookName), \(BriefingPack.htmlName), \(BriefingPack.tablesDirectory)/) dans DOSSIER/.")
    var briefing = false

    func run() throws {
        Interruption.shared.install()
        defer { Interruption.shared.exitIfInterrupted() }  // a signal after the outputs were put in place
        let command = CommandRecord()
        var plan = try ComparisonPlan.prepare(files: files, baseline: baseline, settings: settings, out: out)
        let outputs = try OutputSession(targets: plan.targets)  // an unwritable place is known before simulating
        let clock = ContinuousClock()
        let started = clock.now
        let reporter = ProgressReporter(label: "comparaison de \(plan.runs.count) scénarios",
                                        replications: settings.replications * plan.runs.count)
        let results = PreparedRun.simulateTogether(plan.runs, settings.runOptions) { reporter.update($0) }
        reporter.finish()
        for i in plan.runs.indices { plan.runs[i].recordDerivations(results[i]) }

        let summaries = results.map(ReplicationSummary.summarize)
        let comparisons = zip(plan.runs, results).map { run, r in
            (scenario: run.scenario.name, entries: ComparisonSummary.compare(baseline: results[plan.baseline], scenario: r))
        }
        // Every scenario's manifest records the same command: re-running it remakes the whole comparison.
        let rerun = ["compare"] + plan.runs.map { absolutePath($0.file) }
            + ["--baseline", absolutePath(plan.runs[plan.baseline].file)] + settings.explicitOptions()
            + ["--out", absolutePath(out)]
        let (files, comparisonFiles) = try outputs.guarding {
            let files = try plan.runs.indices.map { i in
                try withManifest(try plan.runs[i].outputFiles(results: results[i], summary: summaries[i])
                                 + plan.runs[i].briefingFiles(results: results[i], settings: settings,
                                                              baseline: plan.runs[plan.baseline].scenario.name)) { files in
                    plan.runs[i].manifest(kind: .compareScenario, command: command, rerun: rerun, settings: settings,
                                          microdata: false, files: files)
                }
            }
            let comparisonCSV = Data(try IndicatorTables.comparison(comparisons).render().utf8)
            let manifest = plan.manifest(command: command, rerun: rerun, settings: settings,
                                         comparisonCSV: comparisonCSV, scenarioManifests: files.map { $0.last!.data })
            return (files, [(name: OutputFile.comparison.name, data: comparisonCSV),
                            (name: RunManifest.fileName, data: try manifest.rendered())])
        }
        // The scenario directories first, then DIR/comparison.csv and DIR/manifest.json beside them.
        try outputs.commit(files) {
            for file in comparisonFiles {
                try writeFileAtomically(plan.outDirectory.appendingPathComponent(file.name), data: file.data)
            }
        }

        let elapsed = clock.now - started
        print(ComparisonTable.render(scenarios: plan.runs.map(\.scenario), baseline: plan.baseline,
                                     comparisons: comparisons.map(\.entries), replications: settings.replications,
                                     sampleFraction: plan.runs[0].parameters.simulation.sampleFraction))
        print("Tableaux écrits dans \(plan.outDirectory.path) (\(formatDuration(elapsed))).")
        if briefing { try writeBriefing(plan.outDirectory) } else { removeStaleBriefing(plan.outDirectory) }
    }
}

/// The scenarios of a comparison, all loaded and checked before anything runs.
struct ComparisonPlan {
    var runs: [PreparedRun]
    /// Position of the baseline in `runs`.
    var baseline: Int
    var targets: [URL]
    var outDirectory: URL

    /// Checks the options, loads every file and checks that they can be compared; on the first
    /// problem prints one message and exits with code 2, before anything is run or written.
    static func prepare(files: [String], baseline: String?, settings: RunSettings, out: String) throws -> ComparisonPlan {
        try settings.check()
        guard files.count >= 2 else {
            throw refusal("ramusim compare : \(files.count) fichier(s) de scénario ; attendu au moins deux fichiers à comparer")
        }
        let runs = try files.map { try PreparedRun.load(file: $0, settings: settings) }
        var firstFile: [String: String] = [:]  // scenario name → file that gave it
        for (file, run) in zip(files, runs) {
            let name = run.scenario.name
            if let other = firstFile[name] {
                throw refusal("\(file) : le scénario « \(name) » porte le même nom que \(other) ; leurs dossiers de sortie "
                       + "se confondraient : renommez l'un des fichiers")
            }
            if name == OutputFile.comparison.name || name == RunManifest.fileName || BriefingPack.reservedNames.contains(name) {
                throw refusal("\(file) : nom de scénario « \(name) » réservé aux fichiers de la comparaison ; renommez le fichier")
            }
            firstFile[name] = file
        }
        let targets = try runs.map { try outputTarget(outDirectory: out, scenario: $0.scenario.name) }
        let index = try baselineIndex(baseline, files: files, runs: runs)
        try checkComparable(files: files, runs: runs)
        return ComparisonPlan(runs: runs, baseline: index, targets: targets,
                              outDirectory: URL(fileURLWithPath: out, isDirectory: true))
    }

    /// `--baseline` given as a scenario name or as one of the paths given; the first file by default.
    private static func baselineIndex(_ baseline: String?, files: [String], runs: [PreparedRun]) throws -> Int {
        guard let baseline else { return 0 }
        func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        if let i = runs.firstIndex(where: { $0.scenario.name == baseline })
            ?? files.firstIndex(where: { canonical($0) == canonical(baseline) })
        {
            return i
        }
        let names = runs.map { "« \($0.scenario.name) »" }.joined(separator: ", ")
        throw refusal("ramusim : option --baseline : « \(baseline) » n'est aucun des scénarios comparés ; attendu l'un de \(names) "
               + "ou le chemin d'un des fichiers")
    }

    /// Replication r of two scenarios shares its random numbers only if both simulate the same
    /// households over the same years (MODEL.md section 2).
    private static func checkComparable(files: [String], runs: [PreparedRun]) throws {
        let first = runs[0].parameters.simulation
        for (file, run) in zip(files, runs).dropFirst() {
            let s = run.parameters.simulation
            if s.sampleFraction != first.sampleFraction {
                throw refusal("\(file) : clé « simulation.sample_fraction » : \(formatNumber(s.sampleFraction)), "
                       + "\(formatNumber(first.sampleFraction)) dans \(files[0]) ; les scénarios comparés doivent simuler "
                       + "les mêmes ménages : donnez la même fraction dans les fichiers ou l'option --sample-fraction")
            }
            if s.startYear != first.startYear || s.endYear != first.endYear {
                throw refusal("\(file) : clés « simulation.start_year » et « simulation.end_year » : \(s.startYear)–\(s.endYear), "
                       + "\(first.startYear)–\(first.endYear) dans \(files[0]) ; les scénarios comparés doivent couvrir "
                       + "les mêmes années")
            }
        }
    }

    /// Prints the message; the exit code 2 of invalid input, to throw.
    private static func refusal(_ message: String) -> ExitCode {
        printError(message)
        return invalidInputExit
    }
}

extension ComparisonPlan {
    /// DIR/manifest.json: the comparison's command and inputs, comparison.csv's fingerprint, and the
    /// fingerprint of each scenario directory's own manifest.
    func manifest(command: CommandRecord, rerun: [String], settings: RunSettings, comparisonCSV: Data,
                  scenarioManifests: [Data]) -> RunManifest {
        var inputs: [RunManifest.FileHash] = []
        for input in runs.flatMap(\.inputHashes) where !inputs.contains(input) { inputs.append(input) }
        return RunManifest(
            kind: .comparison, toolVersion: ramusimVersion, arguments: command.arguments,
            workingDirectory: command.workingDirectory, rerun: rerun, scenario: nil,
            baseline: runs[baseline].scenario.name, seed: settings.seed, replications: settings.replications,
            sampleFraction: runs[0].parameters.simulation.sampleFraction, threads: settings.threadCount,
            microdata: false, startedAt: RunManifest.timestamp(command.started), endedAt: RunManifest.timestamp(Date()),
            inputs: inputs, parameters: [],
            outputs: [RunManifest.FileHash(file: OutputFile.comparison.name, data: comparisonCSV)],
            scenarios: zip(runs, scenarioManifests).map { run, data in
                RunManifest.ScenarioDirectory(name: run.scenario.name, manifestSHA256: SHA256.hex(of: data))
            })
    }
}
