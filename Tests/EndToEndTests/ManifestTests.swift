import Foundation
import Testing

/// manifest.json in every output directory, and `ramusim verify`.
@Suite("Run manifest and ramusim verify")
struct ManifestTests {
    static let small = ["--sample-fraction", "0.0005", "--replications", "2"]

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func sha256(_ path: String) throws -> String {
        let r = try RunningCommand([path], executable: URL(fileURLWithPath: "/usr/bin/sha256sum")).wait(timeout: 20)
        return String(r.stdout.prefix(64))
    }

    /// A child of the baseline in a directory whose name has spaces, run from that directory with a
    /// relative path: the manifest must make the command re-runnable from anywhere.
    static func runChild(in dir: TemporaryDirectory) throws -> (file: String, out: String) {
        try FileManager.default.createDirectory(atPath: dir.path("mes scénarios"), withIntermediateDirectories: true)
        let file = try dir.write("mes scénarios/enfant.yaml", """
            extends: \(Ramusim.baseline)
            budget:
              health_share: {value: 0.08, unit: fraction, source: "hypothèse de test"}
            """)
        let r = try Ramusim.run(["run", "enfant.yaml", "--out", "../sorties", "--seed", "11"] + small,
                                in: URL(fileURLWithPath: dir.path("mes scénarios")), timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        return (file, dir.path("sorties/enfant"))
    }

    @Test func runWritesAManifestThatDescribesTheRun() throws {
        let dir = try TemporaryDirectory()
        let (file, out) = try Self.runChild(in: dir)
        let text = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        let m = try Self.json(out + "/manifest.json")
        #expect(m["format"] as? String == "ramusim-manifest/1")
        #expect(m["kind"] as? String == "run")
        #expect(m["scenario"] as? String == "enfant")
        #expect((m["tool"] as? [String: Any])?["version"] as? String != nil)
        #expect(m["seed"] as? Int == 11 && m["replications"] as? Int == 2 && m["sample_fraction"] as? Double == 0.0005)
        #expect((m["threads"] as? Int ?? 0) >= 1)
        for key in ["started_at", "ended_at"] {
            #expect((m[key] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "\(key)")
        }
        // The command as typed, where, and re-runnable: absolute paths, every option.
        let command = try #require(m["command"] as? [String: Any])
        #expect(command["working_directory"] as? String == dir.path("mes scénarios"))
        #expect((command["arguments"] as? [String])?.dropFirst().first == "run")
        #expect((command["arguments"] as? [String])?.contains("enfant.yaml") == true)
        #expect(command["rerun"] as? [String] == ["run", file, "--seed", "11", "--replications", "2",
                                                  "--sample-fraction", "0.0005", "--threads",
                                                  String(ProcessInfo.processInfo.activeProcessorCount),
                                                  "--out", dir.path("sorties")])
        // Inputs: the file and its parent, with the hashes sha256sum gives.
        let inputs = try #require(m["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["path"] as? String } == [file, Ramusim.baseline])
        for input in inputs {
            #expect(input["sha256"] as? String == (try Self.sha256(input["path"] as! String)))
        }
        // Parameters with their units and sources, as parameters.csv.
        let parameters = try #require(m["parameters"] as? [[String: String]])
        let share = parameters.first { $0["parameter"] == "budget.health_share" }
        #expect(share == ["parameter": "budget.health_share", "value": "0.08", "unit": "fraction", "source": "hypothèse de test"])
        #expect(parameters.count == parseCSV(try String(contentsOfFile: out + "/parameters.csv", encoding: .utf8)).count - 1)
        // Outputs: every file of the directory but the manifest, with its hash.
        let outputs = try #require(m["outputs"] as? [[String: Any]])
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0 != "manifest.json" }.sorted()
        #expect(outputs.compactMap { $0["file"] as? String }.sorted() == files)
        #expect(files.contains("indicators.csv") && files.contains("parameters.csv"))
        for output in outputs {
            let path = out + "/" + (output["file"] as! String)
            #expect(output["sha256"] as? String == (try Self.sha256(path)))
            #expect(output["bytes"] as? Int == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        }
        // Written deterministically: sorted keys, two-space indentation, a final newline.
        #expect(text.hasPrefix("{\n  \"command\": {\n    \"arguments\": [\n"))
        #expect(text.hasSuffix("}\n"))
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == topKeys.sorted())
    }

    @Test func verifyFindsASingleChangedByte() throws {
        let dir = try TemporaryDirectory()
        let (_, out) = try Self.runChild(in: dir)
        let ok = try Ramusim.run(["verify", out], timeout: 60)
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("indicators.csv : intact") && ok.stdout.contains("Résultat : sorties intactes."))

        let path = out + "/indicators.csv"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x01  // one bit of one byte
        try bytes.write(to: URL(fileURLWithPath: path))
        let r = try Ramusim.run(["verify", out], timeout: 60)
        #expect(r.status == 1)
        #expect(r.stdout.contains("indicators.csv : MODIFIÉ"), "\(r.stdout)")
        #expect(r.stdout.contains("parameters.csv : intact"))
        #expect(r.stdout.contains("ÉCHEC"))

        try FileManager.default.removeItem(atPath: out + "/parameters.csv")
        let missing = try Ramusim.run(["verify", out], timeout: 60)
        #expect(missing.status == 1 && missing.stdout.contains("parameters.csv : ABSENT"), "\(missing.stdout)")
    }

    @Test func verifyRerunReproducesByteForByteFromAnotherDirectory() throws {
        let dir = try TemporaryDirectory()
        let (file, out) = try Self.runChild(in: dir)
        // From elsewhere: the manifest alone says where and how to run again.
        let r = try Ramusim.run(["verify", "--rerun", out], in: URL(fileURLWithPath: "/"), timeout: 180)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("enfant/indicators.csv : reproduit à l'octet près"), "\(r.stdout)")
        #expect(r.stdout.contains("reproduites à l'octet près"))

        // An input changed since: re-running could not reproduce, and says why.
        try (try String(contentsOfFile: file, encoding: .utf8) + "\n# modifié\n").write(toFile: file, atomically: true, encoding: .utf8)
        let changed = try Ramusim.run(["verify", "--rerun", out], timeout: 60)
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("entrée \(file) : MODIFIÉ"), "\(changed.stdout)")
        #expect(changed.stdout.contains("Ré-exécution impossible"))
    }

    @Test func compareWritesAManifestPerDirectoryAndOneForTheComparison() throws {
        let dir = try TemporaryDirectory()
        let child = try dir.write("enfant.yaml", "extends: \(Ramusim.baseline)\nmutuelle:\n  coverage_rate: 0.9\n")
        let r = try Ramusim.run(["compare", Ramusim.baseline, child, "--out", dir.path("out")] + Self.small, timeout: 180)
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["baseline", "enfant"] {
            let m = try Self.json(dir.path("out/\(name)/manifest.json"))
            #expect(m["kind"] as? String == "compare-scenario" && m["scenario"] as? String == name)
            #expect(((m["command"] as? [String: Any])?["rerun"] as? [String])?.first == "compare")
        }
        let m = try Self.json(dir.path("out/manifest.json"))
        #expect(m["kind"] as? String == "comparison" && m["baseline"] as? String == "baseline")
        #expect((m["outputs"] as? [[String: Any]])?.compactMap { $0["file"] as? String } == ["comparison.csv"])
        let scenarios = try #require(m["scenarios"] as? [[String: String]])
        #expect(scenarios.map { $0["name"] } == ["baseline", "enfant"])
        #expect(scenarios[1]["manifest_sha256"] == (try Self.sha256(dir.path("out/enfant/manifest.json"))))
        #expect((m["inputs"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == [Ramusim.baseline, child])

        let v = try Ramusim.run(["verify", dir.path("out")], timeout: 60)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        let rerun = try Ramusim.run(["verify", "--rerun", dir.path("out")], timeout: 300)
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        #expect(rerun.stdout.contains("comparison.csv : reproduit à l'octet près"), "\(rerun.stdout)")
        #expect(rerun.stdout.contains("enfant/indicators.csv : reproduit à l'octet près"))

        // A scenario directory changed after the comparison: the comparison is no longer intact.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/enfant/parameters.csv")))
        bytes[0] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: dir.path("out/enfant/parameters.csv")))
        let broken = try Ramusim.run(["verify", dir.path("out")], timeout: 60)
        #expect(broken.status == 1 && broken.stdout.contains("parameters.csv : MODIFIÉ"), "\(broken.stdout)")
    }

    /// The briefing is written after manifest.json and recorded in it: verify finds every file of it
    /// intact and none unexplained, and a changed byte of it, or a file slipped into tableaux/, is reported.
    @Test func verifyAfterCompareWithBriefingIsCleanAndSeesAChangedBriefing() throws {
        let dir = try TemporaryDirectory()
        let child = try dir.write("enfant.yaml", "extends: \(Ramusim.baseline)\nmutuelle:\n  coverage_rate: 0.9\n")
        let r = try Ramusim.run(["compare", Ramusim.baseline, child, "--out", dir.path("out"), "--briefing"] + Self.small,
                                timeout: 180)
        #expect(r.status == 0, "\(r.stderr)")
        // The briefing of one compared scenario, made afterwards: the comparison still vouches for its directory.
        let single = try Ramusim.run(["briefing", dir.path("out/enfant")], timeout: 60)
        #expect(single.status == 0, "\(single.stderr)")

        let v = try Ramusim.run(["verify", dir.path("out")], timeout: 60)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(!v.stdout.contains("absent du manifeste") && !v.stdout.contains("différent"), "\(v.stdout)")
        for name in ["briefing.xlsx", "briefing.html", "tableaux/synthese.csv", "tableaux/methode.csv"] {
            #expect(v.stdout.contains("\n  \(name) : intact"), "\(name)\n\(v.stdout)")  // the comparison's
            #expect(v.stdout.contains("\n    \(name) : intact"), "\(name)\n\(v.stdout)")  // enfant's
        }

        var bytes = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/briefing.html")))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: dir.path("out/briefing.html")))
        try dir.write("out/tableaux/ajout.csv", "x;y\n")
        let broken = try Ramusim.run(["verify", dir.path("out")], timeout: 60)
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("\n  briefing.html : MODIFIÉ"), "\(broken.stdout)")
        #expect(broken.stdout.contains("tableaux/ajout.csv : absent du manifeste"), "\(broken.stdout)")
        #expect(broken.stdout.contains("briefing.xlsx : intact") && broken.stdout.contains("ÉCHEC"))
    }

    @Test func verifyAfterRunWithBriefingAndAfterBriefingIsClean() throws {
        let dir = try TemporaryDirectory()
        let r = try Ramusim.run(["run", Ramusim.baseline, "--out", dir.path("out"), "--briefing"] + Self.small, timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        let out = dir.path("out/baseline")
        let v = try Ramusim.run(["verify", "--rerun", out], timeout: 180)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("tableaux/equite.csv : intact") && !v.stdout.contains("absent du manifeste"), "\(v.stdout)")
        #expect(v.stdout.contains("note de synthèse de « baseline » (10 fichiers) : vérifiée par ses empreintes"), "\(v.stdout)")

        // Made again by `ramusim briefing`: recorded again, not twice.
        try FileManager.default.removeItem(atPath: out + "/tableaux/depenses.csv")
        let again = try Ramusim.run(["briefing", out], timeout: 60)
        #expect(again.status == 0, "\(again.stderr)")
        let m = try Self.json(out + "/manifest.json")
        let briefing = try #require(m["briefing"] as? [[String: Any]])
        #expect(briefing.count == 10 && briefing.contains { $0["file"] as? String == "tableaux/depenses.csv" })
        #expect(briefing.first { $0["file"] as? String == "briefing.html" }?["sha256"] as? String
                == (try Self.sha256(out + "/briefing.html")))
        let v2 = try Ramusim.run(["verify", out], timeout: 60)
        #expect(v2.status == 0 && !v2.stdout.contains("absent du manifeste"), "\(v2.stdout)")
    }

    @Test func verifyWithoutAManifestSaysSo() throws {
        let dir = try TemporaryDirectory()
        let r = try Ramusim.run(["verify", dir.url.path], timeout: 20)
        #expect(r.status == 2)
        #expect(r.stderr.contains("pas de manifest.json"), "\(r.stderr)")
        try dir.write("manifest.json", "{\"format\": \"autre\"}")
        let bad = try Ramusim.run(["verify", dir.url.path], timeout: 20)
        #expect(bad.status == 2 && bad.stderr.contains("format"), "\(bad.stderr)")
    }
}
