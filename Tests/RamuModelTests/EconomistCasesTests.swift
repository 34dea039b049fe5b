import Foundation
@testable import RamuModel
import ScenarioFiles
import Testing
import Yams

/// The cases of `Cases/` (their README says how to write one): a household, its care and premiums, and
/// what the rule tables must make of them — checked with the functions the simulation itself calls
/// (`Rules.split`, `RegimeBenefits.spending`, `RegimeFinancing.due`, `Rules.regime(of:)`). A wrong
/// expected value fails with the case's file and line.
@Suite("Economists' cases: who pays what (Tests/RamuModelTests/Cases)")
struct EconomistCasesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// Amounts agree to the centime.
    static let centime = 0.01

    @Test func thereAreCasesForEveryRegimeAndTheCascade() throws {
        #expect(Self.files.count >= 12)
        var regimes = Set<String>(), outcomes = Set<String>()
        for file in Self.files {
            let root = try #require(try Yams.compose(yaml: String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)))
            regimes.insert(root["household"]?["regime"]?.string ?? "")
            if let inForce = root["expected_regime"]?.string { regimes.insert(inForce) }
            for episode in root["care"]?.sequence ?? [] { outcomes.insert(episode["gratuite"]?.string ?? "") }
        }
        #expect(regimes == ["none", "amo", "ramed", "mutuelle", "ramu"])
        #expect(outcomes == ["works", "fails"])
    }

    @Test("each case", arguments: files)
    func eachCase(_ file: String) throws {
        let path = Self.folder.appendingPathComponent(file).path
        let root = try #require(try Yams.compose(yaml: String(contentsOfFile: path, encoding: .utf8)), "\(file) est vide")
        var reader = CaseReader(path: path, file: file)
        let p = try reader.parameters(root["parameters"])
        let year = root["year"]?.int ?? p.simulation.startYear
        let rules = Rules(p, year: year, census: Census())
        let household = try #require(root["household"], "\(file) : household manquant")
        let sector = try reader.choice(household["sector"], Sector.allCases, "sector")
        let regime = rules.regime(of: try reader.choice(household["regime"], Regime.allCases, "regime"))
        if let written = root["expected_regime"] {
            reader.expect(regime.name == written.string, "régime en vigueur \(regime.name), attendu \(written.string ?? "?")", at: written)
        }
        let members = try (household["members"]?.sequence ?? []).map { try reader.member($0) }

        for episode in root["care"]?.sequence ?? [] {
            let index = try #require(episode["member"]?.int, "\(file) : member manquant")
            try #require(members.indices.contains(index), "\(file) : membre \(index) absent")
            let kind = try reader.choice(episode["kind"], CareKind.allCases, "kind", names: CaseReader.kinds)
            let cost = try #require(episode["cost"]?.float, "\(file) : cost manquant")
            let works = try reader.choice(episode["gratuite"], [true, false], "gratuite", names: ["works", "fails"])
            // The gratuité works only for a member it serves (under five, pregnant or delivering).
            let split = rules.split(cost: cost, kind: kind, regime: regime, sector: sector,
                                    gratuiteWorks: members[index].gratuiteEligible && works)
            let spending = rules.regimes[regime].benefits.spending(claims: split.regime)
            guard let expected = episode["expected"] else { continue }
            reader.amount(expected["gratuite"], split.gratuite, "gratuite")
            reader.amount(expected["regime"], split.regime, "regime")
            reader.amount(expected["household"], split.outOfPocket, "household")
            reader.amount(expected["admin"], spending.admin, "admin")
            reader.amount(expected["state"], spending.paidByState, "state")
            reader.amount(expected["collectivites"], spending.paidByCollectivites, "collectivites")
            if let payer = expected["gratuite_payer"] {
                let actual = rules.care.gratuitesIntegrated ? "pool" : "state"
                reader.expect(payer.string == actual, "gratuité payée par \(actual), attendu \(payer.string ?? "?")", at: payer)
            }
        }

        if let premiums = root["premiums"] {
            let years = try #require(premiums["years"]?.float, "\(file) : premiums.years manquant")
            let due = rules.regimes[regime].financing.due(sector: sector, persons: members.count, years: years)
            let expected = premiums["expected"]
            reader.amount(expected?["contributions"], due.contributions, "contributions")
            reader.amount(expected?["household"], due.household, "premiums.household")
            reader.amount(expected?["state"], due.state, "premiums.state")
        }
    }
}

/// Reads a case file's nodes, and records each mismatch at the line of the case that states it.
struct CaseReader {
    let path: String
    let file: String

    static let kinds = ["cscom", "csref", "hospital", "delivery", "caesarean", "antenatal"]
    static let groups = ["under_five", "woman", "pregnant", "other"]

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(fileID: "RamuModelTests/Cases/\(file)", filePath: path, line: node.mark?.line ?? 1,
                       column: node.mark?.column ?? 1)
    }

    func expect(_ condition: Bool, _ message: String, at node: Node) {
        if !condition { Issue.record("\(file) : \(message)", sourceLocation: location(node)) }
    }

    /// An expected amount (FCFA), when the case writes it.
    func amount(_ node: Node?, _ actual: Double, _ what: String) {
        guard let node else { return }
        guard let expected = node.float else {
            Issue.record("\(file) : \(what) n'est pas un nombre", sourceLocation: location(node))
            return
        }
        expect(abs(actual - expected) <= EconomistCasesTests.centime,
               "\(what) = \(actual) FCFA selon le modèle, le cas attend \(expected)", at: node)
    }

    func choice<T>(_ node: Node?, _ values: [T], _ what: String, names: [String]? = nil) throws -> T {
        let names = names ?? values.map { "\($0)" }
        guard let node, let i = names.firstIndex(of: node.string ?? "") else {
            let message = "\(file) : \(what) doit être l'un de \(names.joined(separator: ", "))"
            if let node { Issue.record(Comment(rawValue: message), sourceLocation: location(node)) }
            throw CaseError(message)
        }
        return values[i]
    }

    func member(_ node: Node) throws -> Member {
        switch try choice(node, Self.groups, "un membre") {
        case "under_five": Member(group: .underFive)
        case "woman": Member(group: .woman15to49)
        case "pregnant": Member(group: .woman15to49, pregnant: true)
        default: Member(group: .other)
        }
    }

    /// MODEL.md's defaults with the case's `parameters` (scenario keys, `section.key: value`), read and
    /// checked as a scenario file that writes them would be.
    mutating func parameters(_ node: Node?) throws -> Parameters {
        guard let mapping = node?.mapping else { return Parameters() }
        var sections: [String: [String]] = [:], order: [String] = []
        for (key, value) in mapping {
            let parts = (key.string ?? "").split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let text = value.string else {
                Issue.record("\(file) : paramètre « \(key.string ?? "?") » : attendu section.clé: valeur", sourceLocation: location(key))
                throw CaseError("paramètre illisible")
            }
            if sections[parts[0]] == nil { order.append(parts[0]) }
            sections[parts[0], default: []].append("  \(parts[1]): \(text)")
        }
        let yaml = order.map { "\($0):\n" + sections[$0]!.joined(separator: "\n") }.joined(separator: "\n") + "\n"
        let scenario = FileManager.default.temporaryDirectory.appendingPathComponent("cas-\(UUID().uuidString).yaml")
        try yaml.write(to: scenario, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scenario) }
        do {
            return try ScenarioLoader.load(path: scenario.path).parameters
        } catch {
            Issue.record("\(file) : parameters : \(error.message)", sourceLocation: location(node!))
            throw error
        }
    }
}

struct CaseError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
