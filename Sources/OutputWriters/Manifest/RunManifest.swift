import Foundation

/// `manifest.json`: what made the files of an output directory, so that a figure quoted in a
/// negotiation can be traced to its inputs and checked (`ramusim verify`). It records the tool, the
/// exact command and where it was typed, the options, the times, a SHA-256 of every input scenario file
/// (`extends` ancestors included), every resolved parameter with its unit and source, and a SHA-256 of
/// every output file of the directory except the manifest itself; the briefing pack, written after the
/// manifest, is added to it by `recordBriefing` (RunManifest+Briefing.swift).
///
/// Written by `JSONValue` (sorted keys, fixed layout): the same manifest gives the same bytes.
public struct RunManifest: Sendable, Equatable {
    /// The format; `verify` refuses another.
    public static let format = "ramusim-manifest/1"
    /// The manifest's own file name, never listed among the outputs.
    public static let fileName = "manifest.json"

    public enum Kind: String, Sendable {
        /// A scenario's directory written by `ramusim run`.
        case run
        /// A scenario's directory written by `ramusim compare`.
        case compareScenario = "compare-scenario"
        /// The directory of a comparison (comparison.csv, beside the scenarios' directories).
        case comparison
    }

    /// A file and its fingerprint.
    public struct FileHash: Sendable, Equatable {
        /// For an output, its name in the directory; for an input, its absolute path.
        public var file: String
        public var bytes: Int
        public var sha256: String
        /// False for an output that records the run itself (the command as typed, the day): running the
        /// command again gives other bytes by nature, so `verify --rerun` checks its integrity only.
        public var reproducible: Bool

        public init(file: String, bytes: Int, sha256: String, reproducible: Bool = true) {
            self.file = file
            self.bytes = bytes
            self.sha256 = sha256
            self.reproducible = reproducible
        }

        public init(file: String, data: Data, reproducible: Bool = true) {
            self.init(file: file, bytes: data.count, sha256: SHA256.hex(of: data), reproducible: reproducible)
        }
    }

    /// A parameter as it served (the rows of parameters.csv).
    public struct Parameter: Sendable, Equatable {
        public var parameter: String
        public var value: String
        public var unit: String
        public var source: String

        public init(parameter: String, value: String, unit: String, source: String) {
            self.parameter = parameter
            self.value = value
            self.unit = unit
            self.source = source
        }
    }

    /// A scenario directory of a comparison, and the fingerprint of its own manifest.
    public struct ScenarioDirectory: Sendable, Equatable {
        public var name: String
        public var manifestSHA256: String

        public init(name: String, manifestSHA256: String) {
            self.name = name
            self.manifestSHA256 = manifestSHA256
        }
    }

    public var kind: Kind
    public var toolVersion: String
    /// The command line as typed (the executable first).
    public var arguments: [String]
    /// The directory it was typed in.
    public var workingDirectory: String
    /// The same command with every path absolute and every option written out, without the executable:
    /// what `verify --rerun` runs (with `--out` pointed elsewhere).
    public var rerun: [String]
    /// The scenario of a scenario directory; nil for a comparison.
    public var scenario: String?
    /// A comparison's baseline scenario.
    public var baseline: String?
    public var seed: UInt64
    public var replications: Int
    /// The fraction simulated, after `--sample-fraction`.
    public var sampleFraction: Double
    public var threads: Int
    public var microdata: Bool
    /// ISO 8601, UTC.
    public var startedAt: String
    public var endedAt: String
    /// Absolute paths: the scenario file first, then its ancestors (for a comparison, every scenario's).
    public var inputs: [FileHash]
    public var parameters: [Parameter]
    /// Names in the directory, in the order written.
    public var outputs: [FileHash]
    /// A comparison's scenario directories.
    public var scenarios: [ScenarioDirectory]
    /// The briefing pack made from the outputs, by paths relative to the directory ("tableaux/synthese.csv");
    /// empty until one is written. It records the day of the run, so `verify --rerun` checks it by fingerprint only.
    public var briefing: [FileHash]

    public init(kind: Kind, toolVersion: String, arguments: [String], workingDirectory: String, rerun: [String],
                scenario: String?, baseline: String? = nil, seed: UInt64, replications: Int, sampleFraction: Double,
                threads: Int, microdata: Bool, startedAt: String, endedAt: String, inputs: [FileHash],
                parameters: [Parameter], outputs: [FileHash], scenarios: [ScenarioDirectory] = [],
                briefing: [FileHash] = []) {
        self.kind = kind
        self.toolVersion = toolVersion
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.rerun = rerun
        self.scenario = scenario
        self.baseline = baseline
        self.seed = seed
        self.replications = replications
        self.sampleFraction = sampleFraction
        self.threads = threads
        self.microdata = microdata
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.inputs = inputs
        self.parameters = parameters
        self.outputs = outputs
        self.scenarios = scenarios
        self.briefing = briefing
    }

