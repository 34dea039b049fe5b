import Foundation

/// Writes one file so that readers see either the old contents or the new, never a mixture:
/// a temporary file (".<name>.tmp-<pid>-<random>") in the same directory, flushed to disk, then
/// renamed over `url`. An existing file keeps its permissions; a final symbolic link is followed
/// (the file it points to is replaced, the link kept). The directory must exist. On failure the
/// temporary file is removed and `url` is untouched.
public func writeFileAtomically(_ url: URL, data: Data) throws {
    var path = FileSystem.absolute(url)
    if try FileSystem.kind(path) == .symbolicLink, try FileSystem.isDirectoryFollowingLinks(path) != nil {
        path = try FileSystem.resolved(path)
    }
    let name = FileSystem.name(of: path)
    let directory = FileSystem.parent(of: path)
    guard path != "/", !name.isEmpty, name != ".", name != ".." else { throw OutputError(.invalidTarget, path: path) }
    switch try FileSystem.isDirectoryFollowingLinks(directory) {
    case true?: break
    case false?: throw OutputError(.notADirectory, path: directory)
    case nil: throw OutputError.system("écrire dans le dossier", path: directory, errno: ENOENT)
    }
    let permissions = FileSystem.permissions(ofFile: path)
    var temporary = ""
    for attempt in 0... {
        temporary = FileSystem.join(directory, FileSystem.temporaryName(for: name, tag: "tmp"))
        do {
            try FileSystem.writeNewFile(temporary, data: data, permissions: permissions)
            break
        } catch let error as OutputError where error.errorNumber == EEXIST && attempt < 10 {
            continue  // the random suffix is taken: draw again
        }
    }
    do {
        try FileSystem.move(temporary, to: path)
    } catch {
        FileSystem.removeTree(temporary)
        throw error
    }
    try? FileSystem.syncDirectory(directory)  // the new contents are in place; durability of the name is best effort
}
