import Foundation
import RamuModel
import ScenarioFiles
import Testing
import Yams

@Suite("scenarios/baseline.yaml")
struct BaselineTests {
    @Test("loads, and resolves to MODEL.md's defaults exactly")
    func resolvesToDefaults() throws {
        let scenario = try ScenarioLoader.load(path: baselinePath())
        #expect(scenario.name == "baseline")
        #expect(scenario.title == "Statu quo (référence)")
        #expect(scenario.description?.contains("8,37 %") == true)
        #expect(scenario.parameters == Parameters())
        #expect(scenario.parameters.taxes.isEmpty)
        #expect(scenario.files.map(\.lastPathComponent) == ["baseline.yaml"])
    }

    @Test("every provenance row is sourced by the file, in schema order")
    func everyValueHasASource() throws {
        let scenario = try ScenarioLoader.load(path: baselinePath())
        #expect(scenario.provenance.map(\.key) == ParameterSchema.entries.map(\.key))
        for row in scenario.provenance {
            #expect(!row.source.trimmingCharacters(in: .whitespaces).isEmpty, "\(row.key)")
            #expect(!row.source.hasPrefix("non documenté"), "\(row.key) : \(row.source)")
            #expect(row.source != ResolvedParameter.defaultSource, "\(row.key) n'est pas écrit dans baseline.yaml")
            #expect(row.file == "baseline.yaml", "\(row.key)")
            #expect(row.line != nil, "\(row.key)")
        }
    }

    @Test("sources are document titles, assumptions or derivations")
    func sourcesFollowTheConvention() throws {
        let scenario = try ScenarioLoader.load(path: baselinePath())
        let titles = [
            "TdR de l'atelier d'intégration des gratuités dans le RAMU, DNPSES, décembre 2021",
            "Plan d'action pour le Mali (MAP), ministère de la Santé et des Affaires sociales",
            "Plan d'actions 2018-2022 de la Stratégie nationale de financement de la CSU",
            "Décret n°10-578 du 25 octobre 2010 (AMO)",
            "Termes de référence, étude de cas HBP Mali (Joint Learning Network), 2017",
        ]
        // Three figures come from documents outside shared/sources (press, SDG metadata): named as such.
        let others = ["Mutuelle de cercle de Ségou, 2021", "Répartition du coût du RAMED", "ODD 3.8.2 révisé en 2025"]
        for row in scenario.provenance {
            let ok = row.source.hasPrefix("assumption : ") || row.source.hasPrefix("derived: ")
                || (titles + others).contains { row.source.hasPrefix($0) }
            #expect(ok, "\(row.key) : « \(row.source) »")
        }
        let source = { (key: String) in scenario.provenance.first { $0.key == key }?.source ?? "" }
        #expect(source("demography.growth_rate").hasPrefix(titles[1]))
        #expect(source("amo.employee_rate").hasPrefix(titles[3]))
        #expect(source("mutuelle.reference_premium").hasPrefix("derived: 6 900 × 0,5"))
    }

    @Test("values print canonically")
    func canonicalValues() throws {
        let scenario = try ScenarioLoader.load(path: baselinePath())
        let value = Dictionary(uniqueKeysWithValues: scenario.provenance.map { ($0.key, $0.value) })
        #expect(value["budget.health_share"] == "0.051")
        #expect(value["demography.initial_population"] == "20537000")
        #expect(value["simulation.start_year"] == "2020")
        #expect(value["ramu.active"] == "false")
        #expect(value["gratuites.arrangement"] == "separate")
        #expect(value["amo.employee_rate"] == "0.0306")
        #expect(value["households.mean_size"] == "6")
        let unit = Dictionary(uniqueKeysWithValues: scenario.provenance.map { ($0.key, $0.unit) })
        #expect(unit["mutuelle.join_rate"] == "per year")
        #expect(unit["demography.growth_rate"] == "fraction/year")
    }

    /// Walks the YAML itself, not the loader: the file must write every key, each with value, unit and source.
    @Test("writes every schema key as {value, unit, source}")
    func writesEveryKeyInFull() throws {
        let text = try String(contentsOfFile: baselinePath(), encoding: .utf8)
        let root = try #require(try Yams.compose(yaml: text))
        let top = try #require(root.mapping)
        var written: [String] = []
        for (sectionKey, section) in top {
            let sectionName = try #require(sectionKey.string)
            guard ParameterSchema.sections.contains(sectionName) else { continue }
            for (leafKey, leaf) in try #require(section.mapping, "\(sectionName)") {
                let key = "\(sectionName).\(try #require(leafKey.string))"
                written.append(key)
                let fields = try #require(leaf.mapping, "\(key) n'est pas écrit {value, unit, source}")
                #expect(Set(fields.keys.compactMap(\.string)) == ["value", "unit", "source"], "\(key)")
                #expect(fields["unit"]?.string == ParameterSchema.entry(forKey: key)?.unit, "\(key)")
                let source = fields["source"]?.string ?? ""
                #expect(source.count > 10, "\(key)")
            }
        }
        #expect(written.count == Set(written).count)
        #expect(Set(written) == Set(ParameterSchema.entries.map(\.key)))
        #expect(top["taxes"]?.sequence?.count == 0)
        #expect(top["title"]?.string == "Statu quo (référence)")
    }
}
