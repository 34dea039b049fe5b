import Foundation
import ScenarioFiles
import Testing

@Suite("bad timeline: one located ScenarioError each")
struct TimelineBadInputTests {
    /// A step entry "at 2023.0" whose `set:` holds `line` (written at column 7 of line 4).
    private static func step(_ line: String) -> String {
        "timeline:\n  - at: 2023.0\n    set:\n      \(line)\n"
    }

    /// A ramp entry from 2021.0 to 2025.0 whose `ramp:` holds `line` (column 7 of line 5).
    private static func ramp(_ line: String) -> String {
        "timeline:\n  - from: 2021.0\n    to: 2025.0\n    ramp:\n      \(line)\n"
    }

    static let cases: [BadInput] = [
        // Keys of set: and ramp:.
        BadInput(label: "unknown key, with the nearest key of its section", yaml: step("ramu.activ: true"),
                 line: 4, column: 7, keyPath: "timeline[0].set.ramu.activ",
                 says: ["clé inconnue « ramu.activ » ; vouliez-vous dire « ramu.active » ?"]),
        BadInput(label: "unknown section, with the nearest full key", yaml: ramp("budjet.health_share: 0.15"),
                 line: 5, column: 7, keyPath: "timeline[0].ramp.budjet.health_share",
                 says: ["clé inconnue « budjet.health_share » ; vouliez-vous dire « budget.health_share » ?"]),
        BadInput(label: "key of another section", yaml: step("ramed.join_rate: 0.02"),
                 line: 4, column: 7, keyPath: "timeline[0].set.ramed.join_rate",
                 says: ["vouliez-vous dire « mutuelle.join_rate » ?"]),
        BadInput(label: "a section instead of a full key", yaml: step("ramu: {active: true}"),
                 line: 4, column: 7, keyPath: "timeline[0].set.ramu",
                 says: ["« ramu » est une section ; attendu une clé complète, par exemple « ramu.active »"]),
        BadInput(label: "the start year's supply side cannot change", yaml: step("budget.supply_side: 50000"),
                 line: 4, column: 7, keyPath: "timeline[0].set.budget.supply_side",
                 says: ["montant de l'année de début", "budget.supply_side_real_growth"]),
        BadInput(label: "simulation.start_year cannot change", yaml: step("simulation.start_year: 2022"),
                 line: 4, column: 7, keyPath: "timeline[0].set.simulation.start_year",
                 says: ["« simulation.start_year » ne peut pas changer en cours de simulation",
                        "attendu cette valeur dans la section simulation"]),
        BadInput(label: "simulation.sample_fraction cannot change", yaml: step("simulation.sample_fraction: 0.1"),
                 line: 4, column: 7, keyPath: "timeline[0].set.simulation.sample_fraction",
                 says: ["ne peut pas changer en cours de simulation", "l'échantillon de ménages"]),
        BadInput(label: "simulation.end_year cannot be ramped either", yaml: ramp("simulation.end_year: 2040"),
                 line: 5, column: 7, keyPath: "timeline[0].ramp.simulation.end_year",
                 says: ["ne peut pas changer en cours de simulation"]),
        BadInput(label: "taxes cannot change by the timeline", yaml: step("taxes: []"),
                 line: 4, column: 7, keyPath: "timeline[0].set.taxes",
                 says: ["les taxes ne changent pas par le calendrier", "attendu la taxe dans la liste taxes, avec son start"]),
        BadInput(label: "nor a tax's field", yaml: step("taxes[0].rate: 0.1"),
                 line: 4, column: 7, keyPath: "timeline[0].set.taxes[0].rate", says: ["les taxes ne changent pas"]),

        // Values, judged as in their section.
        BadInput(label: "wrong type", yaml: step("ramu.active: 1"),
                 line: 4, column: 20, keyPath: "timeline[0].set.ramu.active",
                 says: ["trouvé le nombre 1 ; attendu un booléen (true ou false)"]),
        BadInput(label: "choice not in the list", yaml: step("gratuites.arrangement: integrate"),
                 line: 4, column: 30, keyPath: "timeline[0].set.gratuites.arrangement",
                 says: ["« integrate » non reconnue", "une des valeurs separate, integrated"]),
        BadInput(label: "ramp target out of range", yaml: ramp("budget.health_share: 15"),
                 line: 5, column: 28, keyPath: "timeline[0].ramp.budget.health_share",
                 says: ["valeur 15 hors limites", "entre 0 et 1", "0.15, pas 15"]),
        BadInput(label: "step value out of range", yaml: step("mutuelle.join_rate: -0.1"),
                 line: 4, column: 27, keyPath: "timeline[0].set.mutuelle.join_rate",
                 says: ["hors limites", "entre 0 et 100"]),
        BadInput(label: "wrong unit", yaml: step("ramu.informal_subsidy: {value: 0.8, unit: percent}"),
                 line: 4, column: 49, keyPath: "timeline[0].set.ramu.informal_subsidy",
                 says: ["unité « percent » ; attendu « fraction »"]),
        BadInput(label: "quoted number", yaml: ramp("budget.health_share: \"0.15\""),
                 line: 5, column: 28, keyPath: "timeline[0].ramp.budget.health_share", says: ["guillemets"]),
        BadInput(label: "ramp on a boolean", yaml: ramp("ramu.active: true"),
                 line: 5, column: 7, keyPath: "timeline[0].ramp.ramu.active",
                 says: ["« ramu.active » est un booléen : une rampe ne s'applique qu'à un nombre ; utilisez at/set"]),
        BadInput(label: "ramp on a choice", yaml: ramp("gratuites.arrangement: integrated"),
                 line: 5, column: 7, keyPath: "timeline[0].ramp.gratuites.arrangement",
                 says: ["est un choix : une rampe ne s'applique qu'à un nombre ; utilisez at/set"]),
        BadInput(label: "ramp on an integer", yaml: ramp("demography.antenatal_visits: 8"),
                 line: 5, column: 7, keyPath: "timeline[0].ramp.demography.antenatal_visits",
                 says: ["est un entier : une rampe ne s'applique qu'à un nombre ; utilisez at/set"]),
        BadInput(label: "empty set", yaml: "timeline:\n  - at: 2023.0\n    set: {}\n",
                 line: 3, column: 10, keyPath: "timeline[0].set",
                 says: ["trouvé un mapping vide ; attendu au moins un paramètre"]),
        BadInput(label: "ramp with nothing", yaml: "timeline:\n  - from: 2021.0\n    to: 2022.0\n    ramp:\n",
                 line: 4, column: 5, keyPath: "timeline[0].ramp", says: ["trouvé une valeur vide", "budget.health_share: 0.15"]),

        // Dates.
        BadInput(label: "step after the simulated period", yaml: "timeline:\n  - at: 2040.0\n    set: {ramu.active: true}\n",
                 line: 2, column: 9, keyPath: "timeline[0].at",
                 says: ["date 2040 hors de la période simulée ; attendu une date entre 2020 et 2036"]),
        BadInput(label: "ramp starting before the period",
                 yaml: "timeline:\n  - from: 2019.5\n    to: 2025.0\n    ramp: {budget.health_share: 0.15}\n",
                 line: 2, column: 11, keyPath: "timeline[0].from", says: ["date 2019.5 hors de la période simulée"]),
        BadInput(label: "ramp ending after the period",
                 yaml: "timeline:\n  - from: 2021.0\n    to: 2036.5\n    ramp: {budget.health_share: 0.15}\n",
                 line: 3, column: 9, keyPath: "timeline[0].to", says: ["date 2036.5 hors de la période simulée"]),
        BadInput(label: "the period is the resolved one",
                 yaml: "simulation:\n  start_year: 2024\ntimeline:\n  - at: 2023.0\n    set: {ramu.active: true}\n",
                 line: 4, column: 9, keyPath: "timeline[0].at", says: ["attendu une date entre 2024 et 2036"]),
        BadInput(label: "to before from",
                 yaml: "timeline:\n  - from: 2025.0\n    to: 2021.0\n    ramp: {budget.health_share: 0.15}\n",
                 line: 3, column: 9, keyPath: "timeline[0].to",
                 says: ["to = 2021 avec from = 2025 ; attendu une fin strictement après le début"]),
        BadInput(label: "to equal to from",
                 yaml: "timeline:\n  - to: 2023.5\n    from: 2023.5\n    ramp: {budget.health_share: 0.15}\n",
                 line: 2, column: 9, keyPath: "timeline[0].to", says: ["to = 2023.5 avec from = 2023.5", "utilisez at et set"]),
        BadInput(label: "date written as text", yaml: "timeline:\n  - at: \"2023.0\"\n    set: {ramu.active: true}\n",
                 line: 2, column: 9, keyPath: "timeline[0].at",
                 says: ["trouvé le texte entre guillemets « 2023.0 » (écrire le nombre sans guillemets)",
                        "attendu une date en année décimale, écrite comme un nombre"]),
        BadInput(label: "date that is a word", yaml: "timeline:\n  - at: janvier\n    set: {ramu.active: true}\n",
                 line: 2, column: 9, keyPath: "timeline[0].at", says: ["trouvé le texte « janvier »"]),

        // Shape of the entries.
        BadInput(label: "at with ramp", yaml: "timeline:\n  - at: 2023.0\n    ramp:\n      budget.health_share: 0.15\n",
                 line: 3, column: 5, keyPath: "timeline[0].ramp",
                 says: ["« ramp » avec « at » ; attendu soit at et set (un changement à une date), soit from, to et ramp (une rampe)"]),
        BadInput(label: "from with set",
                 yaml: "timeline:\n  - at: 2023.0\n    set: {ramu.active: true}\n  - from: 2021.0\n    set: {ramu.active: true}\n",
                 line: 5, column: 5, keyPath: "timeline[1].set", says: ["« set » avec « from »"]),
        BadInput(label: "unknown entry key", yaml: "timeline:\n  - at: 2023.0\n    sett:\n      ramu.active: true\n",
                 line: 3, column: 5, keyPath: "timeline[0].sett",
                 says: ["clé inconnue « timeline[0].sett » ; vouliez-vous dire « timeline[0].set » ?"]),
        BadInput(label: "missing set", yaml: "timeline:\n  - at: 2023.0\n",
                 line: 2, column: 5, keyPath: "timeline[0].set", says: ["clé obligatoire absente"]),
        BadInput(label: "missing to", yaml: "timeline:\n  - from: 2021.0\n    ramp: {budget.health_share: 0.15}\n",
                 line: 2, column: 5, keyPath: "timeline[0].to", says: ["clé obligatoire absente"]),
        BadInput(label: "entry that is not a mapping", yaml: "timeline:\n  - 2023.0\n",
                 line: 2, column: 5, keyPath: "timeline[0]", says: ["trouvé le nombre 2023.0", "attendu soit at et set"]),
        BadInput(label: "timeline that is not a list", yaml: "timeline: {at: 2023.0}\n",
                 line: 1, column: 11, keyPath: "timeline", says: ["trouvé un mapping ; attendu une liste de changements datés"]),
        BadInput(label: "the index counts entries", yaml: """
            timeline:
              - at: 2023.0
                set: {ramu.active: true}
              - at: 2024.0
                set:
                  ramu.coverage_rate: 0.9
                  ramu.admin_rat: 0.05
            """, line: 7, column: 7, keyPath: "timeline[1].set.ramu.admin_rat", says: ["« ramu.admin_rate »"]),

        // Rules between keys, at the dates the timeline moves them.
        BadInput(label: "a step that breaks a share sum", yaml: """
            timeline:
              - at: 2022.0
                set:
                  ramu.active: true
              - at: 2024.0
                set:
                  care.share_cscom: 0.7
            """, line: 7, column: 7, keyPath: "timeline[1].set.care.share_cscom",
                 says: ["en 2024, avec le calendrier : share_cscom + share_csref + share_hospital = 0.9 ; "
                        + "attendu une somme égale à 1"]),
        BadInput(label: "a ramp whose end breaks a share sum", yaml: """
            timeline:
              - from: 2021.0
                to: 2025.0
                ramp:
                  households.share_formal: 0.27
              - at: 2030.0
                set:
                  ramu.active: true
            """, line: 5, column: 7, keyPath: "timeline[0].ramp.households.share_formal",
                 says: ["en 2025, avec le calendrier", "share_formal + share_indigent + share_informal = 1.1"]),
        BadInput(label: "blamed on the latest change of the group by date, not by writing order", yaml: """
            timeline:
              - at: 2025.0
                set:
                  demography.share_women_15_49: 0.5
              - at: 2023.0
                set:
                  demography.share_under_five: 0.6
            """, line: 4, column: 7, keyPath: "timeline[0].set.demography.share_women_15_49",
                 says: ["en 2025, avec le calendrier : share_under_five + share_women_15_49 = 1.1", "au plus égale à 1"]),
        BadInput(label: "not blamed on a later change", yaml: """
            timeline:
              - at: 2023.0
                set:
                  demography.share_under_five: 0.8
              - at: 2025.0
                set:
                  demography.share_women_15_49: 0.1
            """, line: 4, column: 7, keyPath: "timeline[0].set.demography.share_under_five",
                 says: ["en 2023, avec le calendrier : share_under_five + share_women_15_49 = 1.02"]),
    ]

