import Foundation
@testable import Briefing
import OutputWriters
import RamuModel
import Testing

@Suite("Reading an output directory back")
struct BriefingInputTests {
    @Test func aComparisonDirectoryWithItsBaselineAndRecord() throws {
        let dir = try TemporaryDirectory()
        let written = try Fixture.writeComparison(to: dir.url)
        let input = try BriefingInput.load(directory: dir.url)
        #expect(input.kind == .comparison)
        #expect(input.scenarios.map(\.name) == ["baseline", "reforme"])
        #expect(input.baseline == 0)
        #expect(input.years == Fixture.years)
        #expect(input.run?.version == "9.9.9" && input.run?.replications == 3 && input.run?.date == "2026-11-25")
        #expect(input.scenarios[1].title == Fixture.hostileTitle)
        // Values as the writers rounded them.
        let stats = ReplicationSummary.summarize(written.scenario).first { $0.year == 2030 && $0.indicator == .oopShare }!.stats
        let read = try #require(input.scenarios[1].estimate(Indicator.oopShare.id, year: 2030))
        #expect(formatNumber(read.mean) == formatNumber(stats.mean) && formatNumber(read.p95) == formatNumber(stats.p95))
        #expect(input.scenarios[1].quintiles.count == Fixture.years.count * 5 * QuintileIndicator.allCases.count)
        #expect(input.difference("reforme", Indicator.oopShare.id, year: 2030)?.difference ?? 0 > 0)
    }

    @Test func withoutARecordTheBaselineIsTheScenarioThatDiffersByZero() throws {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url, recordBaseline: false)
        // Put the reform first in comparison.csv: the baseline is still found.
        let path = dir.url.appendingPathComponent("comparison.csv")
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n")
        let reordered = [lines[0]] + lines.dropFirst().filter { $0.hasPrefix("reforme,") } + lines.dropFirst().filter { $0.hasPrefix("baseline,") }
        try (reordered.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        let input = try BriefingInput.load(directory: dir.url)
        #expect(input.scenarios.map(\.name) == ["reforme", "baseline"])
        #expect(input.baseline == 1)
    }

    @Test func scenarioJSONSaysHowItWasRunAndManifestJSONOnlyWhenItDoesNot() throws {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url, recordBaseline: false)
        let manifest = RunManifest(
            kind: .comparison, toolVersion: "7.7.7", arguments: ["/chemin/ramusim", "compare", "a.yaml", "b.yaml"],
            workingDirectory: "/", rerun: ["compare"], scenario: nil, baseline: "baseline", seed: 9, replications: 5,
            sampleFraction: 0.5, threads: 2, microdata: false, startedAt: "2030-01-01T10:00:00Z",
            endedAt: "2030-01-01T10:01:00Z", inputs: [], parameters: [], outputs: [])
        try manifest.rendered().write(to: dir.url.appendingPathComponent(RunManifest.fileName))
        // scenario.json has a record: its day, not the manifest's time, so the briefing does not change.
        var input = try BriefingInput.load(directory: dir.url)
        #expect(input.run?.version == "9.9.9" && input.run?.date == "2026-11-25")
        #expect(input.baseline == 0)  // from the manifest: scenario.json did not record it
        // Without one, the manifest's.
        for name in ["baseline", "reforme"] {
            try #"{"name": "\#(name)"}"#.write(to: dir.url.appendingPathComponent("\(name)/scenario.json"), atomically: true, encoding: .utf8)
        }
        input = try BriefingInput.load(directory: dir.url)
        #expect(input.run?.version == "7.7.7" && input.run?.date == "2030-01-01" && input.run?.seed == 9)
        #expect(input.run?.command == ["ramusim", "compare", "a.yaml", "b.yaml"])
        #expect(input.scenarios[1].title == "reforme")  // no title: the name
    }

    @Test func aScenarioDirectoryIsARun() throws {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url)
        let input = try BriefingInput.load(directory: dir.url.appendingPathComponent("reforme"))
        #expect(input.kind == .run)
        #expect(input.scenarios.map(\.name) == ["reforme"])
        #expect(input.baseline == nil && input.differences.isEmpty)
    }

    @Test func refusesWhatIsNotAnOutputDirectory() throws {
        let dir = try TemporaryDirectory()
        #expect { try BriefingInput.load(directory: dir.url) } throws: { error in
            "\(error)".contains("ni comparison.csv") && "\(error)".contains("indicators.csv")
        }
        #expect { try BriefingInput.load(directory: dir.url.appendingPathComponent("absent")) } throws: { error in
            "\(error)".contains("n'est pas un dossier")
        }
        // A comparison whose scenario directory is missing says which.
        try "scenario,year,indicator,label_fr,unit,mean,diff_vs_baseline,diff_p05,diff_p95\nperdu,2020,population,P,personnes,1,0,0,0\n"
            .write(to: dir.url.appendingPathComponent("comparison.csv"), atomically: true, encoding: .utf8)
        #expect { try BriefingInput.load(directory: dir.url) } throws: { error in "\(error)".contains("« perdu »") }
    }

    @Test func aBrokenCSVNamesTheFileLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url)
        let path = dir.url.appendingPathComponent("reforme/indicators.csv")
        var lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[3] = lines[3].split(separator: ",").dropLast().joined(separator: ",") + ",trois"  // replications
        try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        #expect { try BriefingInput.load(directory: dir.url) } throws: { error in
            "\(error)".contains("reforme/indicators.csv », ligne 4, colonne « replications » : « trois »")
        }
    }

    @Test func csvReaderFollowsRFC4180() throws {
        let text = "a,b,c\r\n1,\"x, \"\"y\"\"\",\"multi\nline\"\n,,\n"
        let file = try CSVFile(path: "t.csv", text: text)
        #expect(file.header == ["a", "b", "c"])
        #expect(file.rows == [["1", "x, \"y\"", "multi\nline"], ["", "", ""]])
        #expect(throws: BriefingError.self) { try CSVFile(path: "t.csv", text: "a,b\n1\n") }
    }

    @Test func scenarioRecordReadsBackWhatItWrites() throws {
        let record = ScenarioRecord(
            name: "s", title: "Titre « é »", description: nil, file: "scenarios/s.yaml",
            run: .init(command: ["ramusim", "run", "scenarios/s.yaml"], version: "1.0", seed: UInt64.max, replications: 4,
                       sampleFraction: 0.015, date: "2026-01-02", baseline: nil))
        let text = try record.rendered()
        #expect(try ScenarioRecord(parsing: Data(text.utf8), path: "x") == record)
        #expect(text.contains("\"description\": null"))
        #expect(ScenarioRecord.RunRecord.today(environment: ["SOURCE_DATE_EPOCH": "1764028800"]) == "2025-11-25")
    }
}

