import Foundation
import RamuModel
import ScenarioFiles
import Testing

@Suite("extends: a file overrides its parent key by key")
struct ExtendsTests {
    @Test("a child of the baseline gets its two values and the baseline's for the rest")
    func childOverridesTwoKeys() throws {
        let dir = try ScratchDirectory()
        let child = try dir.write("budget-10.yaml", """
            title: "Budget santé à 10 %"
            extends: \(baselinePath())
            budget:
              health_share: {value: 0.10, unit: fraction, source: "assumption : test"}
            mutuelle:
              join_rate: 0.02
            """)
        let scenario = try ScenarioLoader.load(path: child)
        var expected = Parameters()
        expected.budget.healthShare = 0.10
        expected.mutuelle.joinRate = 0.02
        #expect(scenario.parameters == expected)
        #expect(scenario.name == "budget-10")
        #expect(scenario.title == "Budget santé à 10 %")
        #expect(scenario.description == nil)  // the baseline's description is not inherited
        #expect(scenario.files.map(\.lastPathComponent) == ["budget-10.yaml", "baseline.yaml"])

        let row = { (key: String) in scenario.provenance.first { $0.key == key } }
        #expect(row("budget.health_share") == ResolvedParameter(
            key: "budget.health_share", value: "0.1", unit: "fraction", source: "assumption : test",
            file: "budget-10.yaml", line: 4))
        #expect(row("mutuelle.join_rate")?.source == "non documenté (budget-10.yaml:6)")
        #expect(row("mutuelle.join_rate")?.file == "budget-10.yaml")
        #expect(row("mutuelle.join_rate")?.line == 6)
        #expect(row("mutuelle.dropout_rate")?.file == "baseline.yaml")
        #expect(row("mutuelle.dropout_rate")?.source.hasPrefix("assumption") == true)
    }

    @Test("a relative extends is read from the directory of the file that names it")
    func relativePath() throws {
        let dir = try ScratchDirectory()
        try dir.write("base.yaml", "mutuelle:\n  join_rate: 0.05\n  dropout_rate: 0.2\n")
        let child = try dir.write("variants/child.yaml", "extends: ../base.yaml\nmutuelle:\n  join_rate: 0.07\n")
        let scenario = try ScenarioLoader.load(path: child)
        #expect(scenario.parameters.mutuelle.joinRate == 0.07)
        #expect(scenario.parameters.mutuelle.dropoutRate == 0.2)
        #expect(scenario.files.map(\.path) == [child, dir.path("base.yaml")].map {
            URL(fileURLWithPath: $0).standardizedFileURL.path
        })
    }

    @Test("a chain of three files: the nearest file that writes a key wins")
    func chainOfThree() throws {
        let dir = try ScratchDirectory()
        try dir.write("a.yaml", "mutuelle:\n  join_rate: 0.02\n  dropout_rate: 0.2\nramed:\n  exit_rate: 0.01\n")
        try dir.write("b.yaml", "extends: a.yaml\nmutuelle:\n  join_rate: 0.03\n")
        let c = try dir.write("c.yaml", "extends: \(dir.path("b.yaml"))\nmutuelle:\n  premium: 8000\n")
        let scenario = try ScenarioLoader.load(path: c)
        #expect(scenario.parameters.mutuelle.joinRate == 0.03)
        #expect(scenario.parameters.mutuelle.dropoutRate == 0.2)
        #expect(scenario.parameters.mutuelle.premium == 8000)
        #expect(scenario.parameters.ramed.exitRate == 0.01)
        #expect(scenario.parameters.ramed.identificationRate == Parameters().ramed.identificationRate)
        #expect(scenario.files.map(\.lastPathComponent) == ["c.yaml", "b.yaml", "a.yaml"])
        let file = { (key: String) in scenario.provenance.first { $0.key == key }?.file }
        #expect(file("mutuelle.join_rate") == "b.yaml")
        #expect(file("mutuelle.dropout_rate") == "a.yaml")
        #expect(file("mutuelle.premium") == "c.yaml")
        #expect(file("amo.admin_rate") == nil)
        #expect(scenario.provenance.first { $0.key == "amo.admin_rate" }?.source == ResolvedParameter.defaultSource)
    }

    @Test("taxes: a child's list replaces the parent's whole list; no list inherits it")
    func taxesReplaceTheList() throws {
        let dir = try ScratchDirectory()
        try dir.write("parent.yaml", """
            taxes:
              - {name: telecom, base: 600000, rate: 0.05, start: 2023.0, collection_efficiency: 0.8, share_to_ramu: 1}
              - name: mines
                base: {value: 2500000, unit: MFCFA, source: "assumption : illustratif"}
                rate: 0.01
                start: 2024
                collection_efficiency: 0.9
                share_to_ramu: 0.5
            """)
        let inherits = try dir.write("inherits.yaml", "extends: parent.yaml\n")
        let replaces = try dir.write("replaces.yaml", """
            extends: parent.yaml
            taxes:
              - {name: boissons, base: 300000, rate: 0.1, start: 2025.5, collection_efficiency: 0.7, share_to_ramu: 0.25}
            """)
        let none = try dir.write("none.yaml", "extends: parent.yaml\ntaxes: []\n")

        let inherited = try ScenarioLoader.load(path: inherits)
        #expect(inherited.parameters.taxes == [
            EarmarkedTax(name: "telecom", base: 600_000, rate: 0.05, start: 2023, collectionEfficiency: 0.8, shareToRAMU: 1),
            EarmarkedTax(name: "mines", base: 2_500_000, rate: 0.01, start: 2024, collectionEfficiency: 0.9, shareToRAMU: 0.5),
        ])
        let rows = inherited.provenance.filter { $0.key.hasPrefix("taxes[") }
        let fields = ["name", "base", "rate", "start", "collection_efficiency", "share_to_ramu"]
        #expect(rows.map(\.key) == (0..<2).flatMap { i in fields.map { "taxes[\(i)].\($0)" } })
        #expect(rows.first { $0.key == "taxes[0].name" }?.value == "telecom")
        #expect(rows.first { $0.key == "taxes[0].start" }?.unit == "year")
        let base1 = try #require(rows.first { $0.key == "taxes[1].base" })
        #expect(base1 == ResolvedParameter(key: "taxes[1].base", value: "2500000", unit: "MFCFA",
                                           source: "assumption : illustratif", file: "parent.yaml", line: 4))
        #expect(rows.first { $0.key == "taxes[0].rate" }?.source == "non documenté (parent.yaml:2)")

        let replaced = try ScenarioLoader.load(path: replaces)
        #expect(replaced.parameters.taxes.map(\.name) == ["boissons"])
        #expect(replaced.parameters.taxes.first?.start == 2025.5)
        #expect(try ScenarioLoader.load(path: none).parameters.taxes.isEmpty)
    }

    @Test("a missing parent is reported at the extends line with the resolved path")
    func missingParent() throws {
        let dir = try ScratchDirectory()
        let child = try dir.write("child.yaml", "title: x\nextends: nowhere/base.yaml\n")
        let error = try #require(loadFailure(child))
        #expect(error.file == child)
        #expect(error.line == 2)
        #expect(error.column == 10)
        #expect(error.keyPath == "extends")
        #expect(error.message.contains("fichier parent introuvable"))
        #expect(error.message.contains(URL(fileURLWithPath: dir.path("nowhere/base.yaml")).standardizedFileURL.path))
    }

    @Test("a cycle is reported at the extends line of the file that closes it, with the chain")
    func cycle() throws {
        let dir = try ScratchDirectory()
        let a = try dir.write("a.yaml", "extends: b.yaml\n")
        try dir.write("b.yaml", "title: b\n\nextends: a.yaml\n")
        let error = try #require(loadFailure(a))
        #expect(error.file == dir.path("b.yaml"))
        #expect(error.line == 3)
        #expect(error.column == 10)
        #expect(error.keyPath == "extends")
        #expect(error.message.contains("a.yaml → b.yaml → a.yaml"))
    }

    @Test("a file that extends itself is a cycle")
    func selfCycle() throws {
        let dir = try ScratchDirectory()
        let a = try dir.write("a.yaml", "mutuelle:\n  join_rate: 0.02\nextends: ./a.yaml\n")
        let error = try #require(loadFailure(a))
        #expect(error.file == a)
        #expect(error.line == 3)
        #expect(error.keyPath == "extends")
        #expect(error.message.contains("a.yaml → a.yaml"))
    }

    @Test("an error in a parent names the parent's file")
    func errorInParent() throws {
        let dir = try ScratchDirectory()
        try dir.write("parent.yaml", "ramed:\n  exit_rate: 0.05\n  state_shar: 0.9\n")
        let child = try dir.write("child.yaml", "extends: parent.yaml\n")
        let error = try #require(loadFailure(child))
        #expect(error.file == dir.path("parent.yaml"))
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.keyPath == "ramed.state_shar")
        #expect(error.message.contains("« ramed.state_share »"))
    }

    @Test("a share group broken by a child is reported in the child, at the key it changed")
    func groupBrokenByChild() throws {
        let dir = try ScratchDirectory()
        try dir.write("parent.yaml", """
            households:
              share_formal: 0.17
              share_indigent: 0.05
              share_informal: 0.78
            """)
        let child = try dir.write("child.yaml", "extends: parent.yaml\n\nhouseholds:\n  share_formal: 0.2\n")
        let error = try #require(loadFailure(child))
        #expect(error.file == child)
        #expect(error.line == 4)
        #expect(error.column == 3)
        #expect(error.keyPath == "households.share_formal")
        #expect(error.message.contains("= 1.03"))
        #expect(error.message.contains("égale à 1"))
    }
}
