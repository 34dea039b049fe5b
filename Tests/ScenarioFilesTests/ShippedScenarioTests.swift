import Foundation
import RamuModel
import ScenarioFiles
import Testing
import Yams

/// The files of scenarios/ (MODEL.md section 8), as an analyst will open them.
@Suite("shipped scenarios")
struct ShippedScenarioTests {
    static let directory = URL(fileURLWithPath: baselinePath()).deletingLastPathComponent()

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func path(_ name: String) -> String { directory.appendingPathComponent("\(name).yaml").path }

    static func load(_ name: String) throws -> Scenario { try ScenarioLoader.load(path: path(name)) }

    /// The documents of shared/sources, and the secondary ones the files name as such.
    static let documentTitles = [
        "TdR de l'atelier d'intégration des gratuités dans le RAMU, DNPSES, décembre 2021",
        "Plan d'action pour le Mali (MAP), ministère de la Santé et des Affaires sociales",
        "Plan d'actions 2018-2022 de la Stratégie nationale de financement de la CSU",
        "Décret n°10-578 du 25 octobre 2010 (AMO)",
        "Termes de référence, étude de cas HBP Mali (Joint Learning Network), 2017",
        "Mutuelle de cercle de Ségou, 2021", "Répartition du coût du RAMED", "ODD 3.8.2 révisé en 2025",
        "UN World Population Prospects 2024 (source secondaire)",
    ]

    /// The titles a description cites, in the short form running text uses.
    static let policyDocuments = [
        "TdR de l'atelier d'intégration des gratuités dans le RAMU", "Plan d'action pour le Mali (MAP)",
        "Plan d'actions 2018-2022 de la Stratégie nationale de financement de la CSU", "World Population Prospects 2024",
    ]

