import ArgumentParser
import Briefing
import Foundation
import OutputWriters
import RamuModel

/// `ramusim briefing DIR`: the briefing pack (briefing.xlsx, briefing.html, tableaux/) of the outputs of a
/// `run` (DIR = OUT/<scénario>/) or of a `compare` (DIR = OUT/), made from the files already there.
struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Écrit la note de synthèse d'une simulation : \(BriefingPack.workbookName), \(BriefingPack.htmlName) et "
            + "\(BriefingPack.tablesDirectory)/ (CSV pour Excel en français).",
        discussion: """
            DOSSIER est le dossier de sortie d'un « ramusim run » (DOSSIER/<scénario>/, qui contient \
            \(OutputFile.indicators.name)) ou d'un « ramusim compare » (le dossier qui contient \
            \(OutputFile.comparison.name)). Les fichiers sont écrits dans DOSSIER ; \
            rien n'est simulé. « run » et « compare » le font d'eux-mêmes avec --briefing.
            """)

    @Argument(help: ArgumentHelp("Dossier de sortie d'un run (DOSSIER/<scénario>/) ou d'un compare (DOSSIER/).", valueName: "dossier"))
    var directory: String

    func run() throws {
        try writeBriefing(URL(fileURLWithPath: directory, isDirectory: true))
    }
}

/// Writes the briefing pack of `directory` and says where; exit code 2 when the directory is not the
/// output of a run or a compare, 3 when the pack cannot be written.
func writeBriefing(_ directory: URL) throws {
    let input: BriefingInput
    do {
        input = try BriefingInput.load(directory: directory)
    } catch {
        printError("ramusim briefing : \(error)")
        throw invalidInputExit
    }
    do {
        let written = try BriefingPack.write(input)
        print("Note de synthèse écrite dans \(written.directory.path) : \(BriefingPack.htmlName), \(BriefingPack.workbookName), "
              + "\(BriefingPack.tablesDirectory)/ (\(written.tables.count) tableaux CSV pour Excel en français).")
    } catch {
        printError("ramusim briefing : \(error)")
        throw outputFailureExit
    }
}

/// Removes the briefing pack of a comparison directory whose results were just replaced without
/// `--briefing`: it described the previous results. (A run's directory is replaced whole.)
func removeStaleBriefing(_ directory: URL) {
    let stale = BriefingPack.reservedNames.sorted().filter {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
    }
    guard !stale.isEmpty else { return }
    for name in stale { try? FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
    print("Ancienne note de synthèse retirée (\(stale.joined(separator: ", "))) : elle décrivait les résultats précédents ; "
          + "« ramusim briefing \(directory.path) » la refait.")
}

extension PreparedRun {
    /// The files the briefing reads besides indicators.csv and parameters.csv: indicators_by_quintile.csv
    /// (equity, MODEL.md section 9) and scenario.json (what the scenario is and how it was run).
    /// `baseline` is the baseline's name in a comparison, nil for a run.
    func briefingFiles(results: [ReplicationResult], settings: RunSettings, baseline: String?) throws
        -> [(name: String, contents: String)]
    {
        let quintiles = try IndicatorTables.indicatorsByQuintile(scenario: scenario.name,
                                                                 summary: ReplicationSummary.quintiles(results))
        var command = CommandLine.arguments
        if !command.isEmpty { command[0] = "ramusim" }  // the path of the executable says nothing to a reader
        let record = ScenarioRecord(
            name: scenario.name, title: scenario.title, description: scenario.description, file: file,
            run: ScenarioRecord.RunRecord(command: command, version: ramusimVersion, seed: settings.seed,
                                          replications: settings.replications,
                                          sampleFraction: parameters.simulation.sampleFraction,
                                          date: ScenarioRecord.RunRecord.today(), baseline: baseline))
        return [(name: OutputFile.indicatorsByQuintile.name, contents: quintiles.render()),
                (name: ScenarioRecord.fileName, contents: try record.rendered())]
    }
}
