import Foundation
import OutputWriters

/// `scenario.json`, written by `run` and `compare` in each scenario's directory: what the scenario is
/// (its file's `title:` and `description:`) and how it was run, for the briefing to say it in words.
///
/// Fields that depend on when the run happened are limited to the day (`date`), so that the same
/// command on the same day gives the same bytes. `manifest.json`, when present, is the fuller record.
public struct ScenarioRecord: Sendable, Equatable {
    public static let fileName = "scenario.json"

    /// The scenario's name: its file name without `.yaml`, the name of its directory.
    public var name: String
    public var title: String?
    public var description: String?
    /// The scenario file as it was given on the command line.
    public var file: String
    public var run: RunRecord?

    public init(name: String, title: String?, description: String?, file: String, run: RunRecord?) {
        self.name = name
        self.title = title
        self.description = description
        self.file = file
        self.run = run
    }

    /// How the outputs were made.
    public struct RunRecord: Sendable, Equatable {
        /// The command as typed, "ramusim" first.
        public var command: [String]
        public var version: String
        public var seed: UInt64
        public var replications: Int
        public var sampleFraction: Double
        /// The day of the run, "2026-11-25" (UTC; `SOURCE_DATE_EPOCH` when set).
        public var date: String
        /// For a comparison: the scenario the differences are taken from.
        public var baseline: String?

        public init(command: [String], version: String, seed: UInt64, replications: Int, sampleFraction: Double,
                    date: String, baseline: String?) {
            self.command = command
            self.version = version
            self.seed = seed
            self.replications = replications
            self.sampleFraction = sampleFraction
            self.date = date
            self.baseline = baseline
        }

        /// The day to record: `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
        /// convention) when it is set, otherwise now; UTC.
        public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
            let date = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
    }

    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "name": .string(name),
            "title": title.map(JSONValue.string) ?? .null,
            "description": description.map(JSONValue.string) ?? .null,
            "file": .string(file),
        ]
        if let run {
            var r: [String: JSONValue] = [
                "command": .array(run.command.map(JSONValue.string)),
                "version": .string(run.version),
                "seed": run.seed <= UInt64(Int.max) ? .integer(Int(run.seed)) : .unsigned(run.seed),
                "replications": .integer(run.replications),
                "sample_fraction": .number(run.sampleFraction),
                "date": .string(run.date),
            ]
            if let baseline = run.baseline { r["baseline"] = .string(baseline) }
            members["run"] = .object(r)
        }
        return .object(members)
    }

    /// The file's text (sorted keys, fixed layout: the same record gives the same bytes).
    public func rendered() throws -> String { try json.render() }

    /// Reads a record back; an error saying what is wrong otherwise.
    public init(parsing data: Data, path: String) throws(BriefingError) {
        guard let json = JSONValue.parse(data) else { throw BriefingError("« \(path) » n'est pas un document JSON valide") }
        guard let name = json["name"]?.string else { throw BriefingError("« \(path) » : champ « name » absent") }
        self.name = name
        title = json["title"]?.string
        description = json["description"]?.string
        file = json["file"]?.string ?? ""
        if let r = json["run"], let seed = r["seed"]?.uint64, let replications = r["replications"]?.int,
           let fraction = r["sample_fraction"]?.double
        {
            run = RunRecord(command: r["command"]?.array?.compactMap(\.string) ?? [], version: r["version"]?.string ?? "?",
                            seed: seed, replications: replications, sampleFraction: fraction,
                            date: r["date"]?.string ?? "", baseline: r["baseline"]?.string)
        } else {
            run = nil
        }
    }
}