@Suite("A NaN or an infinity in the outputs")
struct NonFiniteBriefingTests {
    /// A comparison whose previous briefing is in place, to see that a refused one leaves it untouched.
    static func comparisonWithBriefing() throws -> (TemporaryDirectory, BriefingInput, [String: Data]) {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url)
        let input = try BriefingInput.load(directory: dir.url)
        _ = try BriefingPack.write(input)
        return (dir, input, snapshot(dir.url))
    }

    static func snapshot(_ root: URL) -> [String: Data] {
        var found: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let f = e?.nextObject() as? URL { found[f.path] = (try? Data(contentsOf: f)) ?? Data() }
        return found
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func anIndicatorIsRefusedByScenarioIndicatorAndYearAndNothingIsWritten(_ x: Double) throws {
        let (dir, loaded, before) = try Self.comparisonWithBriefing()
        var input = loaded
        let i = try #require(input.scenarios[1].indicators.firstIndex { $0.id == Indicator.coverageTotal.id && $0.year == 2030 })
        input.scenarios[1].indicators[i].estimate.mean = x
        let error = #expect(throws: BriefingError.self) { try BriefingPack.write(input) }
        let message = error?.description ?? ""
        #expect(message.contains("scénario « reforme », indicateur « coverage_total_pct » (Couverture totale"), "\(message)")
        #expect(message.contains("année 2030 : la moyenne " + (x.isNaN ? "n'est pas un nombre (NaN)" : "est infini")), "\(message)")
        #expect(message.contains("note de synthèse non écrite"))
        #expect(Self.snapshot(dir.url) == before)  // the previous pack as it was, no temporary file left
    }

    @Test func aDifferenceAndAQuintileAreRefusedToo() throws {
        let (dir, input, before) = try Self.comparisonWithBriefing()
        var changed = input
        let d = try #require(changed.differences.firstIndex { $0.scenario == "reforme" && $0.year == 2025 })
        changed.differences[d].differenceP95 = .infinity
        let difference = #expect(throws: BriefingError.self) { try BriefingPack.write(changed) }
        #expect(difference?.description.contains("scénario « reforme », indicateur « \(changed.differences[d].id) »") == true)
        #expect(difference?.description.contains("année 2025 (comparison.csv) : le 95e centile de l'écart est infini") == true,
                "\(difference?.description ?? "")")

        changed = input
        changed.scenarios[0].quintiles[7].estimate.p05 = .nan
        let q = changed.scenarios[0].quintiles[7]
        let quintile = #expect(throws: BriefingError.self) { try BriefingPack.write(changed) }
        #expect(quintile?.description.contains("scénario « baseline », indicateur « \(q.id) »") == true)
        #expect(quintile?.description.contains("année \(q.year), quintile \(q.quintile) : le 5e centile n'est pas un nombre") == true,
                "\(quintile?.description ?? "")")
        #expect(Self.snapshot(dir.url) == before)
    }

    @Test func anEarmarkedTaxIsRefusedByScenarioTaxAndYear() throws {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url, taxes: true)
        var input = try BriefingInput.load(directory: dir.url)
        let i = try #require(input.scenarios[1].taxes.firstIndex { $0.tax == "Tabac" && $0.year == 2031 })
        input.scenarios[1].taxes[i].estimate.p95 = .nan
        let error = #expect(throws: BriefingError.self) { try BriefingPack.write(input) }
        #expect(error?.description.contains("scénario « reforme », indicateur « earmarked_tax_revenue_mfcfa » (Recettes des "
                                            + "taxes affectées au RAMU), année 2031, taxe « Tabac » (taxes.csv) : le 95e centile") == true,
                "\(error?.description ?? "")")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("briefing.xlsx").path))
    }
}
