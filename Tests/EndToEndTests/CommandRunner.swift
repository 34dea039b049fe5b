import Foundation
import Testing

/// Runs the built `ramusim` executable as a user would, and captures what it prints.
struct CommandResult {
    /// The exit code; for a process killed by a signal it handled not, the signal (see `signaled`).
    var status: Int32
    var stdout: String
    var stderr: String
    /// Killed by a signal instead of exiting: `status` is then the signal, not an exit code.
    var signaled = false
}

enum Ramusim {
    /// Root of the package (…/Tests/EndToEndTests/CommandRunner.swift → …).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let baseline = packageRoot.appendingPathComponent("scenarios/baseline.yaml").path

    /// The executable built beside the test bundle.
    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("ramusim")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/ramusim")
    }()

    /// Runs `ramusim` to its end. `timeout` only guards against a hang (the process is killed and the
    /// test fails); it is never a speed assertion.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    timeout: Double = 300, sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let running = try RunningCommand(arguments, in: directory, environment: environment)
        return running.wait(timeout: timeout, sourceLocation: sourceLocation)
    }
}

/// `ramusim` running in the background: its output read as it comes, signals sent by the test.
final class RunningCommand: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var out = Data(), err = Data()
    private let done = DispatchGroup()

    init(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
         executable: URL = Ramusim.executable) throws {
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        // Read both pipes on their own threads, so a large output cannot block the child.
        for (pipe, isError) in [(outPipe, false), (errPipe, true)] {
            done.enter()
            Thread.detachNewThread { [self] in
                let handle = pipe.fileHandleForReading
                while case let chunk = handle.availableData, !chunk.isEmpty {
                    lock.lock()
                    if isError { err.append(chunk) } else { out.append(chunk) }
                    lock.unlock()
                }
                done.leave()
            }
        }
    }

    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: err, as: UTF8.self)
    }

    /// Waits until standard error contains `text`; false if the process ended or `timeout` passed first.
    func waitForStderr(containing text: String, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            usleep(20_000)
        }
        return false
    }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the end; after `timeout` seconds kills the process and records a hang.
    func wait(timeout: Double, sourceLocation: SourceLocation = #_sourceLocation) -> CommandResult {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("ramusim \(process.arguments ?? []) still running after \(timeout) s: killed (hang?)",
                         sourceLocation: sourceLocation)
        }
        process.waitUntilExit()
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self),
                             signaled: process.terminationReason == .uncaughtSignal)
    }
}

/// A fresh temporary directory per test, removed afterwards.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ramusim-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Every file under the directory (hidden ones included) with its bytes, to check that nothing
    /// changed; a directory maps to no bytes, anything else that is not a regular file (a FIFO, a
    /// symbolic link) to a marker, without reading it.
    func snapshot() throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let f = e?.nextObject() as? URL {
            var info = stat()
            guard lstat(f.path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: out[f.path] = Data()
            case S_IFREG: out[f.path] = try Data(contentsOf: f)
            default: out[f.path] = Data("<special \(info.st_mode & S_IFMT)>".utf8)
            }
        }
        return out
    }
}

/// Parses a canonical CSV (comma, double quotes) into rows of fields.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], field = "", row: [String] = []
    var inQuotes = false
    var chars = Array(text).makeIterator()
    var pending: Character? = nil
    while let c = pending ?? chars.next() {
        pending = nil
        if inQuotes {
            if c == "\"" {
                if let n = chars.next() {
                    if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                } else { inQuotes = false }
            } else { field.append(c) }
        } else if c == "\"" { inQuotes = true
        } else if c == "," { row.append(field); field = ""
        } else if c == "\n" { row.append(field); rows.append(row); row = []; field = ""
        } else { field.append(c) }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
