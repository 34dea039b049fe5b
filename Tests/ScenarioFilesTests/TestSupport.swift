import Foundation
import ScenarioFiles
import Testing

/// A fresh temporary directory for one test, removed when the test lets go of it.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ramusim-scenario-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` at `name` (which may contain sub-folders) and returns its absolute path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The shipped baseline, found from this file: …/Tests/ScenarioFilesTests/X.swift → package root.
func baselinePath(_ filePath: String = #filePath) -> String {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios/baseline.yaml").path
}

/// Loads `path` expecting it to fail; records an issue and returns nil if it loads.
func loadFailure(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
    do {
        let scenario = try ScenarioLoader.load(path: path)
        Issue.record("« \(path) » chargé (\(scenario.provenance.count) paramètres) alors qu'une erreur était attendue",
                     sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Writes `bad` to a file and checks that loading it fails at its stated file, line, column and key,
/// with a message that says each of its words.
func expectRefusedAtItsPlace(_ bad: BadInput) throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("bad.yaml", bad.yaml)
        let error = try #require(loadFailure(path))
        #expect(error.file == path)
        #expect(error.line == bad.line)
        #expect(error.column == bad.column)
        #expect(error.keyPath == bad.keyPath)
        for words in bad.says {
            #expect(error.message.contains(words), "« \(error.message) » ne dit pas « \(words) »")
        }
}
