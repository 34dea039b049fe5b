import Foundation

/// What `ramusim verify` finds in an output directory: each file of its manifest recomputed, the inputs
/// too, and for a comparison each scenario directory in turn.
public struct ManifestCheck: Sendable {
    /// One file compared with what the manifest recorded.
    public enum Status: Sendable, Equatable {
        case intact
        /// Present, with other bytes.
        case modified(bytes: Int, sha256: String)
        case missing
        /// Present but cannot be read (a directory, a FIFO, no permission); the reason in French.
        case unreadable(String)
    }

    public struct Entry: Sendable, Equatable {
        public var recorded: RunManifest.FileHash
        public var status: Status
    }

    /// The directory checked.
    public var directory: String
    public var manifest: RunManifest
    public var outputs: [Entry]
    /// The briefing pack, written after the outputs and recorded in the manifest with them.
    public var briefing: [Entry]
    public var inputs: [Entry]
    /// Files (or directories) in the directory that the manifest does not list, and files in the briefing's
    /// folders ("tableaux/x.csv") that it does not list; a comparison's scenario directories and the
    /// manifest itself are not counted.
    public var unlisted: [String]
    /// A comparison's scenario directories: whether their manifest is the one recorded, and their own check.
    public var scenarios: [(name: String, manifest: Status, check: Result<ManifestCheck, ManifestError>)]

    /// Every output present with the bytes recorded, and for a comparison every scenario directory too.
    public var outputsIntact: Bool {
        (outputs + briefing).allSatisfy { $0.status == .intact }
            && scenarios.allSatisfy { s in
                if s.manifest != .intact { return false }
                if case .success(let check) = s.check { return check.outputsIntact }
                return false
            }
    }

    /// Every input file as it was when the outputs were made (scenario directories' inputs included).
    public var inputsUnchanged: Bool {
        inputs.allSatisfy { $0.status == .intact }
            && scenarios.allSatisfy { s in
                if case .success(let check) = s.check { return check.inputsUnchanged }
                return true
            }
    }

    /// Reads `directory/manifest.json` and recomputes every fingerprint it lists.
    public static func check(directory: URL) throws(ManifestError) -> ManifestCheck {
        let path = FileSystem.absolute(directory)
        guard let manifest = try RunManifest.read(directory: directory) else {
            throw ManifestError("« \(FileSystem.join(path, RunManifest.fileName)) » absent")
        }
        var outputs: [Entry] = []
        for recorded in manifest.outputs {
            guard isPlainName(recorded.file) else { throw ManifestError("nom de sortie invalide « \(recorded.file) »") }
            outputs.append(Entry(recorded: recorded, status: status(FileSystem.join(path, recorded.file), recorded)))
        }
        var briefing: [Entry] = []
        for recorded in manifest.briefing {
            guard isRelativePath(recorded.file) else { throw ManifestError("nom de fichier de la note de synthèse invalide « \(recorded.file) »") }
            briefing.append(Entry(recorded: recorded, status: status(FileSystem.join(path, recorded.file), recorded)))
        }
        let inputs = manifest.inputs.map { Entry(recorded: $0, status: status($0.file, $0)) }
        var scenarios: [(name: String, manifest: Status, check: Result<ManifestCheck, ManifestError>)] = []
        for scenario in manifest.scenarios {
            guard isPlainName(scenario.name) else { throw ManifestError("nom de scénario invalide « \(scenario.name) »") }
            let sub = FileSystem.join(path, scenario.name)
            let recorded = RunManifest.FileHash(file: RunManifest.fileName, bytes: -1, sha256: scenario.manifestSHA256)
            let manifestStatus = status(FileSystem.join(sub, RunManifest.fileName), recorded)
            scenarios.append((scenario.name, manifestStatus,
                              Result { () throws(ManifestError) in try check(directory: URL(fileURLWithPath: sub)) }))
        }
        return ManifestCheck(directory: path, manifest: manifest, outputs: outputs, briefing: briefing, inputs: inputs,
                             unlisted: unlisted(in: path, manifest), scenarios: scenarios)
    }

    /// What is in the directory, and in the folders the briefing writes into, that the manifest does not list.
    private static func unlisted(in path: String, _ manifest: RunManifest) -> [String] {
        let briefing = manifest.briefing.map(\.file)
        let folders = Set(briefing.compactMap { file in file.firstIndex(of: "/").map { String(file[..<$0]) } })
        let known = Set(manifest.outputs.map(\.file) + manifest.scenarios.map(\.name) + [RunManifest.fileName]
                        + briefing + folders)
        var unlisted = (FileSystem.names(in: path) ?? []).filter { !known.contains($0) }
        for folder in folders.sorted() {
            unlisted += (FileSystem.names(in: FileSystem.join(path, folder)) ?? []).map { "\(folder)/\($0)" }
                .filter { !known.contains($0) }
        }
        return unlisted
    }

    /// A file's fingerprint against the one recorded (`bytes` < 0: compare the hash alone).
    public static func status(_ path: String, _ recorded: RunManifest.FileHash) -> Status {
        do {
            guard try FileSystem.kind(path) != nil else { return .missing }
            let found = try FileSystem.fingerprint(path)
            let sameSize = recorded.bytes < 0 || found.bytes == recorded.bytes
            return sameSize && found.sha256 == recorded.sha256 ? .intact : .modified(bytes: found.bytes, sha256: found.sha256)
        } catch {
            return .unreadable("\(error)")
        }
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    /// A file of the directory or of one folder in it ("tableaux/synthese.csv"): never "..", never absolute.
    private static func isRelativePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count <= 2 && parts.allSatisfy { isPlainName(String($0)) }
    }
}
