import Foundation
import Testing

/// The committed small reference (Tests/BriefingEndToEndTests/Reference, made by scripts/reference)
/// made again by the current code, once for every test of this file: its scenario.json files record
/// the command and the day, which are replayed from a directory where `scenarios/` is the package's.
enum Regenerated {
    static let outcome: Result<URL, Error> = Result { try regenerate() }

    static func directory() throws -> URL { try outcome.get() }

    private static func regenerate() throws -> URL {
        let comparison = try String(contentsOf: Tools.reference.appendingPathComponent("comparison.csv"), encoding: .utf8)
        let first = String(comparison.split(separator: "\n")[1].split(separator: ",")[0])
        let record = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Tools.reference.appendingPathComponent("\(first)/scenario.json"))) as! [String: Any]
        let run = record["run"] as! [String: Any]
        let command = run["command"] as! [String]
        let day = run["date"] as! String
        guard let o = command.firstIndex(of: "--out"), o + 1 < command.count, !command[o + 1].hasPrefix("/") else {
            throw Failure("la commande enregistrée n'a pas de --out relatif : \(command)")
        }
        let work = Tools.artefacts.appendingPathComponent("regenerated", isDirectory: true)
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("scenarios"),
                                                   withDestinationURL: Tools.packageRoot.appendingPathComponent("scenarios"))
        let formatter = ISO8601DateFormatter()
        guard let noon = formatter.date(from: day + "T12:00:00Z") else { throw Failure("date « \(day) » illisible") }
        let result = try Tools.run(Tools.ramusim, Array(command.dropFirst()), in: work,
                                   environment: ["SOURCE_DATE_EPOCH": String(Int(noon.timeIntervalSince1970))])
        guard result.ok else { throw Failure("« \(command.joined(separator: " ")) » : \(result.status)\n\(result.stderr)") }
        return work.appendingPathComponent(command[o + 1], isDirectory: true)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

@Suite("Briefing pack, end to end (ramusim, openpyxl, LibreOffice, Chromium)")
struct BriefingPackTests {
    /// The reference compares earmarked-taxes: its taxes have their sheet.
    static let sheets = ["Synthèse", "Couverture", "Dépenses", "Protection financière", "Financement", "Taxes affectées",
                         "Équité", "Paramètres", "Méthode"]

    @Test func theCommittedReferenceIsWhatTheCurrentCodeWrites() throws {
        let out = try Regenerated.directory()
        // manifest.json records times, paths and threads: it is not compared (and not committed).
        let made = files(under: out).filter { !$0.key.hasSuffix("manifest.json") }
        let committed = files(under: Tools.reference)
        let extra = Set(made.keys).subtracting(committed.keys), lacking = Set(committed.keys).subtracting(made.keys)
        #expect(Set(made.keys) == Set(committed.keys), "fichiers en plus : \(extra) ; en moins : \(lacking)")
        let differing = committed.keys.sorted().filter { name in
            guard let new = made[name] else { return false }
            return (try? Data(contentsOf: new)) != (try? Data(contentsOf: committed[name]!))
        }
        let advice = "si le changement est voulu, lancez scripts/reference et validez le résultat"
        #expect(differing.isEmpty, "Tests/BriefingEndToEndTests/Reference n'est plus ce que le code écrit (\(differing)) : \(advice)")
        for name in ["briefing.xlsx", "briefing.html", "tableaux/synthese.csv", "baseline/indicators_by_quintile.csv",
                     "baseline/scenario.json"] {
            #expect(committed[name] != nil, "\(name) absent de la référence")
        }
    }

    @Test func everyNumberOfTheWorkbookIsTheCSVsReadBackWithOpenpyxl() throws {
        let out = try Regenerated.directory()
        let (result, json) = try Tools.script("check_briefing.py", ["xlsx", out.path])
        #expect(result.ok, "\(result.stderr)")
        #expect(json["sheets"] as? [String] == Self.sheets)
        #expect((json["numbers"] as? Int ?? 0) > 3000)
        #expect(json["charts"] as? Int == 5)
        #expect(taxLines(out) > 0 && json["taxes"] as? Int == taxLines(out), "every line of every taxes.csv")
    }

