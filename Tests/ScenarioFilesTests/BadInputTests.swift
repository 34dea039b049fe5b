import Foundation
import ScenarioFiles
import Testing

/// A file that must be refused, and exactly where and why.
struct BadInput: Sendable, CustomTestStringConvertible {
    var label: String
    var yaml: String
    var line: Int
    var column: Int
    var keyPath: String?
    /// Each must appear in the message: what was expected, in the analyst's words.
    var says: [String]

    var testDescription: String { label }
}

@Suite("bad input: one located ScenarioError each")
struct BadInputTests {
    static let cases: [BadInput] = [
        // Unknown keys, at every level, with the nearest known key.
        BadInput(label: "unknown key in a section", yaml: "mutuelle:\n  join_rat: 0.02\n",
                 line: 2, column: 3, keyPath: "mutuelle.join_rat",
                 says: ["clé inconnue « mutuelle.join_rat » ; vouliez-vous dire « mutuelle.join_rate » ?"]),
        BadInput(label: "unknown section", yaml: "title: x\nmutuel:\n  join_rate: 0.02\n",
                 line: 2, column: 1, keyPath: "mutuel", says: ["vouliez-vous dire « mutuelle » ?"]),
        BadInput(label: "key of another section", yaml: "ramed:\n  join_rate: 0.02\n",
                 line: 2, column: 3, keyPath: "ramed.join_rate", says: ["vouliez-vous dire « mutuelle.join_rate » ?"]),
        BadInput(label: "unknown key inside {value, unit, source}",
                 yaml: "mutuelle:\n  join_rate: {value: 0.02, units: per year}\n",
                 line: 2, column: 28, keyPath: "mutuelle.join_rate.units",
                 says: ["vouliez-vous dire « mutuelle.join_rate.unit » ?"]),
        BadInput(label: "unknown tax field", yaml: "taxes:\n  - name: telecom\n    rat: 0.1\n",
                 line: 3, column: 5, keyPath: "taxes[0].rat", says: ["vouliez-vous dire « taxes[0].rate » ?"]),
        BadInput(label: "misspelt timeline", yaml: "timelin:\n  - at: 2023.0\n",
                 line: 1, column: 1, keyPath: "timelin", says: ["vouliez-vous dire « timeline » ?"]),

        // Wrong types.
        BadInput(label: "quoted number", yaml: "mutuelle:\n  join_rate: \"0.5\"\n",
                 line: 2, column: 14, keyPath: "mutuelle.join_rate",
                 says: ["guillemets", "attendu un nombre entre 0 et 100 (bornes comprises), en « per year »"]),
        BadInput(label: "text for a number", yaml: "budget:\n  health_share: abc\n",
                 line: 2, column: 17, keyPath: "budget.health_share",
                 says: ["trouvé le texte « abc »", "attendu un nombre entre 0 et 1 (bornes comprises), en « fraction »"]),
        BadInput(label: "list for a number", yaml: "budget:\n  health_share: [0.1]\n",
                 line: 2, column: 17, keyPath: "budget.health_share", says: ["trouvé une liste", "attendu un nombre"]),
        BadInput(label: "non-integer for an integer key", yaml: "demography:\n  antenatal_visits: 4.5\n",
                 line: 2, column: 21, keyPath: "demography.antenatal_visits",
                 says: ["non entière", "attendu un entier entre 0 et 20"]),
        BadInput(label: "number for a boolean", yaml: "ramu:\n  active: 1\n",
                 line: 2, column: 11, keyPath: "ramu.active", says: ["trouvé le nombre 1", "un booléen (true ou false)"]),
        BadInput(label: "supply side neither derived nor a number", yaml: "budget:\n  supply_side: dérivé\n",
                 line: 2, column: 16, keyPath: "budget.supply_side",
                 says: ["attendu « derived » (calculé par le modèle) ou un nombre entre 0 et", "en « MFCFA »"]),
        BadInput(label: "negative supply side", yaml: "budget:\n  supply_side: {value: -5, unit: MFCFA}\n",
                 line: 2, column: 24, keyPath: "budget.supply_side", says: ["hors limites", "« derived »"]),
        BadInput(label: "allocation share as a percentage", yaml: "budget:\n  ramu_allocation_share: 50\n",
                 line: 2, column: 26, keyPath: "budget.ramu_allocation_share",
                 says: ["hors limites", "en fraction (0.15, pas 15)"]),
        BadInput(label: "indigents' coverage above 1", yaml: "ramu:\n  indigent_coverage_rate: 1.2\n",
                 line: 2, column: 27, keyPath: "ramu.indigent_coverage_rate", says: ["hors limites"]),
        BadInput(label: "cost scale of zero", yaml: "care:\n  cost_scale: 0\n",
                 line: 2, column: 15, keyPath: "care.cost_scale", says: ["hors limites", "dans ]0 ; 100]"]),
        BadInput(label: "choice not in the list", yaml: "gratuites:\n  arrangement: integrate\n",
                 line: 2, column: 16, keyPath: "gratuites.arrangement",
                 says: ["« integrate » non reconnue", "une des valeurs separate, integrated"]),
        BadInput(label: "section that is not a mapping", yaml: "mutuelle: 3\n",
                 line: 1, column: 11, keyPath: "mutuelle", says: ["trouvé le nombre 3", "attendu un mapping"]),
        BadInput(label: "taxes that is not a list", yaml: "taxes: {name: x}\n",
                 line: 1, column: 8, keyPath: "taxes", says: ["attendu une liste de taxes"]),
        BadInput(label: "extends that is not a path", yaml: "extends: [a.yaml]\n",
                 line: 1, column: 10, keyPath: "extends", says: ["trouvé une liste", "attendu un texte non vide"]),
        BadInput(label: "empty tax name",
                 yaml: "taxes:\n  - {name: \"\", base: 1, rate: 0.1, start: 2023.0, collection_efficiency: 0.9, share_to_ramu: 1}\n",
                 line: 2, column: 12, keyPath: "taxes[0].name", says: ["attendu un texte non vide"]),
        BadInput(label: "tax field missing", yaml: "taxes:\n  - name: telecom\n    base: 600000\n",
                 line: 2, column: 5, keyPath: "taxes[0].rate", says: ["clé obligatoire absente", "entre 0 et 1"]),
        BadInput(label: "leaf mapping without value", yaml: "mutuelle:\n  join_rate: {unit: per year}\n",
                 line: 2, column: 14, keyPath: "mutuelle.join_rate", says: ["« value » absent"]),

        // Units.
        BadInput(label: "percent for a fraction", yaml: "budget:\n  health_share: {value: 15, unit: \"%\"}\n",
                 line: 2, column: 35, keyPath: "budget.health_share",
                 says: ["unité « % » ; attendu « fraction »", "0.15, pas 15"]),
        BadInput(label: "wrong unit for an amount", yaml: "macro:\n  gdp_2020: {value: 1, unit: FCFA}\n",
                 line: 2, column: 30, keyPath: "macro.gdp_2020", says: ["unité « FCFA » ; attendu « MFCFA »"]),

        // Ranges.
        BadInput(label: "negative rate", yaml: "mutuelle:\n  join_rate: -0.1\n",
                 line: 2, column: 14, keyPath: "mutuelle.join_rate", says: ["hors limites", "entre 0 et 100"]),
        BadInput(label: "share written as a percentage", yaml: "budget:\n  health_share: 15\n",
                 line: 2, column: 17, keyPath: "budget.health_share",
                 says: ["valeur 15 hors limites", "entre 0 et 1", "0.15, pas 15"]),
        BadInput(label: "sample_fraction of zero", yaml: "simulation:\n  sample_fraction: 0\n",
                 line: 2, column: 20, keyPath: "simulation.sample_fraction", says: ["dans ]0 ; 1]"]),
        BadInput(label: "sample_fraction above one", yaml: "simulation:\n  sample_fraction: {value: 1.5, unit: fraction}\n",
                 line: 2, column: 28, keyPath: "simulation.sample_fraction", says: ["dans ]0 ; 1]"]),
        BadInput(label: "sigma of zero", yaml: "consumption:\n  sigma: 0\n",
                 line: 2, column: 10, keyPath: "consumption.sigma", says: ["dans ]0 ; 5]"]),
        BadInput(label: "standard deviation of zero", yaml: "care:\n  cost_cscom_sd: 0\n",
                 line: 2, column: 18, keyPath: "care.cost_cscom_sd", says: ["supérieur à 0"]),
        BadInput(label: "mean household size below one", yaml: "households:\n  mean_size: 0.5\n",
                 line: 2, column: 14, keyPath: "households.mean_size", says: ["entre 1 et 50"]),
        BadInput(label: "probability above one", yaml: "demography:\n  caesarean_probability: 1.2\n",
                 line: 2, column: 26, keyPath: "demography.caesarean_probability", says: ["entre 0 et 1"]),
        BadInput(label: "start year out of range", yaml: "simulation:\n  start_year: 1800\n",
                 line: 2, column: 15, keyPath: "simulation.start_year", says: ["un entier entre 1900 et 2200"]),
        BadInput(label: "tax rate out of range", yaml: """
            taxes:
              - {name: a, base: 1, rate: 0.1, start: 2023.0, collection_efficiency: 0.9, share_to_ramu: 1}
              - {name: b, base: 1, rate: 2, start: 2023.0, collection_efficiency: 0.9, share_to_ramu: 1}
            """, line: 3, column: 30, keyPath: "taxes[1].rate", says: ["entre 0 et 1"]),
        BadInput(label: "NaN", yaml: "mutuelle:\n  join_rate: .nan\n",
                 line: 2, column: 14, keyPath: "mutuelle.join_rate", says: ["non finie", "attendu un nombre"]),
        BadInput(label: "infinity", yaml: "macro:\n  gdp_2020: {value: .inf, unit: MFCFA}\n",
                 line: 2, column: 21, keyPath: "macro.gdp_2020", says: ["non finie"]),

        // Rules between keys.
        BadInput(label: "end_year before start_year", yaml: "simulation:\n  start_year: 2030\n  end_year: 2025\n",
                 line: 3, column: 3, keyPath: "simulation.end_year", says: ["attendu end_year après start_year"]),
        BadInput(label: "end_year more than 100 years on", yaml: "simulation:\n  end_year: 2200\n",
                 line: 2, column: 3, keyPath: "simulation.end_year", says: ["au plus 100 ans plus tard"]),
        BadInput(label: "household sectors not summing to one",
                 yaml: "households:\n  share_formal: 0.2\n  share_indigent: 0.05\n  share_informal: 0.78\n",
                 line: 4, column: 3, keyPath: "households.share_informal",
                 says: ["share_formal + share_indigent + share_informal = 1.03", "égale à 1"]),
        BadInput(label: "care levels not summing to one", yaml: "care:\n  share_cscom: 0.7\n",
                 line: 2, column: 3, keyPath: "care.share_cscom", says: ["= 0.9", "égale à 1"]),
        BadInput(label: "demographic groups above one",
                 yaml: "demography:\n  share_under_five: 0.6\n  share_women_15_49: 0.5\n",
                 line: 3, column: 3, keyPath: "demography.share_women_15_49", says: ["= 1.1", "au plus égale à 1"]),

        // Duplicate keys, at the repeat, with where the first one is.
        BadInput(label: "duplicate key in a section",
                 yaml: "mutuelle:\n  join_rate: 0.01\n  dropout_rate: 0.3\n  join_rate: 0.02\n",
                 line: 4, column: 3, keyPath: "mutuelle.join_rate", says: ["deux fois", "déjà ligne 2"]),
        BadInput(label: "duplicate section", yaml: "budget:\n  health_share: 0.1\nbudget:\n  supply_side_share: 0.5\n",
                 line: 3, column: 1, keyPath: "budget", says: ["deux fois", "déjà ligne 1"]),
        BadInput(label: "duplicate inside {value, unit, source}",
                 yaml: "budget:\n  health_share: {value: 0.1, value: 0.2}\n",
                 line: 2, column: 30, keyPath: "budget.health_share.value", says: ["deux fois"]),
        BadInput(label: "key written three times", yaml: "ramu:\n  active: true\n  active: false\n  active: true\n",
                 line: 3, column: 3, keyPath: "ramu.active", says: ["deux fois", "déjà ligne 2"]),
        BadInput(label: "duplicate key, Windows line endings",
                 yaml: "mutuelle:\r\n  join_rate: 0.01\r\n  join_rate: 0.02\r\n",
                 line: 3, column: 3, keyPath: "mutuelle.join_rate", says: ["deux fois", "déjà ligne 2"]),
        BadInput(label: "duplicate field in a tax",
                 yaml: "taxes:\n  - name: a\n    rate: 0.1\n    name: b\n",
                 line: 4, column: 5, keyPath: "taxes[0].name", says: ["deux fois"]),

        // Documents that are not scenario files.
        BadInput(label: "top level is a list", yaml: "- a\n- b\n",
                 line: 1, column: 1, keyPath: nil, says: ["le document est une liste", "attendu un mapping"]),
        BadInput(label: "top level is a scalar", yaml: "bonjour\n",
                 line: 1, column: 1, keyPath: nil, says: ["attendu un mapping"]),
        BadInput(label: "empty file", yaml: "", line: 1, column: 1, keyPath: nil, says: ["fichier vide"]),
        BadInput(label: "only comments", yaml: "# rien\n", line: 1, column: 1, keyPath: nil, says: ["fichier vide"]),
    ]

