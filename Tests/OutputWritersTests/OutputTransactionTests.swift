import Foundation
@testable import OutputWriters
import Testing

/// A fresh directory under the system's temporary directory, removed at the end of the test.
struct Sandbox: ~Copyable {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("ramusim-writers-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Every path under the sandbox (hidden files included), relative, sorted.
    func tree() -> [String] {
        var paths: [String] = []
        if let walker = FileManager.default.enumerator(atPath: root.path) {
            while let next = walker.nextObject() as? String { paths.append(next) }
        }
        return paths.sorted()
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    func make(_ relative: String, _ contents: String) throws {
        try Data(contents.utf8).write(to: url(relative))
    }
}

@Suite("Output transaction")
struct OutputTransactionTests {
    @Test func commitCreatesTargetWithAllFiles() throws {
        let box = try Sandbox()
        var transaction = try OutputTransaction(target: box.url("baseline"))
        try transaction.write("indicators.csv", contents: "a,b\n1,2\n")
        try transaction.write("raw.bin", data: Data([0, 1, 2, 255]))
        #expect(!FileManager.default.fileExists(atPath: box.url("baseline").path))  // nothing visible yet
        let written = try transaction.commit()
        #expect(written.standardizedFileURL.path == box.url("baseline").standardizedFileURL.path)
        #expect(box.tree() == ["baseline", "baseline/indicators.csv", "baseline/raw.bin"])
        #expect(try box.read("baseline/indicators.csv") == "a,b\n1,2\n")
        #expect(try Data(contentsOf: box.url("baseline/raw.bin")) == Data([0, 1, 2, 255]))
    }

    @Test func commitReplacesExistingTargetAsAWhole() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(at: box.url("baseline/sub"), withIntermediateDirectories: true)
        try box.make("baseline/indicators.csv", "old\n")
        try box.make("baseline/stale.csv", "stale\n")
        try box.make("baseline/sub/deep.txt", "deep\n")
        var transaction = try OutputTransaction(target: box.url("baseline"))
        try transaction.write("indicators.csv", contents: "new\n")
        _ = try transaction.commit()
        #expect(box.tree() == ["baseline", "baseline/indicators.csv"])
        #expect(try box.read("baseline/indicators.csv") == "new\n")
    }

    @Test func missingParentsAreCreatedAtCommitOnly() throws {
        let box = try Sandbox()
        var transaction = try OutputTransaction(target: box.url("out/runs/baseline"))
        try transaction.write("indicators.csv", contents: "x\n")
        // Staged in the nearest existing ancestor; the parents do not exist yet.
        #expect(!FileManager.default.fileExists(atPath: box.url("out").path))
        #expect(box.tree().count == 2 && box.tree().allSatisfy { $0.hasPrefix(".baseline.tmp-") })
        _ = try transaction.commit()
        #expect(box.tree() == ["out", "out/runs", "out/runs/baseline", "out/runs/baseline/indicators.csv"])
    }

    @Test func abortLeavesExistingTargetIdenticalAndNoTemporaryDirectory() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(at: box.url("baseline"), withIntermediateDirectories: false)
        try box.make("baseline/indicators.csv", "old,\"x\"\n")
        let before = box.tree()
        var transaction = try OutputTransaction(target: box.url("baseline"))
        try transaction.write("indicators.csv", contents: "new\n")
        #expect(box.tree().contains { $0.hasPrefix(".baseline.tmp-") })
        transaction.abort()
        transaction.abort()  // harmless twice
        #expect(box.tree() == before)
        #expect(try box.read("baseline/indicators.csv") == "old,\"x\"\n")
        #expect(throws: OutputError(.transactionClosed, path: transaction.target.path)) { try transaction.commit() }
        #expect(box.tree() == before)
    }

    @Test func abortWithMissingParentsLeavesNoDirectory() throws {
        let box = try Sandbox()
        var transaction = try OutputTransaction(target: box.url("a/b/baseline"))
        try transaction.write("indicators.csv", contents: "x\n")
        transaction.abort()
        #expect(box.tree() == [])
    }

    @Test(arguments: ["", ".", "..", "a/b", "/etc/passwd", "../escape.csv", "nul\0.csv"])
    func badFileNameThrowsAndEndsTheTransaction(name: String) throws {
        let box = try Sandbox()
        var transaction = try OutputTransaction(target: box.url("baseline"))
        #expect(throws: OutputError(.invalidFileName(name))) { try transaction.write(name, contents: "x") }
        #expect(box.tree() == [])
        #expect(throws: OutputError.self) { try transaction.commit() }
        #expect(box.tree() == [])
    }

    @Test func sameFileTwiceThrows() throws {
        let box = try Sandbox()
        var transaction = try OutputTransaction(target: box.url("baseline"))
        try transaction.write("a.csv", contents: "1")
        #expect(throws: OutputError.self) { try transaction.write("a.csv", contents: "2") }
        #expect(box.tree() == [])
    }

