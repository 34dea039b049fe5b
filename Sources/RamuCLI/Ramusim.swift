import ArgumentParser
import Foundation

/// The `ramusim` command: it only wires scenario files, the model and the writers together.
public struct Ramusim: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ramusim",
        abstract: "Simulateur du financement de la couverture sanitaire universelle (CSU) au Mali par le RAMU.",
        subcommands: [RunCommand.self, CompareCommand.self, ValidateCommand.self, ParamsCommand.self, BenchCommand.self]
    )

    public init() {}
}

/// Exit code for invalid input (a bad scenario file or option): nothing is run, nothing written.
let invalidInputExit = ExitCode(2)

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
