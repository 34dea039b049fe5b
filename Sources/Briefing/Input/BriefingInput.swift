import Foundation
import OutputWriters

/// A value across replications, as indicators.csv gives it: the statistics the run wrote.
public typealias Estimate = IndicatorStatistics

/// One line of indicators.csv.
public struct IndicatorRow: Sendable, Equatable {
    public var year: Int
    public var id: String
    public var label: String
    public var unit: String
    public var estimate: Estimate
}

/// One line of indicators_by_quintile.csv.
public struct QuintileRow: Sendable, Equatable {
    public var year: Int
    /// 1 = poorest fifth.
    public var quintile: Int
    public var id: String
    public var label: String
    public var unit: String
    public var estimate: Estimate
}

/// One line of taxes.csv: the revenue of one earmarked tax in one year.
public struct TaxRow: Sendable, Equatable {
    public var year: Int
    /// The instrument's name, as the scenario file gives it ("Téléphonie mobile").
    public var tax: String
    public var unit: String
    public var estimate: Estimate
}

/// One line of parameters.csv.
public struct ParameterRow: Sendable, Equatable {
    public var parameter: String
    public var value: String
    public var unit: String
    public var source: String
}

/// One line of comparison.csv: a scenario's mean and its paired difference with the baseline.
public struct DifferenceRow: Sendable, Equatable {
    public var scenario: String
    public var year: Int
    public var id: String
    public var label: String
    public var unit: String
    public var mean: Double
    public var difference: Double
    public var differenceP05: Double
    public var differenceP95: Double
}

/// What one scenario's directory holds.
public struct ScenarioOutputs: Sendable {
    public var record: ScenarioRecord
    public var indicators: [IndicatorRow]
    /// Empty when the directory has no indicators_by_quintile.csv (outputs of an older version).
    public var quintiles: [QuintileRow]
    /// Empty when the scenario has no earmarked tax (no taxes.csv).
    public var taxes: [TaxRow]
    public var parameters: [ParameterRow]

    public var name: String { record.name }
    /// The French title, or the name when the file had none.
    public var title: String { record.title ?? record.name }

    private var index: [String: Int] = [:]  // "year|id" → position in `indicators`

    init(record: ScenarioRecord, indicators: [IndicatorRow], quintiles: [QuintileRow], taxes: [TaxRow] = [],
         parameters: [ParameterRow]) {
        self.record = record
        self.indicators = indicators
        self.quintiles = quintiles
        self.taxes = taxes
        self.parameters = parameters
        for (i, row) in indicators.enumerated() { index["\(row.year)|\(row.id)"] = i }
    }

    public func estimate(_ id: String, year: Int) -> Estimate? {
        index["\(year)|\(id)"].map { indicators[$0].estimate }
    }
}

/// The outputs of a `run` (one scenario directory) or of a `compare` (comparison.csv and one directory
/// per scenario), read back from their files: the briefing is made from what an analyst can open.
public struct BriefingInput: Sendable {
    public enum Kind: Sendable, Equatable { case run, comparison }

    public var kind: Kind
    public var directory: URL
    /// In the order of comparison.csv (the order given to `compare`).
    public var scenarios: [ScenarioOutputs]
    /// Position of the baseline in `scenarios` for a comparison.
    public var baseline: Int?
    public var differences: [DifferenceRow]
    /// How the outputs were made: scenario.json's record (its day, not the time, so the briefing of the
    /// same outputs is the same file whenever it is made); manifest.json's when scenario.json has none.
    public var run: ScenarioRecord.RunRecord?

    private var differenceIndex: [String: Int] = [:]  // "scenario|year|id" → position

    public func difference(_ scenario: String, _ id: String, year: Int) -> DifferenceRow? {
        differenceIndex["\(scenario)|\(year)|\(id)"].map { differences[$0] }
    }

    /// Every year of the outputs, ascending.
    public var years: [Int] { Array(Set(scenarios.flatMap { $0.indicators.map(\.year) })).sorted() }

    /// Indicator ids in the order of the first scenario's indicators.csv, then any the others add.
    public var indicatorIDs: [String] {
        var seen: Set<String> = []
        return scenarios.flatMap { $0.indicators.map(\.id) }.filter { seen.insert($0).inserted }
    }

