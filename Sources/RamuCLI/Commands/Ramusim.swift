import ArgumentParser
import Foundation
import ScenarioFiles

/// The `ramusim` command: it only wires scenario files, the model and the writers together.
public struct Ramusim: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ramusim",
        abstract: "Simulateur du financement de la couverture sanitaire universelle (CSU) au Mali par le RAMU.",
        version: ramusimVersion,
        subcommands: [RunCommand.self, CompareCommand.self, ValidateCommand.self, ParamsCommand.self, BenchCommand.self,
                      VerifyCommand.self, BriefingCommand.self]
    )

    public init() {}
}

/// Exit code for invalid input (a bad scenario file or option): nothing is run, nothing written.
let invalidInputExit = ExitCode(2)

/// The scenario of `path`, loaded and validated; on a problem, prints it (file:line:column, key, what
/// was expected) and exits with `invalidInputExit`, before anything runs or is written.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path)
    } catch {
        printError("\(error)")
        throw invalidInputExit
    }
}
/// Exit code when the outputs cannot be written (unwritable place, disk full): the previous ones are intact.
let outputFailureExit = ExitCode(3)
/// Exit code when a result is not a finite number (a model error): nothing is written.
let nonFiniteExit = ExitCode(4)

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