    @Test("is refused at the right place, saying what was expected", arguments: cases)
    func refused(_ bad: BadInput) throws {
        try expectRefusedAtItsPlace(bad)
    }

    @Test("an error in a parent's timeline names the parent's file")
    func errorInParent() throws {
        let dir = try ScratchDirectory()
        try dir.write("parent.yaml", "title: p\ntimeline:\n  - at: 2023.0\n    set:\n      ramu.activ: true\n")
        let child = try dir.write("child.yaml", "extends: parent.yaml\ntimeline:\n  - at: 2024.0\n    set: {ramu.active: true}\n")
        let error = try #require(loadFailure(child))
        #expect(error.file == dir.path("parent.yaml"))
        #expect(error.line == 5)
        #expect(error.column == 7)
        #expect(error.keyPath == "timeline[0].set.ramu.activ")
    }

    @Test("a child's period can put a parent's date out of range: the parent's date is named")
    func periodFromChild() throws {
        let dir = try ScratchDirectory()
        try dir.write("parent.yaml", "timeline:\n  - at: 2030.0\n    set: {ramu.active: true}\n")
        let child = try dir.write("child.yaml", "extends: parent.yaml\nsimulation:\n  end_year: 2028\n")
        let error = try #require(loadFailure(child))
        #expect(error.file == dir.path("parent.yaml"))
        #expect(error.line == 2)
        #expect(error.column == 9)
        #expect(error.keyPath == "timeline[0].at")
        #expect(error.message.contains("entre 2020 et 2028"))
    }

    @Test("a share sum broken by a child's step against a parent's, blamed on the child")
    func shareBrokenByChild() throws {
        let dir = try ScratchDirectory()
        try dir.write("parent.yaml", "timeline:\n  - at: 2023.0\n    set: {care.share_cscom: 0.7, care.share_csref: 0.24}\n")
        let child = try dir.write("child.yaml", "extends: parent.yaml\ntimeline:\n  - at: 2023.0\n    set: {care.share_csref: 0.14}\n")
        let error = try #require(loadFailure(child))
        #expect(error.file == child)
        #expect(error.line == 4)
        #expect(error.column == 11)
        #expect(error.keyPath == "timeline[0].set.care.share_csref")
        #expect(error.message.contains("en 2023, avec le calendrier : share_cscom + share_csref + share_hospital = 0.9"))
    }
}
