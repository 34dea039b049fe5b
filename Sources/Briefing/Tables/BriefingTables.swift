import Foundation
import OutputWriters
import RamuModel

/// The tables of the briefing pack, built from the outputs read back (`BriefingInput`): the sheets of
/// briefing.xlsx in order, which are also the files of tableaux/. Every number is a value of
/// indicators.csv, comparison.csv, indicators_by_quintile.csv or parameters.csv, unchanged.
public enum BriefingTables {
    /// Sheet names, in workbook order; « Taxes affectées » only when a scenario has an earmarked tax.
    public static let sheetNames = ["Synthèse", "Couverture", "Dépenses", "Protection financière", "Financement",
                                    taxSheet, "Équité", "Paramètres", "Méthode"]

    /// The headline indicators of the Synthèse sheet and of the HTML table.
    public static let headline: [Indicator] = [
        .coverageTotal, .forgoneCare, .oopShare, .catastrophic10, .catastrophicDiscretionary40, .impoverished,
        .cheTotal, .financingGap, .fiscalSpace, .poolReserve,
    ]
    /// The years of the headline tables, when the run covers them.
    public static let headlineYears = [2025, 2030, 2035]

    /// The indicators of one group's sheet, in declaration order (`Indicator.allCases`).
    static func indicators(in group: BriefingGroup) -> [Indicator] {
        Indicator.allCases.filter { $0.declaration.group == group }
    }

    /// The groups that have a sheet of indicators by year (equity, by quintile, has its own).
    static let indicatorGroups: [BriefingGroup] = [.coverage, .spending, .protection, .financing]

    /// Every table, in sheet order.
    public static func all(_ input: BriefingInput) -> [BriefingTable] {
        // An indicator a later version adds, which this one does not declare, still reaches the workbook.
        let grouped = Set(indicatorGroups.flatMap { indicators(in: $0) }.map(\.id))
        let others = input.indicatorIDs.filter { !grouped.contains($0) }
        return [
            synthesis(input),
            indicatorSheet(input, sheet: "Couverture", file: "couverture.csv",
                           title: "Couverture par l'assurance maladie et recours aux soins",
                           ids: indicators(in: .coverage).map(\.id), charts: [Indicator.coverageTotal.id]),
            indicatorSheet(input, sheet: "Dépenses", file: "depenses.csv",
                           title: "Dépense courante de santé (DCS) par source et paiements directs",
                           ids: indicators(in: .spending).map(\.id), charts: [Indicator.oopShare.id]),
            indicatorSheet(input, sheet: "Protection financière", file: "protection_financiere.csv",
                           title: "Protection financière : dépenses catastrophiques et appauvrissement",
                           ids: indicators(in: .protection).map(\.id), charts: [Indicator.catastrophic10.id]),
            indicatorSheet(input, sheet: "Financement", file: "financement.csv",
                           title: "Financement : budget de l'État, taxes affectées, régimes d'assurance",
                           ids: indicators(in: .financing).map(\.id) + others,
                           charts: [Indicator.financingGap.id, Indicator.fiscalSpace.id]),
            taxes(input),
            equity(input),
            parameters(input),
            method(input),
        ].compactMap { $0 }
    }

    /// The years shown in the headline tables.
    public static func summaryYears(_ input: BriefingInput) -> [Int] {
        let available = input.years
        let shown = headlineYears.filter(available.contains)
        if !shown.isEmpty { return shown }
        return Array(Set([available.first, available.last].compactMap { $0 })).sorted()
    }

    // MARK: Synthèse

