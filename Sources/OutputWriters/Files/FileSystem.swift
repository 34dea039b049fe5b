import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the writers need, each turning a failure into an `OutputError` that names
/// the path. Only this file calls the C API.
enum FileSystem {
    enum Kind { case directory, symbolicLink, other }

    /// What is at `path` (without following a final symbolic link), nil when nothing is.
    static func kind(_ path: String) throws -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }  // ENOTDIR: a parent is a file
            throw OutputError.system("examiner", path: path)
        }
        switch info.st_mode & 0o170000 {
        case 0o040000: return .directory
        case 0o120000: return .symbolicLink
        default: return .other
        }
    }

    /// Whether `path` is a directory, following symbolic links; nil when nothing is there.
    static func isDirectoryFollowingLinks(_ path: String) throws -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }  // ENOTDIR: a parent is a file
            throw OutputError.system("examiner", path: path)
        }
        return info.st_mode & 0o170000 == 0o040000
    }

    /// The canonical absolute path of an existing `path` (symbolic links resolved).
    static func resolved(_ path: String) throws -> String {
        guard let pointer = realpath(path, nil) else { throw OutputError.system("résoudre le lien", path: path) }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Creates one directory; fails if anything is already at `path`.
    static func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o777) == 0 else { throw OutputError.system("créer le dossier", path: path) }
    }

    /// Creates `path` (which must not exist), writes `data`, flushes it to disk and closes it.
    /// On failure the partial file is removed.
    /// `permissions`, when given, are set exactly (not filtered by the umask): those of a file replaced.
    static func writeNewFile(_ path: String, data: Data, permissions: mode_t? = nil) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o666))
        guard fd >= 0 else { throw OutputError.system("créer le fichier", path: path) }
        do {
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw OutputError.system("écrire le fichier", path: path)
                    }
                    offset += written
                }
            }
            if let permissions {
                guard fchmod(fd, permissions) == 0 else { throw OutputError.system("régler les droits du fichier", path: path) }
            }
            guard fsync(fd) == 0 else { throw OutputError.system("enregistrer sur disque le fichier", path: path) }
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        guard close(fd) == 0 else {
            let error = OutputError.system("fermer le fichier", path: path)
            unlink(path)
            throw error
        }
    }

    /// The permission bits of an existing regular file, nil when there is none.
    static func permissions(ofFile path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o170000 == 0o100000 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Flushes a directory's entries (creations, renames) to disk. File systems that cannot sync
    /// a directory (EINVAL) are accepted as they are.
    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.system("ouvrir le dossier", path: path) }
        defer { close(fd) }
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw OutputError.system("enregistrer sur disque le dossier", path: path)
        }
    }

    static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw OutputError.system("renommer « \(source) » en", path: destination)
        }
    }

    /// Removes a file or a whole directory tree, ignoring failures (used only to clean up).
    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes an empty directory, ignoring failures (used only to clean up).
    static func removeEmptyDirectory(_ path: String) {
        _ = rmdir(path)
    }

    /// Size and SHA-256 of a regular file, read in 1 MiB pieces (bounded memory, whatever its size).
    static func fingerprint(_ path: String) throws -> (bytes: Int, sha256: String) {
        var hash = SHA256()
        var total = 0
        try readRegularFile(path, pieceSize: 1 << 20) { piece in
            hash.update(piece)
            total += piece.count
        }
        return (total, hash.finalizeHex())
    }

    /// A regular file's bytes, refusing more than `limit` bytes.
    static func readSmallFile(_ path: String, limit: Int) throws -> Data {
        var data = Data()
        try readRegularFile(path, pieceSize: 1 << 16) { piece in
            data.append(contentsOf: piece)
            if data.count > limit { throw OutputError(.system(action: "lire (trop gros) le fichier", errno: EFBIG), path: path) }
        }
        return data
    }

    /// Hands a regular file to `body` piece by piece. Anything else (a directory, a FIFO, a device) is
    /// refused without reading, so it cannot hang (O_NONBLOCK: opening a FIFO does not wait for a writer).
    private static func readRegularFile(_ path: String, pieceSize: Int,
                                        _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.system("lire le fichier", path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw OutputError.system("examiner", path: path) }
        guard info.st_mode & 0o170000 == 0o100000 else { throw OutputError(.notARegularFile, path: path) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress!, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError.system("lire le fichier", path: path)
            }
            if n == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// The names in a directory (hidden ones included), sorted; nil if it cannot be listed.
    static func names(in directory: String) -> [String]? {
        (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted()
    }

    // MARK: Paths (plain strings: "/a/b/c" → parent "/a/b", name "c")

    /// The absolute path of a file URL, without trailing slashes.
    static func absolute(_ url: URL) -> String {
        var path = url.path
        if !path.hasPrefix("/") { path = join(FileManager.default.currentDirectoryPath, path) }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// A name for a temporary sibling: ".<name>.<tag>-<pid>-<random>". A long name is cut (on a
    /// character boundary) so the result stays within the 255 bytes a file name may have.
    static func temporaryName(for name: String, tag: String) -> String {
        let random = String(UInt32.random(in: .min ... .max), radix: 16)
        let suffix = ".\(tag)-\(getpid())-\(random)"
        var kept = ""
        var bytes = 1 + suffix.utf8.count
        for character in name {
            bytes += character.utf8.count
            guard bytes <= 255 else { break }
            kept.append(character)
        }
        return "." + kept + suffix
    }
}