    /// Label and unit of an indicator, from the first file that has it.
    public func describe(_ id: String) -> (label: String, unit: String)? {
        for s in scenarios {
            if let row = s.indicators.first(where: { $0.id == id }) { return (row.label, row.unit) }
        }
        return nil
    }

    // MARK: Reading a directory

    /// Reads `directory`: a comparison if it holds comparison.csv, a run if it holds indicators.csv
    /// (`OutputFile`: their names and the columns each must have).
    public static func load(directory: URL) throws(BriefingError) -> BriefingInput {
        let path = directory.standardizedFileURL.path
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BriefingError("« \(path) » n'est pas un dossier ; attendu le dossier de sortie d'un « ramusim run » "
                                + "(DOSSIER/<scénario>/) ou d'un « ramusim compare » (DOSSIER/)")
        }
        let root = URL(fileURLWithPath: path, isDirectory: true)
        if fm.fileExists(atPath: root.appendingPathComponent(OutputFile.comparison.name).path) {
            return try loadComparison(root)
        }
        if fm.fileExists(atPath: root.appendingPathComponent(OutputFile.indicators.name).path) {
            let scenario = try loadScenario(root)
            var input = BriefingInput(kind: .run, directory: root, scenarios: [scenario], baseline: nil, differences: [],
                                      run: scenario.record.run)
            if input.run == nil { input.run = try manifestRun(root, baseline: nil) }
            return input
        }
        throw BriefingError("« \(path) » ne contient ni \(OutputFile.comparison.name) (sortie de « ramusim compare ») ni "
                            + "\(OutputFile.indicators.name) (sortie de « ramusim run », dans DOSSIER/<scénario>/)")
    }

    private static func loadComparison(_ root: URL) throws(BriefingError) -> BriefingInput {
        let csv = try CSVFile(path: root.appendingPathComponent(OutputFile.comparison.name).path)
        let c = try csv.columns(of: .comparison)
        var differences: [DifferenceRow] = []
        var names: [String] = []
        for i in csv.rows.indices {
            let r = csv.rows[i]
            let name = r[c[.scenario]!]
            if !names.contains(name) { names.append(name) }
            differences.append(DifferenceRow(
                scenario: name, year: try csv.integer(i, c[.year]!), id: r[c[.indicator]!], label: r[c[.labelFR]!],
                unit: r[c[.unit]!], mean: try csv.number(i, c[.mean]!),
                difference: try csv.number(i, c[.differenceVsBaseline]!),
                differenceP05: try csv.number(i, c[.differenceP05]!), differenceP95: try csv.number(i, c[.differenceP95]!)))
        }
        guard !names.isEmpty else { throw BriefingError("« \(csv.path) » n'a aucune ligne de données") }
        var scenarios: [ScenarioOutputs] = []
        for name in names {
            guard !name.isEmpty, name != ".", name != "..", !name.contains("/") else {
                throw BriefingError("« \(csv.path) » : nom de scénario « \(name) » inutilisable comme dossier")
            }
            let sub = root.appendingPathComponent(name, isDirectory: true)
            guard FileManager.default.fileExists(atPath: sub.appendingPathComponent(OutputFile.indicators.name).path) else {
                throw BriefingError("« \(sub.path)/\(OutputFile.indicators.name) » absent : \(OutputFile.comparison.name) cite "
                                    + "le scénario « \(name) » mais son dossier manque")
            }
            scenarios.append(try loadScenario(sub))
        }
        var input = BriefingInput(kind: .comparison, directory: root, scenarios: scenarios, baseline: nil,
                                  differences: differences, run: scenarios.first?.record.run)
        for (i, row) in differences.enumerated() { input.differenceIndex["\(row.scenario)|\(row.year)|\(row.id)"] = i }
        let recorded = scenarios.lazy.compactMap { $0.record.run?.baseline }.first
        let manifest = recorded == nil || input.run == nil ? try manifestRun(root, baseline: recorded) : nil
        if input.run == nil { input.run = manifest }
        input.baseline = baselineIndex(recorded: recorded ?? manifest?.baseline, names: names, differences: differences)
        return input
    }

    /// The baseline as recorded; failing that, the first scenario whose differences are all zero.
    private static func baselineIndex(recorded: String?, names: [String], differences: [DifferenceRow]) -> Int {
        if let recorded, let i = names.firstIndex(of: recorded) { return i }
        var nonZero: Set<String> = []
        for d in differences where d.difference != 0 || d.differenceP05 != 0 || d.differenceP95 != 0 { nonZero.insert(d.scenario) }
        return names.firstIndex { !nonZero.contains($0) } ?? 0
    }

    private static func loadScenario(_ directory: URL) throws(BriefingError) -> ScenarioOutputs {
        let name = directory.lastPathComponent
        let recordPath = directory.appendingPathComponent(ScenarioRecord.fileName).path
        var record = ScenarioRecord(name: name, title: nil, description: nil, file: "", run: nil)
        if let data = FileManager.default.contents(atPath: recordPath) {
            record = try ScenarioRecord(parsing: data, path: recordPath)
        }

        let csv = try CSVFile(path: directory.appendingPathComponent(OutputFile.indicators.name).path)
        let c = try csv.columns(of: .indicators)
        var indicators: [IndicatorRow] = []
        for i in csv.rows.indices {
            indicators.append(IndicatorRow(year: try csv.integer(i, c[.year]!), id: csv.rows[i][c[.indicator]!],
                                           label: csv.rows[i][c[.labelFR]!], unit: csv.rows[i][c[.unit]!],
                                           estimate: try estimate(csv, i, c)))
        }

        var quintiles: [QuintileRow] = []
        let quintilePath = directory.appendingPathComponent(OutputFile.indicatorsByQuintile.name).path
        if FileManager.default.fileExists(atPath: quintilePath) {
            let q = try CSVFile(path: quintilePath)
            let qc = try q.columns(of: .indicatorsByQuintile)
            for i in q.rows.indices {
                quintiles.append(QuintileRow(year: try q.integer(i, qc[.year]!), quintile: try q.integer(i, qc[.quintile]!),
                                             id: q.rows[i][qc[.indicator]!], label: q.rows[i][qc[.labelFR]!],
                                             unit: q.rows[i][qc[.unit]!], estimate: try estimate(q, i, qc)))
            }
        }

        var taxes: [TaxRow] = []
        let taxPath = directory.appendingPathComponent(OutputFile.taxes.name).path
        if FileManager.default.fileExists(atPath: taxPath) {
            let t = try CSVFile(path: taxPath)
            let tc = try t.columns(of: .taxes)
            for i in t.rows.indices {
                taxes.append(TaxRow(year: try t.integer(i, tc[.year]!), tax: t.rows[i][tc[.tax]!], unit: t.rows[i][tc[.unit]!],
                                    estimate: try estimate(t, i, tc)))
            }
        }

        var parameters: [ParameterRow] = []
        let parameterPath = directory.appendingPathComponent(OutputFile.parameters.name).path
        if FileManager.default.fileExists(atPath: parameterPath) {
            let p = try CSVFile(path: parameterPath)
            let pc = try p.columns(of: .parameters)
            parameters = p.rows.map {
                ParameterRow(parameter: $0[pc[.parameter]!], value: $0[pc[.value]!], unit: $0[pc[.unit]!],
                             source: $0[pc[.source]!])
            }
        }
        return ScenarioOutputs(record: record, indicators: indicators, quintiles: quintiles, taxes: taxes,
                               parameters: parameters)
    }

    private static func estimate(_ csv: CSVFile, _ i: Int, _ c: [OutputFile.Column: Int]) throws(BriefingError) -> Estimate {
        Estimate(mean: try csv.number(i, c[.mean]!), sd: try csv.number(i, c[.sd]!), p05: try csv.number(i, c[.p05]!),
                 p50: try csv.number(i, c[.p50]!), p95: try csv.number(i, c[.p95]!),
                 replications: try csv.integer(i, c[.replications]!))
    }

    /// The run as manifest.json recorded it, when the directory has one that can be read.
    private static func manifestRun(_ directory: URL, baseline: String?) throws(BriefingError) -> ScenarioRecord.RunRecord? {
        let path = directory.appendingPathComponent(RunManifest.fileName).path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let manifest: RunManifest
        do {
            manifest = try RunManifest(parsing: data)
        } catch {
            throw BriefingError("« \(path) » illisible : \(error)")
        }
        var command = manifest.arguments
        if !command.isEmpty { command[0] = "ramusim" }
        return ScenarioRecord.RunRecord(command: command, version: manifest.toolVersion, seed: manifest.seed,
                                        replications: manifest.replications, sampleFraction: manifest.sampleFraction,
                                        date: String(manifest.startedAt.prefix(10)), baseline: manifest.baseline ?? baseline)
    }
}