    @Test func frenchCSVsParseBackToTheNumbersOfTheCanonicalCSVs() throws {
        let out = try Regenerated.directory()
        let (result, json) = try Tools.script("check_briefing.py", ["csv", out.path])
        #expect(result.ok, "\(result.stderr)")
        #expect(json["sheets"] as? [String] == Self.sheets)
        #expect((json["numbers"] as? Int ?? 0) > 3000)
        #expect(json["taxes"] as? Int == taxLines(out))
        let synthese = try Data(contentsOf: out.appendingPathComponent("tableaux/synthese.csv"))
        #expect(Array(synthese.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    /// Lines of data of the scenarios' taxes.csv (earmarked-taxes and ramu-full have taxes).
    func taxLines(_ out: URL) -> Int {
        files(under: out).filter { $0.key.hasSuffix("/taxes.csv") }.values.reduce(0) { total, file in
            total + ((try? String(contentsOf: file, encoding: .utf8))?.split(separator: "\n").count ?? 1) - 1
        }
    }

    @Test func libreOfficeOpensTheWorkbookAndPrintsItToPDF() throws {
        try Tools.require("soffice", package: "libreoffice-calc-nogui")
        let out = try Regenerated.directory()
        let work = try TemporaryDirectory()
        let result = try Tools.run("soffice", ["-env:UserInstallation=file://\(work.url.path)/profil", "--headless",
                                               "--convert-to", "pdf", "--outdir", work.url.path,
                                               out.appendingPathComponent("briefing.xlsx").path])
        let pdf = work.url.appendingPathComponent("briefing.pdf")
        #expect(result.ok, "soffice : \(result.status)\n\(result.stderr)")
        let data = try Data(contentsOf: pdf)
        #expect(data.prefix(5) == Data("%PDF-".utf8) && data.count > 20_000)
        #expect(!result.stderr.localizedCaseInsensitiveContains("error"), "\(result.stderr)")
        try? FileManager.default.removeItem(at: Tools.artefacts.appendingPathComponent("briefing.pdf"))
        try FileManager.default.copyItem(at: pdf, to: Tools.artefacts.appendingPathComponent("briefing.pdf"))
    }

    @Test func chromiumLoadsTheHTMLWithoutConsoleErrorNorRequestAndDrawsOneLinePerScenario() throws {
        try Tools.require("chromium", package: "chromium")
        let out = try Regenerated.directory()
        let screenshot = Tools.artefacts.appendingPathComponent("briefing.png")
        let (result, json) = try Tools.script("check_html.py", [out.appendingPathComponent("briefing.html").path, screenshot.path])
        #expect(result.ok, "\(result.stderr)")
        #expect(json["console"] as? [String] == [], "console : \(json["console"] ?? "?")")
        #expect(json["requests"] as? [String] == [], "requêtes réseau : \(json["requests"] ?? "?")")
        let scenarios = try String(contentsOf: out.appendingPathComponent("comparison.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(json["charts"] as? [Int] == Array(repeating: Set(scenarios).count, count: 5))
        #expect((json["screenshot_bytes"] as? Int ?? 0) > 50_000)
    }

    /// The check above would miss nothing: on a page that logs, fails and fetches, it reports all of it.
    @Test func theChromiumCheckSeesConsoleErrorsAndRequests() throws {
        try Tools.require("chromium", package: "chromium")
        let work = try TemporaryDirectory()
        let page = work.url.appendingPathComponent("mauvaise.html")
        try """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title>
            <link rel="stylesheet" href="https://polices.example.invalid/a.css"></head>
            <body><img src="http://images.example.invalid/x.png"><script>console.error("erreur-témoin");</script></body></html>
            """.write(to: page, atomically: true, encoding: .utf8)
        let (result, json) = try Tools.script("check_html.py", [page.path, work.url.appendingPathComponent("m.png").path])
        #expect(result.ok, "\(result.stderr)")
        let console = json["console"] as? [String] ?? []
        let requests = json["requests"] as? [String] ?? []
        #expect(console.contains { $0.contains("erreur-témoin") }, "\(console)")
        #expect(Set(requests) == ["https://polices.example.invalid/a.css", "http://images.example.invalid/x.png"], "\(requests)")
    }

    @Test func runWithBriefingWritesThePackOfOneScenario() throws {
        let work = try TemporaryDirectory()
        let result = try Tools.run(Tools.ramusim, ["run", Tools.packageRoot.appendingPathComponent("scenarios/baseline.yaml").path,
                                                   "--replications", "2", "--sample-fraction", "0.002", "--briefing",
                                                   "--out", work.url.path])
        #expect(result.ok, "\(result.stderr)")
        #expect(result.stdout.contains("Note de synthèse écrite dans"))
        let dir = work.url.appendingPathComponent("baseline")
        for name in ["briefing.xlsx", "briefing.html", "tableaux/synthese.csv", "indicators_by_quintile.csv", "scenario.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
        }
        let quintiles = try String(contentsOf: dir.appendingPathComponent("indicators_by_quintile.csv"), encoding: .utf8)
        #expect(quintiles.hasPrefix("scenario,year,quintile,indicator,label_fr,unit,mean,sd,p05,p50,p95,replications\n"))
        let (check, json) = try Tools.script("check_briefing.py", ["xlsx", dir.path])
        #expect(check.ok, "\(check.stderr)")
        #expect(json["charts"] as? Int == 5)
        #expect(json["sheets"] as? [String] == Self.sheets.filter { $0 != "Taxes affectées" })  // the baseline has no tax
        let html = try String(contentsOf: dir.appendingPathComponent("briefing.html"), encoding: .utf8)
        #expect(html.contains("Statu quo (référence)") && html.contains("--briefing"))
    }

    @Test func briefingRefusesADirectoryThatIsNoOutput() throws {
        let work = try TemporaryDirectory()
        let result = try Tools.run(Tools.ramusim, ["briefing", work.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("ne contient ni comparison.csv"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.url.path).isEmpty)
    }

    @Test func compareWithoutBriefingRemovesThePackOfThePreviousResults() throws {
        let work = try TemporaryDirectory()
        let out = work.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("tableaux"), withIntermediateDirectories: true)
        try "ancienne".write(to: out.appendingPathComponent("briefing.html"), atomically: true, encoding: .utf8)
        let scenarios = Tools.packageRoot.appendingPathComponent("scenarios")
        let result = try Tools.run(Tools.ramusim, ["compare", scenarios.appendingPathComponent("baseline.yaml").path,
                                                   scenarios.appendingPathComponent("budget-15.yaml").path,
                                                   "--replications", "1", "--sample-fraction", "0.002", "--out", out.path])
        #expect(result.ok, "\(result.stderr)")
        #expect(result.stdout.contains("Ancienne note de synthèse retirée (briefing.html, tableaux)"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("briefing.html").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("tableaux").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("comparison.csv").path))
    }

    @Test func compareRefusesAScenarioNamedLikeAPartOfThePack() throws {
        let work = try TemporaryDirectory()
        let baseline = Tools.packageRoot.appendingPathComponent("scenarios/baseline.yaml").path
        let file = work.url.appendingPathComponent("tableaux.yaml")
        try "title: \"Tableaux\"\nextends: \(baseline)\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Tools.run(Tools.ramusim, ["compare", baseline, file.path, "--replications", "1",
                                                   "--out", work.url.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("« tableaux » réservé"), "\(result.stderr)")
    }
}