    @Test func targetUnderARegularFileThrowsAndLeavesNothing() throws {
        let box = try Sandbox()
        try box.make("x.txt", "keep me\n")
        for target in ["x.txt/out", "x.txt/deeper/out"] {
            let error = #expect(throws: OutputError.self) { try OutputTransaction(target: box.url(target)) }
            #expect(error?.reason == .notADirectory)
            #expect(error?.path?.hasSuffix("/x.txt") == true)
            #expect(error?.description.contains("x.txt") == true)
            #expect(box.tree() == ["x.txt"])
            #expect(try box.read("x.txt") == "keep me\n")
        }
    }

    @Test func targetThatIsARegularFileIsRefused() throws {
        let box = try Sandbox()
        try box.make("baseline", "a file\n")
        #expect(throws: OutputError(.notADirectory, path: box.url("baseline").path)) {
            try OutputTransaction(target: box.url("baseline"))
        }
        #expect(box.tree() == ["baseline"])
    }

    /// A parent turned into a regular file between `init` and `commit`: creating it fails.
    @Test func failureCreatingParentsLeavesNothing() throws {
        let box = try Sandbox()
        var transaction = try OutputTransaction(target: box.url("a/b/baseline"))
        try transaction.write("indicators.csv", contents: "x\n")
        try box.make("a", "now a file\n")
        #expect(throws: OutputError.self) { try transaction.commit() }
        #expect(box.tree() == ["a"])
        #expect(try box.read("a") == "now a file\n")
    }

    @Test func failureAfterCreatingSomeParentsRemovesThem() throws {
        let box = try Sandbox()
        var transaction = try OutputTransaction(target: box.url("a/b/c/baseline"))
        try transaction.write("indicators.csv", contents: "x\n")
        transaction.simulatedFailure = .moveNewIntoPlace
        #expect(throws: OutputError.self) { try transaction.commit() }
        #expect(box.tree() == [])
    }

    /// Failing at each step of replacing an existing target: the old results stay, byte for byte.
    @Test(arguments: [OutputTransaction.CommitStep.moveOldAside, .moveNewIntoPlace])
    func failedReplacementRestoresTheOldTarget(step: OutputTransaction.CommitStep) throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(at: box.url("baseline"), withIntermediateDirectories: false)
        try box.make("baseline/indicators.csv", "old\n")
        let before = box.tree()
        var transaction = try OutputTransaction(target: box.url("baseline"))
        try transaction.write("indicators.csv", contents: "new\n")
        transaction.simulatedFailure = step
        #expect(throws: OutputError.self) { try transaction.commit() }
        #expect(box.tree() == before)
        #expect(try box.read("baseline/indicators.csv") == "old\n")
    }

    @Test func errorMessageIsFrenchAndNamesPathAndSystemError() {
        let error = OutputError(.system(action: "créer le dossier", errno: 13), path: "/srv/sorties/baseline")
        #expect(error.description.hasPrefix("impossible de créer le dossier « /srv/sorties/baseline » : "))
        #expect(error.description.hasSuffix("(errno 13)"))
        #expect(error.description.contains("Permission denied"))
    }

    @Test func symbolicLinkTargetWritesIntoItsDestination() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(at: box.url("real"), withIntermediateDirectories: false)
        try box.make("real/old.csv", "old\n")
        try FileManager.default.createSymbolicLink(atPath: box.url("link").path, withDestinationPath: box.url("real").path)
        var transaction = try OutputTransaction(target: box.url("link"))
        try transaction.write("indicators.csv", contents: "new\n")
        _ = try transaction.commit()
        #expect(box.tree() == ["link", "real", "real/indicators.csv"])
        #expect(try box.read("link/indicators.csv") == "new\n")
    }
}

@Suite("Atomic file")
struct AtomicFileTests {
    @Test func writesAndLeavesNoTemporaryFile() throws {
        let box = try Sandbox()
        try writeFileAtomically(box.url("report.csv"), data: Data("v1\n".utf8))
        #expect(box.tree() == ["report.csv"])
        try writeFileAtomically(box.url("report.csv"), data: Data("version 2\n".utf8))
        #expect(box.tree() == ["report.csv"])
        #expect(try box.read("report.csv") == "version 2\n")
    }

    @Test func keepsPermissionsOfTheReplacedFile() throws {
        let box = try Sandbox()
        try box.make("report.csv", "v1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: box.url("report.csv").path)
        try writeFileAtomically(box.url("report.csv"), data: Data("v2\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: box.url("report.csv").path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func missingDirectoryThrowsAndCreatesNothing() throws {
        let box = try Sandbox()
        #expect(throws: OutputError.self) { try writeFileAtomically(box.url("nope/report.csv"), data: Data()) }
        try box.make("x.txt", "file\n")
        #expect(throws: OutputError(.notADirectory, path: box.url("x.txt").path)) {
            try writeFileAtomically(box.url("x.txt/report.csv"), data: Data())
        }
        #expect(box.tree() == ["x.txt"])
    }

    @Test func overADirectoryThrowsAndLeavesNoTemporaryFile() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(at: box.url("dir"), withIntermediateDirectories: false)
        #expect(throws: OutputError.self) { try writeFileAtomically(box.url("dir"), data: Data("x".utf8)) }
        #expect(box.tree() == ["dir"])
    }
}