    @Test("is refused at the right place, saying what was expected", arguments: cases)
    func refused(_ bad: BadInput) throws {
        try expectRefusedAtItsPlace(bad)
    }

    @Test("YAML that does not parse: libyaml's position")
    func syntaxError() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("bad.yaml", "title: x\nmutuelle:\n  join_rate: 0.01\n dropout_rate: 0.3\n")
        let error = try #require(loadFailure(path))
        #expect(error.file == path)
        #expect(error.line == 4)
        #expect(error.column == 2)
        #expect(error.keyPath == nil)
        #expect(error.message.hasPrefix("YAML invalide"))
        #expect(error.message.contains("attendu un document YAML valide"))
    }

    @Test("an unclosed list is located too")
    func unclosedList() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("bad.yaml", "mutuelle:\n  join_rate: [0.1\nramed:\n  exit_rate: 0.1\n")
        let error = try #require(loadFailure(path))
        #expect(error.line == 3)
        #expect(error.column == 6)
        #expect(error.message.hasPrefix("YAML invalide"))
    }

    @Test("a missing file: no line, and the path")
    func missingFile() throws {
        let dir = try ScratchDirectory()
        let path = dir.path("absent.yaml")
        let error = try #require(loadFailure(path))
        #expect(error == ScenarioError(file: path, message: "fichier introuvable (\(path))"))
        #expect(error.description == "\(path): fichier introuvable (\(path))")
    }

    @Test("a directory is not a scenario file")
    func directory() throws {
        let dir = try ScratchDirectory()
        let error = try #require(loadFailure(dir.url.path))
        #expect(error.line == nil)
        #expect(error.message.contains("dossier"))
    }

    @Test("a file over 10 MB is refused before parsing")
    func tooLarge() throws {
        let dir = try ScratchDirectory()
        let path = dir.path("huge.yaml")
        var data = Data("title: x\n".utf8)
        data.append(Data(repeating: UInt8(ascii: " "), count: 10 * 1024 * 1024))
        try data.write(to: URL(fileURLWithPath: path))
        let error = try #require(loadFailure(path))
        #expect(error.file == path)
        #expect(error.line == nil)
        #expect(error.message.contains("attendu au plus 10 Mo"))
    }

    @Test("nesting deeper than 64 levels is refused at the 65th level")
    func tooDeep() throws {
        let dir = try ScratchDirectory()
        // Root mapping = level 1, section = 2, so the k-th "[" opens level k + 2; it sits at column 13 + k.
        let path = try dir.write("deep.yaml", "mutuelle:\n  join_rate: " + String(repeating: "[", count: 70)
                                     + String(repeating: "]", count: 70) + "\n")
        let error = try #require(loadFailure(path))
        #expect(error.line == 2)
        #expect(error.column == 13 + 63)
        #expect(error.message.contains("plus de 64 niveaux"))
    }

    @Test("nesting beyond libyaml's own limit gets the same message")
    func farTooDeep() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("deep.yaml", "a: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000))
        let error = try #require(loadFailure(path))
        #expect(error.line == 1)
        #expect(error.message.contains("plus de 64 niveaux"))
    }

    @Test("aliases that blow up into a huge tree are refused")
    func billionLaughs() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...6 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        let dir = try ScratchDirectory()
        let path = try dir.write("laughs.yaml", yaml)
        let error = try #require(loadFailure(path))
        #expect(error.message.contains("nœuds YAML"))
    }

    @Test("bytes that are not UTF-8 are located")
    func notUTF8() throws {
        let dir = try ScratchDirectory()
        let path = dir.path("latin1.yaml")
        try Data("title: ok\ndescription: r".utf8 + [0xE9] + Data("gime\n".utf8)).write(to: URL(fileURLWithPath: path))
        let error = try #require(loadFailure(path))
        #expect(error.line == 2)
        #expect(error.column == 15)
        #expect(error.message.contains("UTF-8"))
    }

    @Test("a unit is compared without case or surrounding spaces")
    func unitIsLenient() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("ok.yaml", "mutuelle:\n  join_rate: {value: 0.02, unit: \"  Per Year \"}\n")
        #expect(try ScenarioLoader.load(path: path).parameters.mutuelle.joinRate == 0.02)
    }

    @Test("integral values are accepted for integer keys, ints for reals")
    func numbers() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("ok.yaml", """
            simulation: {start_year: 2021.0, end_year: 2031}
            demography: {initial_population: 20_537_000, growth_rate: 0, antenatal_visits: 3}
            care: {cost_cscom_mean: 6.5e3}
            ramu: {active: true}
            mutuelle:
            """)
        let p = try ScenarioLoader.load(path: path).parameters
        #expect(p.simulation.startYear == 2021)
        #expect(p.simulation.endYear == 2031)
        #expect(p.demography.initialPopulation == 20_537_000)
        #expect(p.demography.growthRate == 0)
        #expect(p.demography.antenatalVisits == 3)
        #expect(p.care.costCSCom.mean == 6500)
        #expect(p.ramu.active)
    }

    @Test("an error prints as FILE:LINE:COL: clé « KEY » : MESSAGE, leaving out what is unknown")
    func errorDescription() {
        let full = ScenarioError(file: "s.yaml", line: 3, column: 5, keyPath: "mutuelle.join_rate", message: "m")
        #expect(full.description == "s.yaml:3:5: clé « mutuelle.join_rate » : m")
        #expect(ScenarioError(file: "s.yaml", line: 3, message: "m").description == "s.yaml:3: m")
        #expect(ScenarioError(file: "s.yaml", message: "m").description == "s.yaml: m")
    }
}
