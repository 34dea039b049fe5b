import Foundation
import Briefing
import OutputWriters
import RamuModel
import ScenarioFiles

/// The version written in manifests and printed by `ramusim --version`; raise it with each change of
/// what the tool computes or writes.
let ramusimVersion = "0.7.0"

/// The command line as typed, where and when: what a manifest records.
struct CommandRecord: Sendable {
    var arguments = CommandLine.arguments
    var workingDirectory = FileManager.default.currentDirectoryPath
    var started = Date()
}

/// A path made absolute against the working directory and cleaned of "." and "..", links kept.
func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
}

extension RunSettings {
    /// Every option written out, so the command can be run again from the manifest alone.
    func explicitOptions(microdata: Bool = false) -> [String] {
        var options = ["--seed", String(seed), "--replications", String(replications)]
        if let f = sampleFraction { options += ["--sample-fraction", "\(f)"] }
        options += ["--threads", String(threadCount)]
        if microdata { options.append("--microdata") }
        return options
    }
}

extension PreparedRun {
    /// The scenario file and its ancestors, child first, with the fingerprints of the bytes the loader read.
    var inputHashes: [RunManifest.FileHash] {
        zip(scenario.files, scenario.fileContents).map { url, data in RunManifest.FileHash(file: url.path, data: data) }
    }

    var manifestParameters: [RunManifest.Parameter] {
        parameterRows.map { RunManifest.Parameter(parameter: $0.parameter, value: $0.value, unit: $0.unit, source: $0.source) }
    }

    /// The manifest of this scenario's directory; `files` are its outputs (the manifest excluded).
    func manifest(kind: RunManifest.Kind, command: CommandRecord, rerun: [String], settings: RunSettings,
                  microdata: Bool, files: [(name: String, data: Data)]) -> RunManifest {
        RunManifest(kind: kind, toolVersion: ramusimVersion, arguments: command.arguments,
                    workingDirectory: command.workingDirectory, rerun: rerun, scenario: scenario.name,
                    seed: settings.seed, replications: settings.replications,
                    sampleFraction: parameters.simulation.sampleFraction, threads: settings.threadCount,
                    microdata: microdata, startedAt: RunManifest.timestamp(command.started),
                    endedAt: RunManifest.timestamp(Date()), inputs: inputHashes, parameters: manifestParameters,
                    outputs: files.map { file in
                        RunManifest.FileHash(file: file.name, data: file.data,
                                             reproducible: !runRecordFiles.contains(file.name))
                    })
    }
}

/// Outputs that record the run itself rather than its results: scenario.json holds the command as typed
/// and the day, which a re-run changes. Their fingerprints are checked; `verify --rerun` does not expect
/// the same bytes from them.
let runRecordFiles: Set<String> = [ScenarioRecord.fileName]

/// Files as bytes, in order, with the directory's manifest last.
func withManifest(_ files: [(name: String, contents: String)], _ manifest: (_ files: [(name: String, data: Data)]) -> RunManifest)
    throws -> [(name: String, data: Data)]
{
    let data = files.map { (name: $0.name, data: Data($0.contents.utf8)) }
    return data + [(name: RunManifest.fileName, data: try manifest(data).rendered())]
}
