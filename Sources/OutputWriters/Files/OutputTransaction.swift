import Foundation

/// Writes all the files of one run so that the output directory is never seen half-written.
///
/// Files are written into a hidden temporary directory beside the target
/// (".<target name>.tmp-<pid>-<random>"), each flushed to disk; `commit` then swaps the whole
/// directory into place: an existing target is renamed aside, the new one renamed in, the old one
/// removed. Any error thrown by `write` or `commit` ends the transaction: the temporary directory
/// is removed and the target is left exactly as it was.
///
/// Missing parent directories of the target are created only by `commit`, once every file is
/// written; until then the temporary directory lives in the nearest existing ancestor (same file
/// system, so the final rename is still atomic). An aborted or failed transaction therefore leaves
/// no new directory anywhere. Replacing means replacing: files a user added to the target
/// directory since the last run disappear with it.
public struct OutputTransaction: Sendable {
    /// Where the files will be after `commit` (a final symbolic link is resolved).
    public let target: URL
    /// The hidden directory files are written into until `commit`.
    public var temporaryDirectory: URL { URL(fileURLWithPath: stagingPath, isDirectory: true) }

    private let targetPath: String
    /// The nearest existing ancestor of the target: its parent, unless that is missing.
    private let stagingParent: String
    private let stagingPath: String
    /// Directories between `stagingParent` and the target, outermost first; created by `commit`.
    private let missingParents: [String]
    private var written: Set<String> = []

    /// The commit steps, for tests that make one of them fail.
    enum CommitStep: Sendable { case createParents, moveOldAside, moveNewIntoPlace }
    /// Tests only: the step at which `commit` fails with EIO.
    var simulatedFailure: CommitStep?
    /// Tests only: `write` of this file name puts half its bytes on disk, then fails with this errno
    /// (ENOSPC: the disk filling up in the middle of a file).
    var simulatedWriteFailure: (name: String, errno: Int32)?

    /// Creates the temporary directory. Throws if the target, or its nearest existing ancestor,
    /// exists and is not a directory, or if the temporary directory cannot be created.
    public init(target: URL) throws {
        var path = FileSystem.absolute(target)
        let name = FileSystem.name(of: path)
        guard path != "/", !name.isEmpty, name != ".", name != ".." else {
            throw OutputError(.invalidTarget, path: path)
        }
        switch try FileSystem.kind(path) {
        case .directory?, nil: break
        case .symbolicLink?:
            guard try FileSystem.isDirectoryFollowingLinks(path) == true else {
                throw OutputError(.notADirectory, path: path)
            }
            path = try FileSystem.resolved(path)
        case .other?: throw OutputError(.notADirectory, path: path)
        }
        var missing: [String] = []
        var ancestor = FileSystem.parent(of: path)
        while true {  // up to the nearest existing ancestor ("/" always exists)
            switch try FileSystem.isDirectoryFollowingLinks(ancestor) {
            case true?: break
            case false?: throw OutputError(.notADirectory, path: ancestor)
            case nil:
                missing.insert(ancestor, at: 0)
                ancestor = FileSystem.parent(of: ancestor)
                continue
            }
            break
        }
        targetPath = path
        self.target = URL(fileURLWithPath: path, isDirectory: true)
        stagingParent = ancestor
        missingParents = missing
        stagingPath = try OutputTransaction.makeStagingDirectory(in: ancestor, for: FileSystem.name(of: path))
    }

    private static func makeStagingDirectory(in parent: String, for name: String) throws -> String {
        var attempt = 0
        while true {
            let path = FileSystem.join(parent, FileSystem.temporaryName(for: name, tag: "tmp"))
            do {
                try FileSystem.makeDirectory(path)
                return path
            } catch let error as OutputError where error.reason == .system(action: "créer le dossier", errno: EEXIST)
                && attempt < 10
            {
                attempt += 1  // another writer drew the same random suffix: draw again
            } catch let error as OutputError {
                // Name the directory the analyst chose (or its nearest existing parent), not the hidden one.
                throw OutputError(.system(action: "écrire dans le dossier", errno: error.errorNumber ?? EIO), path: parent)
            }
        }
    }

