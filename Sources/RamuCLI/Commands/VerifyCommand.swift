import ArgumentParser
import Foundation
import OutputWriters

/// `ramusim verify DIR`: are the files of an output directory those its run wrote, and (`--rerun`) does
/// running the recorded command again give them byte for byte?
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Vérifie qu'un dossier de résultats est intact (empreintes SHA-256 de \(RunManifest.fileName)), "
            + "et avec --rerun qu'il se reproduit.",
        discussion: """
            DOSSIER est un dossier de scénario (DOSSIER/\(RunManifest.fileName)), le dossier d'une comparaison, ou un dossier \
            de sortie dont chaque sous-dossier a son manifeste. Code de sortie : 0 si tout est intact (et reproduit \
            avec --rerun), 1 sinon, 2 si le manifeste manque ou est illisible.
            """)

    @Argument(help: "Dossier de résultats, par exemple notebooks-output/baseline.")
    var directory: String

    @Flag(name: .long, help: "Relance la commande enregistrée dans un dossier temporaire et compare les fichiers octet par octet.")
    var rerun = false

    func run() throws {
        Interruption.shared.install()
        let directories = try manifestDirectories()
        var ok = true
        for (i, path) in directories.enumerated() {
            if i > 0 { print("") }
            let check: ManifestCheck
            do {
                check = try ManifestCheck.check(directory: URL(fileURLWithPath: path))
            } catch {
                printError("ramusim verify : \(error)")
                throw invalidInputExit
            }
            ok = report(check, indent: "") && ok
            if rerun { ok = try reproduce(check) && ok }
        }
        print("")
        print(ok ? (rerun ? "Résultat : sorties intactes et reproduites à l'octet près." : "Résultat : sorties intactes.")
                 : "Résultat : ÉCHEC de la vérification (voir ci-dessus).")
        if !ok { throw ExitCode(1) }
    }

    /// DIR itself if it has a manifest, else its subdirectories that have one.
    private func manifestDirectories() throws -> [String] {
        let path = absolutePath(directory)
        let manager = FileManager.default
        if manager.fileExists(atPath: (path as NSString).appendingPathComponent(RunManifest.fileName)) { return [path] }
        let subdirectories = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted()
            .map { (path as NSString).appendingPathComponent($0) }
            .filter { manager.fileExists(atPath: ($0 as NSString).appendingPathComponent(RunManifest.fileName)) }
        guard !subdirectories.isEmpty else {
            printError("ramusim verify : pas de \(RunManifest.fileName) dans « \(path) » ni dans ses sous-dossiers ; "
                       + "attendu un dossier écrit par ramusim run ou ramusim compare (version \(ramusimVersion) ou après)")
            throw invalidInputExit
        }
        return subdirectories
    }

    /// Prints what the check found; true when the outputs are intact.
    private func report(_ check: ManifestCheck, indent: String) -> Bool {
        let m = check.manifest
        let what = m.scenario.map { "scénario « \($0) »" } ?? "comparaison (référence « \(m.baseline ?? "?") »)"
        print("\(indent)\(check.directory) : \(what), écrit le \(m.endedAt) par ramusim \(m.toolVersion) "
              + "(\(m.kind.rawValue), graine \(m.seed), \(m.replications) réplication(s), fraction \(m.sampleFraction))")
        for entry in check.outputs + check.briefing {
            print("\(indent)  \(entry.recorded.file) : \(describe(entry.status, recorded: entry.recorded))")
        }
        for name in check.unlisted {
            print("\(indent)  \(name) : absent du manifeste (ajouté après l'écriture ?)")
        }
        for entry in check.inputs where entry.status != .intact {
            print("\(indent)  entrée \(entry.recorded.file) : \(describe(entry.status, recorded: entry.recorded)) "
                  + "depuis l'écriture des résultats")
        }
        if check.inputs.allSatisfy({ $0.status == .intact }) {
            print("\(indent)  entrées : \(check.inputs.count) fichier(s) de scénario inchangé(s)")
        }
        var ok = (check.outputs + check.briefing).allSatisfy { $0.status == .intact }
        for scenario in check.scenarios {
            if scenario.manifest != .intact {
                print("\(indent)  \(scenario.name)/\(RunManifest.fileName) : "
                      + "\(scenario.manifest == .missing ? "absent" : "différent de celui de la comparaison")")
                ok = false
            }
            switch scenario.check {
            case .success(let sub): ok = report(sub, indent: indent + "  ") && ok
            case .failure(let error):
                print("\(indent)  \(scenario.name) : \(error)")
                ok = false
            }
        }
        return ok
    }

    private func describe(_ status: ManifestCheck.Status, recorded: RunManifest.FileHash) -> String {
        switch status {
        case .intact: return "intact"
        case .missing: return "ABSENT"
        case .unreadable(let why): return "ILLISIBLE (\(why))"
        case .modified(let bytes, let sha):
            return "MODIFIÉ (\(bytes) octets, sha256 \(sha.prefix(12))… ; enregistré : \(recorded.bytes) octets, "
                + "sha256 \(recorded.sha256.prefix(12))…)"
        }
    }

    /// Runs the recorded command into a temporary directory and compares its files with the recorded
    /// fingerprints; true when every one is reproduced byte for byte.
    private func reproduce(_ check: ManifestCheck) throws -> Bool {
        let m = check.manifest
        guard check.inputsUnchanged else {
            print("Ré-exécution impossible : des fichiers d'entrée ont changé depuis l'écriture (voir ci-dessus).")
            return false
        }
        // Only a run or a comparison, whose single --out is replaced: nothing may be written elsewhere.
        guard let outIndex = m.rerun.lastIndex(of: "--out"), outIndex + 1 < m.rerun.count,
              m.rerun.filter({ $0 == "--out" || $0.hasPrefix("--out=") }).count == 1,
              ["run", "compare"].contains(m.rerun.first) else {
            printError("ramusim verify : commande enregistrée inutilisable : \(m.rerun.joined(separator: " "))")
            throw invalidInputExit
        }
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("ramusim-verify-\(UUID().uuidString)")
        try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: scratch) }
        var arguments = m.rerun
        arguments[outIndex + 1] = scratch.path
        print("Ré-exécution (dans \(m.workingDirectory)) : ramusim \(arguments.joined(separator: " "))")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: m.workingDirectory)
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let token = Interruption.shared.register {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: scratch)
        }
        defer { Interruption.shared.unregister(token) }
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            print("  la ré-exécution a échoué (code \(process.terminationStatus)) :")
            print(errorText.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n"))
            return false
        }
        // The directory the rerun wrote that corresponds to the one checked.
        let rerunDirectory = m.kind == .comparison ? scratch : scratch.appendingPathComponent(m.scenario ?? "")
        return compare(m, check: check, rerunDirectory: rerunDirectory, indent: "  ")
    }

    private func compare(_ m: RunManifest, check: ManifestCheck, rerunDirectory: URL, indent: String) -> Bool {
        var ok = true
        for recorded in m.outputs {
            let path = rerunDirectory.appendingPathComponent(recorded.file).path
            let status = ManifestCheck.status(path, recorded)
            let text: String
            switch status {
            case _ where !recorded.reproducible:
                let made = FileManager.default.fileExists(atPath: path)
                print("\(indent)\(m.scenario.map { "\($0)/" } ?? "")\(recorded.file) : "
                      + (made ? "récit de l'exécution (commande, date), non comparé" : "NON PRODUIT par la ré-exécution"))
                ok = ok && made
                continue
            case .intact: text = "reproduit à l'octet près"
            case .missing: text = "NON PRODUIT par la ré-exécution"
            case .unreadable(let why): text = "ILLISIBLE (\(why))"
            case .modified(let bytes, let sha):
                text = "DIFFÉRENT (\(bytes) octets, sha256 \(sha.prefix(12))… ; enregistré : \(recorded.bytes) octets, "
                    + "sha256 \(recorded.sha256.prefix(12))…)"
            }
            print("\(indent)\(m.scenario.map { "\($0)/" } ?? "")\(recorded.file) : \(text)")
            ok = ok && status == .intact
        }
        // The recorded command does not write the briefing, and the briefing records the day of the run.
        if !m.briefing.isEmpty {
            print("\(indent)note de synthèse\(m.scenario.map { " de « \($0) »" } ?? "") (\(m.briefing.count) fichiers) : "
                  + "vérifiée par ses empreintes, non refaite par la ré-exécution")
        }
        for scenario in check.scenarios {
            guard case .success(let sub) = scenario.check else { ok = false; continue }
            ok = compare(sub.manifest, check: sub, rerunDirectory: rerunDirectory.appendingPathComponent(scenario.name),
                         indent: indent) && ok
        }
        return ok
    }

    /// This executable, to run the recorded command with the same build.
    private func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
