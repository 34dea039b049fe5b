import Foundation

extension RunManifest {
    /// The largest manifest read back (a comparison of many scenarios with every parameter stays far below).
    static let readLimit = 64 << 20

    /// `directory/manifest.json` read back; nil when the directory has none (outputs of an older
    /// version, or copied without it).
    public static func read(directory: URL) throws(ManifestError) -> RunManifest? {
        let path = FileSystem.join(FileSystem.absolute(directory), fileName)
        guard (try? FileSystem.kind(path)) != nil else { return nil }
        return try RunManifest(parsing: try readBytes(path), path: path)
    }

    /// Records the briefing pack just written in `directory` in the manifest there, so that `verify`
    /// checks it like the other outputs: `files` (paths relative to `directory`) are fingerprinted now
    /// and the manifest is replaced atomically. False when the directory has no manifest.
    ///
    /// A scenario directory of a comparison is vouched for by the comparison's manifest (the SHA-256
    /// of its own manifest): that fingerprint is updated too, but only where it was the old manifest's,
    /// so that a directory changed since the comparison is still reported as changed.
    @discardableResult
    public static func recordBriefing(_ files: [String], in directory: URL) throws -> Bool {
        let path = FileSystem.join(FileSystem.absolute(directory), fileName)
        guard (try? FileSystem.kind(path)) != nil else { return false }
        let old = try readBytes(path)
        var manifest = try RunManifest(parsing: old, path: path)
        // Rewriting must not drop what this version does not read (a newer version's fields).
        guard try manifest.rendered() == old else {
            throw ManifestError("« \(path) » n'est pas écrit comme cette version de ramusim l'écrit ; il n'est pas modifié")
        }
        manifest.briefing = try files.map { name in
            let found = try FileSystem.fingerprint(FileSystem.join(FileSystem.absolute(directory), name))
            return FileHash(file: name, bytes: found.bytes, sha256: found.sha256)
        }
        let new = try manifest.rendered()
        try writeFileAtomically(URL(fileURLWithPath: path), data: new)
        if manifest.kind == .compareScenario {
            let scenarioDirectory = FileSystem.parent(of: path)
            try vouch(for: FileSystem.name(of: scenarioDirectory), old: old, new: new,
                      comparison: FileSystem.join(FileSystem.parent(of: scenarioDirectory), fileName))
        }
        return true
    }

    /// Puts the new fingerprint of a scenario's manifest in the comparison's, where it had the old one.
    private static func vouch(for scenario: String, old: Data, new: Data, comparison path: String) throws {
        guard (try? FileSystem.kind(path)) != nil, let bytes = try? readBytes(path),
              var comparison = try? RunManifest(parsing: bytes, path: path), comparison.kind == .comparison,
              (try? comparison.rendered()) == bytes,
              let i = comparison.scenarios.firstIndex(where: { $0.name == scenario && $0.manifestSHA256 == SHA256.hex(of: old) })
        else { return }  // not this scenario's comparison, or one that no longer vouched for it
        comparison.scenarios[i].manifestSHA256 = SHA256.hex(of: new)
        try writeFileAtomically(URL(fileURLWithPath: path), data: try comparison.rendered())
    }

    private static func readBytes(_ path: String) throws(ManifestError) -> Data {
        do {
            return try FileSystem.readSmallFile(path, limit: readLimit)
        } catch {
            throw ManifestError("« \(path) » illisible : \(error)")
        }
    }

    /// Parses, naming the file in the error.
    private init(parsing data: Data, path: String) throws(ManifestError) {
        do {
            try self.init(parsing: data)
        } catch {
            throw ManifestError("« \(path) » : \(error.description)")
        }
    }
}