    /// Crude but enough to catch an English text: common French words or accents.
    static func looksFrench(_ text: String) -> Bool {
        let words = Set(text.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init))
        let french: Set = ["de", "la", "le", "les", "des", "du", "et", "à", "au", "en", "pour", "est"]
        return !words.isDisjoint(with: french) || text.contains { "éèàùçêô".contains($0) }
    }

    @Test("the scenarios of MODEL.md sections 3 and 8 are all there")
    func allShipped() {
        #expect(Self.names == [
            "baseline", "budget-15", "earmarked-taxes", "gratuites-ramu", "population-wpp2024", "ramu-full", "ramu-subsidised",
        ])
    }

    @Test("loads, with a French title and description citing its document, and extends baseline.yaml", arguments: names)
    func loads(_ name: String) throws {
        let scenario = try Self.load(name)
        #expect(scenario.name == name)
        let title = try #require(scenario.title)
        let description = try #require(scenario.description)
        #expect(Self.looksFrench(title), "\(title)")
        #expect(Self.looksFrench(description))
        let sentences = description.matches(of: /[.!?](\s|$)/).count
        #expect(sentences >= 3, "\(name) : \(sentences) phrase(s)")
        #expect(Self.policyDocuments.contains { description.contains($0) },
                "\(name) : la description ne cite aucun document par son titre")
        for row in scenario.provenance {
            #expect(!row.source.hasPrefix("non documenté"), "\(name) : \(row.key)")
            let ok = row.source.hasPrefix("assumption : ") || row.source.hasPrefix("derived: ")
                || Self.documentTitles.contains { row.source.hasPrefix($0) }
            #expect(ok, "\(name) : \(row.key) : « \(row.source) »")
        }
        guard name != "baseline" else { return }
        #expect(scenario.files.map(\.lastPathComponent) == ["\(name).yaml", "baseline.yaml"])
        let root = try #require(try Yams.compose(yaml: String(contentsOfFile: Self.path(name), encoding: .utf8)))
        #expect(root.mapping?["extends"]?.string == "baseline.yaml")
    }

    @Test("changes something relative to baseline", arguments: names.filter { $0 != "baseline" })
    func changesSomething(_ name: String) throws {
        let scenario = try Self.load(name)
        let baseline = try Self.load("baseline")
        #expect(!scenario.timeline.isEmpty || scenario.parameters != baseline.parameters)
        // The title differs too: two files saying the same thing would confuse a briefing.
        #expect(scenario.title != baseline.title)
    }

    /// Walks the YAML: every value in sections, taxes and the timeline carries its unit and source.
    @Test("writes every value as {value, unit, source}", arguments: names)
    func everyValueInFull(_ name: String) throws {
        let text = try String(contentsOfFile: Self.path(name), encoding: .utf8)
        let top = try #require(try Yams.compose(yaml: text)?.mapping)
        func check(_ leaf: Node, key: String, unit: String?) {
            guard let fields = leaf.mapping else {
                Issue.record("\(name) : \(key) n'est pas écrit {value, unit, source}")
                return
            }
            #expect(Set(fields.keys.compactMap(\.string)) == ["value", "unit", "source"], "\(name) : \(key)")
            #expect(fields["unit"]?.string == unit, "\(name) : \(key)")
            #expect((fields["source"]?.string ?? "").count > 10, "\(name) : \(key)")
        }
        var count = 0
        for (sectionKey, section) in top {
            let section_ = sectionKey.string ?? ""
            if ParameterSchema.sections.contains(section_) {
                for (leafKey, leaf) in section.mapping ?? [:] {
                    let key = "\(section_).\(leafKey.string ?? "")"
                    check(leaf, key: key, unit: ParameterSchema.entry(forKey: key)?.unit)
                    count += 1
                }
            } else if section_ == "taxes" {
                for (i, tax) in (section.sequence ?? []).enumerated() {
                    let kind = tax.mapping?["kind"]?.mapping?["value"]?.string.flatMap(TaxKind.init(rawValue:)) ?? .adValorem
                    for (fieldKey, leaf) in tax.mapping ?? [:] {
                        let field = fieldKey.string ?? ""
                        check(leaf, key: "taxes[\(i)].\(field)", unit: ParameterSchema.taxField(named: field, kind: kind)?.unit)
                        count += 1
                    }
                }
            } else if section_ == "timeline" {
                for (i, entry) in (section.sequence ?? []).enumerated() {
                    for body in ["set", "ramp"] {
                        for (key, leaf) in entry.mapping?[body]?.mapping ?? [:] {
                            let key = key.string ?? ""
                            check(leaf, key: "timeline[\(i)].\(body).\(key)", unit: ParameterSchema.entry(forKey: key)?.unit)
                            count += 1
                        }
                    }
                }
            }
        }
        #expect(count > 0, "\(name) n'écrit aucune valeur")
    }

    @Test("budget-15: the health share ramps from 5.1 % in 2021 to 15 % in 2025, then stays")
    func budget15() throws {
        let scenario = try Self.load("budget-15")
        let share = { (t: Double) in scenario.timeline.parameters(at: t, base: scenario.parameters).budget.healthShare }
        // What the budget leaves goes to RAMU once it exists (none here): the statu quo otherwise.
        var expected = Parameters()
        expected.budget.ramuAllocationShare = 1
        #expect(scenario.parameters == expected)
        #expect(share(2020.5) == 0.051)
        #expect(share(2021) == 0.051)
        #expect(abs(share(2023) - 0.1005) < 1e-12)
        #expect(abs(share(2025) - 0.15) < 1e-12)
        #expect(abs(share(2035.9) - 0.15) < 1e-12)
    }

    @Test("earmarked-taxes: three taxes from 2023, all to RAMU, about 41 600 MFCFA a year at 2020 bases")
    func earmarkedTaxes() throws {
        let scenario = try Self.load("earmarked-taxes")
        let taxes = scenario.parameters.taxes
        #expect(taxes.map(\.name) == ["Téléphonie mobile", "Exportations minières", "Boissons et tabac"])
        #expect(taxes.map(\.base) == [600_000, 2_500_000, 300_000])
        #expect(taxes.map(\.rate) == [0.02, 0.01, 0.05])
        #expect(taxes.allSatisfy { $0.start == 2023 && $0.collectionEfficiency == 0.8 && $0.shareToRAMU == 1 })
        let revenue = taxes.reduce(0) { $0 + $1.base * $1.rate * $1.collectionEfficiency * $1.shareToRAMU }
        #expect(abs(revenue - 41_600) < 1e-6)  // the figure the description gives
        #expect(scenario.timeline.isEmpty)
        var withoutTaxes = scenario.parameters
        withoutTaxes.taxes = []
        #expect(withoutTaxes == Parameters())
    }

    @Test("gratuites-ramu: integrated and no disincentive from 2023")
    func gratuitesRAMU() throws {
        let scenario = try Self.load("gratuites-ramu")
        let at = { (t: Double) in scenario.timeline.parameters(at: t, base: scenario.parameters).gratuites }
        #expect(at(2022.99).arrangement == .separate)
        #expect(at(2022.99).enrolmentDisincentive == 0.3)
        #expect(at(2023).arrangement == .integrated)
        #expect(at(2023).enrolmentDisincentive == 0)
    }

    @Test("ramu-subsidised: RAMU active from 2024, premiums paid 100 % for indigents and 80 % for the informal sector")
    func ramuSubsidised() throws {
        let scenario = try Self.load("ramu-subsidised")
        let at = { (t: Double) in scenario.timeline.parameters(at: t, base: scenario.parameters).ramu }
        #expect(at(2023.9).active == false)
        #expect(at(2024).active == true)
        #expect(at(2024).indigentSubsidy == 1.0)
        #expect(at(2024).informalSubsidy == 0.8)
    }

    @Test("ramu-full is the four policies together, at every date")
    func ramuFull() throws {
        let full = try Self.load("ramu-full")
        let budget = try Self.load("budget-15")
        let gratuites = try Self.load("gratuites-ramu")
        let ramu = try Self.load("ramu-subsidised")
        let taxes = try Self.load("earmarked-taxes")
        var base = taxes.parameters
        base.budget.ramuAllocationShare = budget.parameters.budget.ramuAllocationShare
        #expect(full.parameters == base)
        #expect(full.timeline.changes.count == budget.timeline.changes.count + gratuites.timeline.changes.count
                    + ramu.timeline.changes.count)
        for t in stride(from: 2020.0, through: 2036.0, by: 0.25) {
            var expected = budget.timeline.parameters(at: t, base: budget.parameters)
            expected.gratuites = gratuites.timeline.parameters(at: t, base: gratuites.parameters).gratuites
            expected.ramu = ramu.timeline.parameters(at: t, base: ramu.parameters).ramu
            expected.taxes = taxes.parameters.taxes
            #expect(full.timeline.parameters(at: t, base: full.parameters) == expected, "t = \(t)")
        }
    }

    @Test("population-wpp2024: 21.7 M in 2020, growth easing from 3.1 % to 2.6 %, near 29.0 M in 2030 and 33.1 M in 2035")
    func populationWPP() throws {
        let scenario = try Self.load("population-wpp2024")
        let growth = { (t: Double) in scenario.timeline.parameters(at: t, base: scenario.parameters).demography.growthRate }
        #expect(scenario.parameters.demography.initialPopulation == 21_710_000)
        #expect(growth(2020) == 0.031)
        #expect(abs(growth(2027.5) - 0.0285) < 1e-12)
        #expect(abs(growth(2035) - 0.026) < 1e-12)
        // Compounded year by year at the mid-year rate, as the description says.
        var population = scenario.parameters.demography.initialPopulation
        var path: [Int: Double] = [:]
        for year in 2020..<2035 {
            population *= 1 + growth(Double(year) + 0.5)
            path[year + 1] = population
        }
        #expect(abs(path[2025]! / 25.2e6 - 1) < 0.005)
        #expect(abs(path[2030]! / 29.0e6 - 1) < 0.005)
        #expect(abs(path[2035]! / 33.1e6 - 1) < 0.005)
    }
}
