import Foundation
import Testing

/// The programs the end-to-end tests run: the built `ramusim`, and the real clients a ministry uses to
/// open the briefing (LibreOffice, Chromium) or an analyst to read it (openpyxl). A missing one fails
/// the test with the command that installs it; it never skips.
enum Tools {
    /// Root of the package (…/Tests/BriefingEndToEndTests/Tools.swift → …).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let scripts = packageRoot.appendingPathComponent("Tests/BriefingEndToEndTests/Scripts")
    static let reference = packageRoot.appendingPathComponent("Tests/BriefingEndToEndTests/Reference")
    static let install = "lancez scripts/install-deps --test (installe python3-openpyxl, libreoffice-calc-nogui, chromium)"

    /// The executables built beside the test bundle (.build-…/debug/).
    static let buildDirectory: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if FileManager.default.isExecutableFile(atPath: beside.appendingPathComponent("ramusim").path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug")
    }()
    static var ramusim: String { buildDirectory.appendingPathComponent("ramusim").path }

    /// Test artefacts kept after the run (screenshots, PDF): inside the build directory, never committed.
    static let artefacts: URL = {
        let url = buildDirectory.appendingPathComponent("briefing-test-artefacts", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var ok: Bool { status == 0 }
    }

    /// Runs a program; `program` without a "/" is looked up in PATH.
    static func run(_ program: String, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes until they close, together, so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Whether `program` is in PATH (or is an executable path).
    static func exists(_ program: String) -> Bool {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    /// A Python that can import openpyxl: Debian's python3-openpyxl lives in /usr/bin/python3, which a
    /// python3 earlier in PATH (pyenv, a virtualenv) may not see.
    static let python: String? = {
        for candidate in ["/usr/bin/python3", "python3"] where exists(candidate) {
            if let r = try? run(candidate, ["-c", "import openpyxl"]), r.ok { return candidate }
        }
        return nil
    }()

    /// Runs one of the shipped Python scripts and decodes the JSON object it prints.
    static func script(_ name: String, _ arguments: [String]) throws -> (Result, [String: Any]) {
        guard let python else {
            Issue.record("aucun python3 avec openpyxl : \(install)")
            throw Missing()
        }
        let result = try run(python, [scripts.appendingPathComponent(name).path] + arguments)
        let json = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (result, json)
    }

    /// Fails the test when a client is missing.
    static func require(_ program: String, package: String) throws {
        guard exists(program) else {
            Issue.record("« \(program) » introuvable (paquet Debian \(package)) : \(install)")
            throw Missing()
        }
    }

    struct Missing: Error {}
}

/// A fresh temporary directory, removed afterwards.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ramusim-briefing-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Every regular file under `root`, by path relative to it.
func files(under root: URL) -> [String: URL] {
    var found: [String: URL] = [:]
    let base = root.standardizedFileURL.resolvingSymlinksInPath().path
    let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    while let f = e?.nextObject() as? URL {
        guard (try? f.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
        let path = f.standardizedFileURL.resolvingSymlinksInPath().path
        found[String(path.dropFirst(base.count + 1))] = f
    }
    return found
}
