import ArgumentParser
import OutputWriters
import ScenarioFiles

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Vérifie un fichier de scénario sans rien simuler.")

    @Argument(help: "Fichier de scénario YAML.")
    var file: String

    func run() throws {
        let scenario = try loadScenario(file)
        print("\(file) : scénario « \(scenario.name) » valide (\(scenario.provenance.count) paramètres).")
    }
}

struct ParamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "params",
        abstract: "Affiche les paramètres résolus (après extends) avec leur valeur, unité et source.")

    @Argument(help: "Fichier de scénario YAML.")
    var file: String

    @Flag(name: .long, help: "Sortie CSV (parameter,value,unit,source) au lieu d'un tableau.")
    var csv = false

    func run() throws {
        let scenario = try loadScenario(file)
        let rows = scenario.provenance.map { (parameter: $0.key, value: $0.value, unit: $0.unit, source: $0.source) }
        if csv {
            print(IndicatorTables.parameters(rows).render(), terminator: "")
        } else {
            print(TerminalTable.render(
                title: "Paramètres de « \(scenario.name) »",
                columns: ["Paramètre", "Valeur", "Unité", "Source"],
                rows: rows.map { [$0.parameter, $0.value, $0.unit, $0.source] }))
        }
    }
}