    static func synthesis(_ input: BriefingInput) -> BriefingTable {
        let years = summaryYears(input)
        let comparison = input.kind == .comparison
        var columns: [(header: String, width: Double)] = [("Indicateur", 62), ("Unité", 13), ("Scénario", 18)]
        for year in years {
            if comparison {
                columns += [("Moyenne \(year)", 12), ("Écart \(year)", 12), ("Écart \(year) : 5 %", 12),
                            ("Écart \(year) : 95 %", 12)]
            } else {
                columns += [("Moyenne \(year)", 12), ("\(year) : 5 %", 12), ("\(year) : 95 %", 12)]
            }
        }
        columns.append(("Code (\(OutputFile.indicators.name))", 30))
        var rows: [[Cell]] = []
        for indicator in headline {
            guard let (label, unit) = input.describe(indicator.id) else { continue }
            for scenario in input.scenarios {
                var row: [Cell] = [.text(label), .text(unit), .text(scenario.name)]
                for year in years {
                    if comparison {
                        if let d = input.difference(scenario.name, indicator.id, year: year) {
                            let kind = NumberKind(indicator.declaration, difference: true)
                            row += [.number(d.mean, NumberKind(indicator.declaration)), .number(d.difference, kind),
                                    .number(d.differenceP05, kind), .number(d.differenceP95, kind)]
                        } else {
                            row += [.empty, .empty, .empty, .empty]
                        }
                    } else if let e = scenario.estimate(indicator.id, year: year) {
                        let kind = NumberKind(indicator.declaration)
                        row += [.number(e.mean, kind), .number(e.p05, kind), .number(e.p95, kind)]
                    } else {
                        row += [.empty, .empty, .empty]
                    }
                }
                row.append(.text(indicator.id))
                rows.append(row)
            }
        }
        let note: String
        if comparison, let b = input.baseline {
            note = "Moyenne sur \(replicationText(input)) ; écart avec « \(input.scenarios[b].name) » calculé réplication par "
                + "réplication (nombres aléatoires communs), avec son intervalle 5–95 %. "
                + "Source : \(OutputFile.comparison.name)."
        } else {
            note = "Moyenne sur \(replicationText(input)) et intervalle 5–95 % des réplications. "
                + "Source : \(OutputFile.indicators.name)."
        }
        var table = BriefingTable(sheet: "Synthèse", fileName: "synthese.csv",
                                  title: "Indicateurs clés en \(years.map(String.init).joined(separator: ", "))",
                                  note: note, columns: columns, rows: rows, frozenColumns: 3)
        table.shadeGroups(by: columns.count - 1)
        return table
    }

    // MARK: Indicators by year

    /// One row per (indicator, year), one column per scenario (for a single run: its mean, 5 % and 95 %).
    static func indicatorSheet(_ input: BriefingInput, sheet: String, file: String, title: String, ids: [String],
                               charts: [String]) -> BriefingTable {
        let single = input.kind == .run
        var columns: [(header: String, width: Double)] = [("Indicateur", 48), ("Unité", 13), ("Année", 8)]
        if single {
            columns += [("Moyenne", 14), ("5 %", 14), ("95 %", 14)]
        } else {
            columns += input.scenarios.map { ($0.name, max(12, Double($0.name.count) + 3)) }
        }
        columns.append(("Code (\(OutputFile.indicators.name))", 30))
        let years = input.years
        var rows: [[Cell]] = []
        var chartSpecs: [ChartSpec] = []
        for id in ids {
            guard let (label, unit) = input.describe(id) else { continue }
            let first = rows.count
            let kind = NumberKind.indicator(id, unit: unit)
            for year in years {
                var row: [Cell] = [.text(label), .text(unit), .number(Double(year), .plain)]
                if single {
                    let e = input.scenarios[0].estimate(id, year: year)
                    row += [e.map { .number($0.mean, kind) } ?? .empty, e.map { .number($0.p05, kind) } ?? .empty,
                            e.map { .number($0.p95, kind) } ?? .empty]
                } else {
                    row += input.scenarios.map { s in s.estimate(id, year: year).map { .number($0.mean, kind) } ?? .empty }
                }
                row.append(.text(id))
                rows.append(row)
            }
            if charts.contains(id), rows.count > first {
                let series: [(name: String, column: Int)] = single
                    ? [(input.scenarios[0].name, 3)]
                    : input.scenarios.indices.map { (input.scenarios[$0].name, 3 + $0) }
                chartSpecs.append(ChartSpec(title: label, yAxisTitle: unit, kind: kind, categoryColumn: 2,
                                            firstRow: first, lastRow: rows.count - 1, series: series))
            }
        }
        let how = single ? "moyenne et intervalle 5–95 % sur \(replicationText(input))"
            : "moyenne sur \(replicationText(input)), une colonne par scénario"
        let note = "Par indicateur et par année : \(how). Source : \(OutputFile.indicators.name) de chaque scénario."
        var table = BriefingTable(sheet: sheet, fileName: file, title: title, note: note,
                                  columns: columns, rows: rows, frozenColumns: 3, charts: chartSpecs)
        table.shadeGroups(by: columns.count - 1)
        return table
    }

    // MARK: Équité