    /// Writes one file of the run, flushed to disk. `name` must be a plain file name
    /// (not empty, ".", "..", nor containing "/" or NUL) not yet written in this transaction.
    public mutating func write(_ name: String, contents: String) throws {
        try write(name, data: Data(contents.utf8))
    }

    public mutating func write(_ name: String, data: Data) throws {
        do {
            guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\0") else {
                throw OutputError(.invalidFileName(name))
            }
            guard !written.contains(name) else { throw OutputError(.duplicateFileName(name), path: targetPath) }
            guard try FileSystem.kind(stagingPath) == .directory else {
                throw OutputError(.transactionClosed, path: targetPath)
            }
            if let failure = simulatedWriteFailure, failure.name == name {
                try FileSystem.writeNewFile(FileSystem.join(stagingPath, name), data: data.prefix(data.count / 2))
                throw OutputError.system("(échec simulé) écrire le fichier", path: FileSystem.join(stagingPath, name),
                                         errno: failure.errno)
            }
            try FileSystem.writeNewFile(FileSystem.join(stagingPath, name), data: data)
            written.insert(name)
        } catch let error as OutputError where error.errorNumber != nil {
            abort()
            // The analyst knows the file by its final place, not by the hidden directory it was staged in.
            throw OutputError(error.reason, path: FileSystem.join(targetPath, name))
        } catch {
            abort()
            throw error
        }
    }

    /// Puts the written files in place as the target directory and returns its URL.
    public consuming func commit() throws -> URL {
        guard try FileSystem.kind(stagingPath) == .directory else {
            throw OutputError(.transactionClosed, path: targetPath)
        }
        let parent = FileSystem.parent(of: targetPath)
        var created: [String] = []
        var aside: String?
        do {
            try FileSystem.syncDirectory(stagingPath)
            for directory in missingParents {
                try fail(at: .createParents)
                do {
                    try FileSystem.makeDirectory(directory)
                    created.append(directory)
                } catch where (try? FileSystem.isDirectoryFollowingLinks(directory)) == true {
                    // made meanwhile by someone else: use it, and leave it on failure
                }
            }
            switch try FileSystem.kind(targetPath) {
            case nil: break
            case .directory?:
                let oldPath = FileSystem.join(parent, FileSystem.temporaryName(for: FileSystem.name(of: targetPath), tag: "old"))
                try fail(at: .moveOldAside)
                try FileSystem.move(targetPath, to: oldPath)
                aside = oldPath
            case .symbolicLink?, .other?:
                throw OutputError(.notADirectory, path: targetPath)
            }
            do {
                try fail(at: .moveNewIntoPlace)
                try FileSystem.move(stagingPath, to: targetPath)
            } catch {
                if let oldPath = aside {
                    do {
                        try FileSystem.move(oldPath, to: targetPath)
                    } catch {  // the previous results stay where they were moved: say where
                        throw OutputError(.system(action: "remettre en place l'ancien dossier, conservé sous « \(oldPath) », vers",
                                                  errno: (error as? OutputError)?.errorNumber ?? EIO), path: targetPath)
                    }
                }
                throw error
            }
        } catch {
            FileSystem.removeTree(stagingPath)
            for directory in created.reversed() { FileSystem.removeEmptyDirectory(directory) }
            throw error
        }
        // The new results are in place: what follows cannot undo that, so it cannot fail the commit.
        try? FileSystem.syncDirectory(parent)
        if stagingParent != parent { try? FileSystem.syncDirectory(stagingParent) }
        if let oldPath = aside { FileSystem.removeTree(oldPath) }
        return target
    }

    /// Removes the temporary directory and what was written in it; the target is untouched.
    /// Harmless after a failure or a second time.
    public func abort() {
        FileSystem.removeTree(stagingPath)
    }

    private func fail(at step: CommitStep) throws {
        if simulatedFailure == step {
            throw OutputError.system("(échec simulé) \(step)", path: targetPath, errno: EIO)
        }
    }
}