    /// A time as the manifest writes it: "2026-11-25T07:31:02Z".
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    public var json: JSONValue {
        func hashes(_ files: [FileHash], key: String) -> JSONValue {
            .array(files.map { file in
                var members: [String: JSONValue] = [key: .string(file.file), "bytes": .integer(file.bytes),
                                                    "sha256": .string(file.sha256)]
                if !file.reproducible { members["reproducible"] = .bool(false) }
                return .object(members)
            })
        }
        var members: [String: JSONValue] = [
            "format": .string(Self.format),
            "kind": .string(kind.rawValue),
            "tool": .object(["name": .string("ramusim"), "version": .string(toolVersion)]),
            "command": .object([
                "arguments": .array(arguments.map(JSONValue.string)),
                "working_directory": .string(workingDirectory),
                "rerun": .array(rerun.map(JSONValue.string)),
            ]),
            "seed": seed <= UInt64(Int.max) ? .integer(Int(seed)) : .unsigned(seed),
            "replications": .integer(replications),
            "sample_fraction": .number(sampleFraction),
            "threads": .integer(threads),
            "microdata": .bool(microdata),
            "started_at": .string(startedAt),
            "ended_at": .string(endedAt),
            "inputs": hashes(inputs, key: "path"),
            "outputs": hashes(outputs, key: "file"),
            "parameters": .array(parameters.map {
                .object(["parameter": .string($0.parameter), "value": .string($0.value), "unit": .string($0.unit),
                         "source": .string($0.source)])
            }),
        ]
        if !briefing.isEmpty { members["briefing"] = hashes(briefing, key: "file") }  // absent: the same bytes as before
        if let scenario { members["scenario"] = .string(scenario) }
        if let baseline { members["baseline"] = .string(baseline) }
        if kind == .comparison {
            members["scenarios"] = .array(scenarios.map {
                .object(["name": .string($0.name), "manifest_sha256": .string($0.manifestSHA256)])
            })
        }
        return .object(members)
    }

    /// The manifest's bytes. Throws `OutputError.nonFiniteValue` for a non-finite sample fraction.
    public func rendered() throws -> Data {
        Data(try json.render().utf8)
    }

    /// Reads a manifest back; nil with what is wrong when it is not one this version writes.
    public init(parsing data: Data) throws(ManifestError) {
        guard let json = JSONValue.parse(data) else { throw ManifestError("ce n'est pas un document JSON valide") }
        guard json["format"]?.string == Self.format else {
            throw ManifestError("format « \(json["format"]?.string ?? "absent") » ; attendu « \(Self.format) »")
        }
        func field<T>(_ key: String, _ read: (JSONValue) -> T?) throws(ManifestError) -> T {
            guard let value = json[key], let typed = read(value) else { throw ManifestError("champ « \(key) » absent ou invalide") }
            return typed
        }
        func hashes(_ key: String, name: String) throws(ManifestError) -> [FileHash] {
            let items = try field(key) { $0.array }
            var result: [FileHash] = []
            for item in items {
                guard let file = item[name]?.string, let bytes = item["bytes"]?.int, let sha = item["sha256"]?.string,
                      sha.count == 64, sha.allSatisfy({ $0.isHexDigit }) else {
                    throw ManifestError("entrée de « \(key) » invalide")
                }
                result.append(FileHash(file: file, bytes: bytes, sha256: sha.lowercased(),
                                       reproducible: item["reproducible"]?.bool ?? true))
            }
            return result
        }
        guard let kind = Kind(rawValue: try field("kind") { $0.string }) else { throw ManifestError("champ « kind » inconnu") }
        let command = try field("command") { $0 }
        guard let arguments = command["arguments"]?.array?.compactMap(\.string),
              let rerun = command["rerun"]?.array?.compactMap(\.string), !rerun.isEmpty,
              let directory = command["working_directory"]?.string else {
            throw ManifestError("champ « command » incomplet (arguments, working_directory, rerun)")
        }
        var scenarios: [ScenarioDirectory] = []
        for item in json["scenarios"]?.array ?? [] {
            guard let name = item["name"]?.string, let sha = item["manifest_sha256"]?.string else {
                throw ManifestError("entrée de « scenarios » invalide")
            }
            scenarios.append(ScenarioDirectory(name: name, manifestSHA256: sha))
        }
        let parameters = (json["parameters"]?.array ?? []).compactMap { item -> Parameter? in
            guard let p = item["parameter"]?.string, let v = item["value"]?.string else { return nil }
            return Parameter(parameter: p, value: v, unit: item["unit"]?.string ?? "", source: item["source"]?.string ?? "")
        }
        self.init(kind: kind, toolVersion: json["tool"]?["version"]?.string ?? "?", arguments: arguments,
                  workingDirectory: directory, rerun: rerun, scenario: json["scenario"]?.string,
                  baseline: json["baseline"]?.string, seed: try field("seed") { $0.uint64 },
                  replications: try field("replications") { $0.int }, sampleFraction: try field("sample_fraction") { $0.double },
                  threads: try field("threads") { $0.int }, microdata: json["microdata"]?.bool ?? false,
                  startedAt: json["started_at"]?.string ?? "", endedAt: json["ended_at"]?.string ?? "",
                  inputs: try hashes("inputs", name: "path"), parameters: parameters,
                  outputs: try hashes("outputs", name: "file"), scenarios: scenarios,
                  briefing: json["briefing"] == nil ? [] : try hashes("briefing", name: "file"))
    }
}

/// Why a manifest cannot be read.
public struct ManifestError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