    static func equity(_ input: BriefingInput) -> BriefingTable {
        let single = input.kind == .run
        var columns: [(header: String, width: Double)] = [("Indicateur", 48), ("Unité", 13), ("Année", 8),
                                                          ("Quintile (1 = les plus pauvres)", 14)]
        if single {
            columns += [("Moyenne", 14), ("5 %", 14), ("95 %", 14)]
        } else {
            columns += input.scenarios.map { ($0.name, max(12, Double($0.name.count) + 3)) }
        }
        columns.append(("Code (\(OutputFile.indicatorsByQuintile.name))", 30))
        // key "id|year|quintile" → estimate, per scenario
        let lookups: [[String: Estimate]] = input.scenarios.map { s in
            Dictionary(s.quintiles.map { ("\($0.id)|\($0.year)|\($0.quintile)", $0.estimate) }, uniquingKeysWith: { a, _ in a })
        }
        var ids: [String] = []
        var describe: [String: (String, String)] = [:]
        for s in input.scenarios {
            for q in s.quintiles where describe[q.id] == nil {
                ids.append(q.id)
                describe[q.id] = (q.label, q.unit)
            }
        }
        let years = Array(Set(input.scenarios.flatMap { $0.quintiles.map(\.year) })).sorted()
        var rows: [[Cell]] = []
        for id in ids {
            let (label, unit) = describe[id]!
            let kind = NumberKind.quintileIndicator(id, unit: unit)
            for year in years {
                for quintile in 1...5 {
                    let key = "\(id)|\(year)|\(quintile)"
                    var row: [Cell] = [.text(label), .text(unit), .number(Double(year), .plain), .number(Double(quintile), .plain)]
                    if single {
                        let e = lookups[0][key]
                        row += [e.map { .number($0.mean, kind) } ?? .empty, e.map { .number($0.p05, kind) } ?? .empty,
                                e.map { .number($0.p95, kind) } ?? .empty]
                    } else {
                        row += lookups.map { $0[key].map { .number($0.mean, kind) } ?? .empty }
                    }
                    row.append(.text(id))
                    rows.append(row)
                }
            }
        }
        var table = BriefingTable(
            sheet: "Équité", fileName: "equite.csv",
            title: "Équité : indicateurs par quintile de consommation par personne",
            note: "Quintiles de la population selon la consommation par personne, recalculés chaque année (1 = les 20 % "
                + "les plus pauvres) ; moyenne sur \(replicationText(input)). Source : \(OutputFile.indicatorsByQuintile.name).",
            columns: columns, rows: rows, frozenColumns: 4)
        table.shadeGroups(by: columns.count - 1)
        return table
    }

    // MARK: Paramètres

    static func parameters(_ input: BriefingInput) -> BriefingTable {
        let reference = input.baseline ?? 0
        let base = input.scenarios[reference]
        let others = input.scenarios.indices.filter { $0 != reference }
        var names: [String] = []
        var units: [String: String] = [:]
        var values: [[String: ParameterRow]] = []
        for s in input.scenarios {
            var byName: [String: ParameterRow] = [:]
            for p in s.parameters {
                byName[p.parameter] = p
                if units[p.parameter] == nil { names.append(p.parameter); units[p.parameter] = p.unit }
            }
            values.append(byName)
        }
        // The baseline's order first, then what other scenarios add.
        let baseOrder = base.parameters.map(\.parameter)
        names = baseOrder + names.filter { !Set(baseOrder).contains($0) }

        var columns: [(header: String, width: Double)] = [("Paramètre", 40), ("Unité", 14)]
        if others.isEmpty {
            columns += [("Valeur", 16), ("Source", 90)]
        } else {
            columns += [("Valeur : \(base.name)", 16), ("Source : \(base.name)", 60)]
            for i in others { columns += [("Valeur : \(input.scenarios[i].name)", 16), ("Source : \(input.scenarios[i].name)", 40)] }
            columns.append(("Diffère dans", 30))
        }
        var rows: [[Cell]] = []
        for name in names {
            let b = values[reference][name]
            var row: [Cell] = [.text(name), .text(units[name] ?? "")]
            row += [b.map { valueCell($0.value) } ?? .empty, b.map { .text($0.source) } ?? .empty]
            var differing: [String] = []
            for i in others {
                if let p = values[i][name], p.value != b?.value {
                    row += [valueCell(p.value), .text(p.source)]
                    differing.append(input.scenarios[i].name)
                } else {
                    row += [.empty, .empty]
                }
            }
            if !others.isEmpty { row.append(.text(differing.joined(separator: ", "))) }
            rows.append(row)
        }
        let note = others.isEmpty
            ? "Chaque paramètre tel qu'il a servi, avec son unité et sa source. Source : \(OutputFile.parameters.name)."
            : "Chaque paramètre tel qu'il a servi dans « \(base.name) », avec son unité et sa source ; pour les autres "
                + "scénarios, la valeur et la source seulement là où elles diffèrent. Source : \(OutputFile.parameters.name) "
                + "de chaque scénario."
        return BriefingTable(sheet: "Paramètres", fileName: "parametres.csv", title: "Paramètres et sources",
                             note: note, columns: columns, rows: rows, frozenColumns: 1)
    }

    /// A parameter's value: a number when it is one, its text otherwise.
    static func valueCell(_ value: String) -> Cell {
        if let x = Double(value), x.isFinite, value.first.map({ $0.isNumber || $0 == "-" }) == true {
            return .number(x, .general)
        }
        return .text(value)
    }

    // MARK: Méthode

    static func method(_ input: BriefingInput) -> BriefingTable {
        let run = input.run
        var rows: [[Cell]] = []
        func add(_ key: String, _ value: Cell) { rows.append([.text(key), value]) }
        add("Outil", .text("ramusim \(run?.version ?? "(version non enregistrée)")"))
        add("Commande", .text(run.map { commandLine($0.command) } ?? "non enregistrée"))
        add("Graine", run.map { .number(Double($0.seed), .plain) } ?? .text("non enregistrée"))
        add("Réplications", run.map { .number(Double($0.replications), .plain) } ?? .text("non enregistré"))
        add("Fraction d'échantillon", run.map { .number($0.sampleFraction, .general) } ?? .text("non enregistrée"))
        add("Date de la simulation", .text(run?.date ?? "non enregistrée"))
        if let years = input.years.first.map({ "\($0)–\(input.years.last!)" }) { add("Années", .text(years)) }
        if input.kind == .comparison, let b = input.baseline {
            add("Nature", .text("Comparaison de \(input.scenarios.count) scénarios avec les mêmes nombres aléatoires"))
            add("Référence des écarts", .text("\(input.scenarios[b].name) : \(input.scenarios[b].title)"))
        } else {
            add("Nature", .text("Simulation d'un scénario"))
        }
        for s in input.scenarios {
            let description = s.record.description.map { " — \($0)" } ?? ""
            add("Scénario « \(s.name) »", .text(s.title + description + (s.record.file.isEmpty ? "" : " (fichier \(s.record.file))")))
        }
        for (i, paragraph) in readingNotes(input).enumerated() { add(i == 0 ? "Comment lire" : "", .text(paragraph)) }
        return BriefingTable(sheet: "Méthode", fileName: "methode.csv", title: "Ce qui a été simulé et comment lire les chiffres",
                             note: "Les chiffres des autres feuilles viennent des fichiers CSV du dossier de sortie, sans autre calcul.",
                             columns: [("Rubrique", 28), ("Valeur", 110)], rows: rows, frozenColumns: 1, filter: false,
                             wrapLastColumn: true)
    }

    /// The short French note on means and intervals, shared with the HTML briefing.
    public static func readingNotes(_ input: BriefingInput) -> [String] {
        let r = input.run?.replications
        var notes = [
            "Moyenne : chaque chiffre est la moyenne de \(r.map { "\($0) réplications" } ?? "plusieurs réplications") de la "
                + "simulation, c'est-à-dire de \(r.map(String.init) ?? "plusieurs") tirages au hasard des ménages et de leurs "
                + "événements avec les mêmes paramètres.",
            "Intervalle 5–95 % : 90 % des réplications donnent une valeur entre ces deux bornes. Il mesure la part du hasard "
                + "de la simulation, pas l'incertitude sur les paramètres : une hypothèse (« assumption » dans la feuille "
                + "Paramètres) peut déplacer les résultats bien davantage.",
        ]
        if input.kind == .comparison {
            notes.append("Écart à la référence : les scénarios sont simulés avec les mêmes nombres aléatoires ; l'écart est "
                         + "calculé réplication par réplication puis moyenné, et son intervalle 5–95 % est celui de ces écarts. "
                         + "Un intervalle qui ne contient pas zéro signale un écart qui ne doit rien au hasard du tirage.")
        }
        notes += [
            "Unités : % = part de la population (ou de la dépense) ; pt = point de pourcentage ; MFCFA = millions de FCFA "
                + "courants. Population et couverture au 1er janvier, dépenses et paiements sur l'année, réserves au "
                + "31 décembre.",
            "Échantillon : chaque ménage simulé représente 1/f ménages du Mali (f = fraction d'échantillon) ; les totaux "
                + "sont ramenés au Mali entier.",
            "Fichiers : \(OutputFile.indicators.name), \(OutputFile.indicatorsByQuintile.name), \(OutputFile.parameters.name)"
                + (taxed(input).isEmpty ? "" : ", \(OutputFile.taxes.name)") + " (un dossier par scénario)"
                + (input.kind == .comparison ? " et \(OutputFile.comparison.name)" : "")
                + " ; les mêmes tableaux pour Excel en français dans tableaux/ (séparateur « ; », virgule décimale).",
        ]
        return notes
    }

    /// The command as one line a shell reads back: arguments with spaces or quotes are single-quoted.
    public static func commandLine(_ arguments: [String]) -> String {
        arguments.map { a in
            let safe = a.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "-_./=:,+@%".unicodeScalars.contains($0)
            }
            return safe && !a.isEmpty ? a : "'" + a.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    static func replicationText(_ input: BriefingInput) -> String {
        let r = input.run?.replications ?? input.scenarios.first?.indicators.first?.estimate.replications ?? 0
        return "\(r) réplication\(r > 1 ? "s" : "")"
    }
}
