import Foundation
import OutputWriters
import RamuModel

/// HTML text escaping: every text that comes from a file (titles, descriptions, sources) goes through it.
/// Not shared with JSONValue's quoting: HTML turns markup characters into entities, JSON backslash-escapes
/// quotes and control characters; the two sets and their spellings differ.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// briefing.html: a French briefing in one self-contained file (inline CSS and SVG, no script, nothing
/// fetched; a Content-Security-Policy forbids it), which prints to clean A4 pages.
public enum HTMLBriefing {
    /// The indicators drawn as charts, in order.
    public static let charted: [Indicator] = [.coverageTotal, .oopShare, .catastrophic10, .financingGap, .fiscalSpace]

    /// The equity indicators of the equity table.
    static let equityShown: [QuintileIndicator] = [.catastrophic10, .oopPerCapita, .coverageTotal, .forgoneCare, .poolSpendingShare]

    /// The page; every value must be finite (`BriefingInput.checkFinite`, which `BriefingPack.write` runs first).
    public static func render(_ input: BriefingInput) -> String {
        let colours = Palette.css(input)
        var body = header(input)
        body += section("scenarios", "Les scénarios", scenarios(input, colours: colours))
        body += section("synthese", "Indicateurs clés", headlineTable(input))
        body += section("evolution", "Évolution \(yearSpan(input))", charts(input, colours: colours))
        if !BriefingTables.taxed(input).isEmpty {
            body += section("taxes", "Taxes affectées au RAMU", taxes(input))
        }
        body += section("equite", "Équité : qui paie, qui bénéficie", equity(input))
        body += section("lecture", "Comment lire ces chiffres", readingNotes(input))
        body += section("reproduire", "Reproduire ces résultats", reproduction(input))
        body += section("annexe", "Annexe : paramètres et sources", parameterAnnex(input))
        return """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>\(HTML.escape(documentTitle(input)))</title>
            <style>
            \(stylesheet)
            </style>
            </head>
            <body>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    static func documentTitle(_ input: BriefingInput) -> String {
        input.kind == .comparison
            ? "Financement de la CSU au Mali : comparaison de \(input.scenarios.count) scénarios"
            : "Financement de la CSU au Mali : \(input.scenarios[0].title)"
    }

    static func yearSpan(_ input: BriefingInput) -> String {
        guard let first = input.years.first, let last = input.years.last else { return "" }
        return "\(first)–\(last)"
    }

    static func section(_ id: String, _ title: String, _ content: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(HTML.escape(title))</h2>\n\(content)\n</section>\n"
    }

    // MARK: Parts

    static func header(_ input: BriefingInput) -> String {
        var facts: [String] = []
        if let run = input.run {
            facts.append("\(run.replications) réplications")
            facts.append("échantillon de \(formatFrench(100 * run.sampleFraction, decimals: 2))\u{A0}% des ménages")
            facts.append("graine \(run.seed)")
            if !run.date.isEmpty { facts.append("simulation du \(frenchDate(run.date))") }
            facts.append("ramusim \(run.version)")
        }
        return """
            <header>
            <p class="surtitre">Note de synthèse — simulateur ramusim du financement de la couverture sanitaire universelle</p>
            <h1>\(HTML.escape(documentTitle(input)))</h1>
            <p class="faits">\(HTML.escape(facts.joined(separator: " · ")))</p>
            </header>

            """
    }

    static func scenarios(_ input: BriefingInput, colours: [String]) -> String {
        var html = ""
        for (i, s) in input.scenarios.enumerated() {
            let role = i == input.baseline ? " <span class=\"role\">(référence des écarts)</span>" : ""
            html += "<div class=\"scenario\">\n<h3><span class=\"pastille\" style=\"background:\(colours[i])\"></span>"
                + "\(HTML.escape(s.title))\(role)</h3>\n"
            if let description = s.record.description {
                html += "<p>\(HTML.escape(description))</p>\n"
            }
            let file = s.record.file.isEmpty ? "" : " — fichier <code>\(HTML.escape(s.record.file))</code>"
            html += "<p class=\"fichier\">Nom : <code>\(HTML.escape(s.name))</code>\(file)</p>\n</div>\n"
        }
        return html
    }

    static func headlineTable(_ input: BriefingInput) -> String {
        let years = BriefingTables.summaryYears(input)
        let comparison = input.kind == .comparison
        var html = "<p class=\"note\">" + HTML.escape(comparison
            ? "Moyenne des réplications ; en dessous, l'écart avec la référence et son intervalle 5–95 %."
            : "Moyenne des réplications ; en dessous, l'intervalle 5–95 %.") + "</p>\n"
        // One scenario: no scenario column.
        html += "<table class=\"chiffres\(comparison ? "" : " seul")\">\n<thead><tr><th>Indicateur</th>"
            + (comparison ? "<th>Scénario</th>" : "")
        html += years.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for indicator in BriefingTables.headline {
            guard let (label, unit) = input.describe(indicator.id) else { continue }
            for (i, s) in input.scenarios.enumerated() {
                html += "<tr\(i == 0 ? " class=\"premier\"" : "")>"
                if i == 0 {
                    html += "<th scope=\"rowgroup\" rowspan=\"\(input.scenarios.count)\">\(HTML.escape(label))"
                        + " <span class=\"unite\">(\(HTML.escape(unit)))</span></th>"
                }
                if comparison { html += "<td class=\"nom\">\(HTML.escape(s.name))</td>" }
                for year in years {
                    html += "<td>" + headlineCell(input, s, i, indicator, year: year) + "</td>"
                }
                html += "</tr>\n"
            }
        }
        return html + "</tbody>\n</table>\n"
    }

    static func headlineCell(_ input: BriefingInput, _ s: ScenarioOutputs, _ i: Int, _ indicator: Indicator,
                             year: Int) -> String {
        let id = indicator.id
        guard let e = s.estimate(id, year: year) else { return "n.d." }
        let kind = NumberKind(indicator.declaration)
        var cell = HTML.escape(kind.french(e.mean))
        if input.kind == .comparison {
            if i == input.baseline {
                cell += "<br><span class=\"ecart\">référence</span>"
            } else if let d = input.difference(s.name, id, year: year) {
                let dk = NumberKind(indicator.declaration, difference: true)
                cell += "<br><span class=\"ecart\">" + HTML.escape("\(dk.french(d.difference)) [\(dk.french(d.differenceP05)) ; "
                    + "\(dk.french(d.differenceP95))]") + "</span>"
            }
        } else {
            cell += "<br><span class=\"ecart\">" + HTML.escape("[\(kind.french(e.p05)) ; \(kind.french(e.p95))]") + "</span>"
        }
        return cell
    }

    static func charts(_ input: BriefingInput, colours: [String]) -> String {
        var html = "<p class=\"note\">Une ligne par scénario (moyenne des réplications) ; la bande de même couleur va du "
            + "5<sup>e</sup> au 95<sup>e</sup> centile des réplications.</p>\n"
        let legend = "<ul class=\"legende\">" + input.scenarios.enumerated().map { i, s in
            let role = input.kind == .comparison && i == input.baseline ? " (référence, en tirets)" : ""
            return "<li><span class=\"pastille\" style=\"background:\(colours[i])\"></span>\(HTML.escape(s.name))\(role)</li>"
        }.joined() + "</ul>"
        for indicator in charted {
            guard let (label, unit) = input.describe(indicator.id) else { continue }
            var series: [SVGLineChart.Series] = []
            for (i, s) in input.scenarios.enumerated() {
                let rows = s.indicators.filter { $0.id == indicator.id }.sorted { $0.year < $1.year }
                series.append(SVGLineChart.Series(
                    name: s.name, colour: colours[i], dashed: input.kind == .comparison && i == input.baseline,
                    points: rows.map { (year: $0.year, mean: $0.estimate.mean, p05: $0.estimate.p05, p95: $0.estimate.p95) }))
            }
            let chart = SVGLineChart(title: label, unit: unit, kind: NumberKind(indicator.declaration), series: series)
            html += "<figure class=\"graphique\" id=\"graphique-\(indicator.id)\">\n"
                + "<figcaption>\(HTML.escape(label)) <span class=\"unite\">(\(HTML.escape(unit)))</span></figcaption>\n"
                + chart.render() + "\n" + legend + "\n</figure>\n"
        }
        return html
    }

    static func equity(_ input: BriefingInput) -> String {
        let years = BriefingTables.summaryYears(input)
        guard let year = years.last, input.scenarios.contains(where: { !$0.quintiles.isEmpty }) else {
            return "<p>Ces sorties ne contiennent pas d'indicateurs par quintile (\(OutputFile.indicatorsByQuintile.name)).</p>"
        }
        var html = "<p class=\"note\">En \(year), par quintile de consommation par personne (Q1 = les 20\u{A0}% les plus "
            + "pauvres, Q5 = les 20\u{A0}% les plus riches) ; moyenne des réplications. Toutes les années sont dans la "
            + "feuille Équité du classeur.</p>\n"
        html += "<table class=\"chiffres\">\n<thead><tr><th>Indicateur</th><th>Scénario</th>"
            + (1...5).map { "<th>Q\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for indicator in equityShown {
            let rows = input.scenarios.map { s in
                (s, Dictionary(s.quintiles.filter { $0.id == indicator.id && $0.year == year }.map { ($0.quintile, $0) },
                               uniquingKeysWith: { a, _ in a }))
            }
            guard let any = rows.lazy.compactMap({ $0.1.values.first }).first else { continue }
            let kind = NumberKind(indicator.declaration)
            for (i, (s, byQuintile)) in rows.enumerated() {
                html += "<tr\(i == 0 ? " class=\"premier\"" : "")>"
                if i == 0 {
                    html += "<th scope=\"rowgroup\" rowspan=\"\(rows.count)\">\(HTML.escape(any.label))"
                        + " <span class=\"unite\">(\(HTML.escape(any.unit)))</span></th>"
                }
                html += "<td class=\"nom\">\(HTML.escape(s.name))</td>"
                html += (1...5).map { q in
                    "<td>" + (byQuintile[q].map { HTML.escape(kind.french($0.estimate.mean)) } ?? "n.d.") + "</td>"
                }.joined()
                html += "</tr>\n"
            }
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Revenue of each earmarked tax in the headline years, for each scenario that has taxes (taxes.csv).
    static func taxes(_ input: BriefingInput) -> String {
        let years = BriefingTables.summaryYears(input)
        let taxed = BriefingTables.taxed(input)
        var html = "<p class=\"note\">Recettes de chaque taxe affectée au RAMU, en MFCFA (millions de FCFA courants), "
            + "moyenne des réplications ; leur total est « Recettes des taxes affectées au RAMU ». Toutes les années sont "
            + "dans la feuille Taxes affectées du classeur.</p>\n"
        html += "<table class=\"chiffres\">\n<thead><tr><th>Taxe affectée</th><th>Scénario</th>"
            + years.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for tax in BriefingTables.taxNames(taxed) {
            let rows = taxed.map { s in
                (s, Dictionary(s.taxes.filter { $0.tax == tax }.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a }))
            }
            let unit = rows.lazy.compactMap { $0.1.values.first?.unit }.first ?? "MFCFA"
            let kind = NumberKind.forUnit(unit)  // a tax is no declared indicator: its unit as taxes.csv gives it
            for (i, (s, byYear)) in rows.enumerated() {
                html += "<tr\(i == 0 ? " class=\"premier\"" : "")>"
                if i == 0 {
                    html += "<th scope=\"rowgroup\" rowspan=\"\(rows.count)\">\(HTML.escape(tax))"
                        + " <span class=\"unite\">(\(HTML.escape(unit)))</span></th>"
                }
                html += "<td class=\"nom\">\(HTML.escape(s.name))</td>"
                html += years.map { year in
                    "<td>" + (byYear[year].map { HTML.escape(kind.french($0.estimate.mean)) } ?? "n.d.") + "</td>"
                }.joined()
                html += "</tr>\n"
            }
        }
        return html + "</tbody>\n</table>\n"
    }

    static func readingNotes(_ input: BriefingInput) -> String {
        "<ul class=\"lecture\">\n" + BriefingTables.readingNotes(input).map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
    }

    static func reproduction(_ input: BriefingInput) -> String {
        guard let run = input.run else {
            return "<p>Ces sorties n'ont enregistré ni la commande ni la graine (ni \(RunManifest.fileName) ni \(ScenarioRecord.fileName)).</p>"
        }
        var html = "<p>Ces résultats ont été produits par la commande suivante, lancée depuis le dossier du projet "
            + "(<code>ramusim</code> y est <code>.build/release/ramusim</code> une fois compilé par <code>scripts/baseline</code>) ; "
            + "la même commande avec la même version donne exactement les mêmes chiffres.</p>\n"
        html += "<pre class=\"commande\"><code>\(HTML.escape(BriefingTables.commandLine(run.command)))</code></pre>\n"
        html += "<dl class=\"faits\">"
        let facts: [(String, String)] = [
            ("Version", "ramusim \(run.version)"), ("Graine", String(run.seed)),
            ("Réplications", String(run.replications)),
            ("Fraction d'échantillon", "\(formatNumber(run.sampleFraction)) (\(formatFrench(100 * run.sampleFraction, decimals: 2))\u{A0}% des ménages)"),
            ("Date", run.date.isEmpty ? "non enregistrée" : frenchDate(run.date)),
        ]
        for (k, v) in facts { html += "<dt>\(HTML.escape(k))</dt><dd>\(HTML.escape(v))</dd>" }
        html += "</dl>\n"
        html += "<p>Les mêmes chiffres, pour les retrouver un par un : <code>\(BriefingPack.workbookName)</code> (une feuille par thème), "
            + "<code>tableaux/</code> (CSV pour Excel en français), et les fichiers de la simulation "
            + "(<code>\(OutputFile.indicators.name)</code>, <code>\(OutputFile.indicatorsByQuintile.name)</code>, "
            + "<code>\(OutputFile.parameters.name)</code>"
            + (BriefingTables.taxed(input).isEmpty ? "" : ", <code>\(OutputFile.taxes.name)</code>")
            + (input.kind == .comparison ? ", <code>\(OutputFile.comparison.name)</code>" : "") + ").</p>\n"
        return html
    }

    static func parameterAnnex(_ input: BriefingInput) -> String {
        let reference = input.baseline ?? 0
        let base = input.scenarios[reference]
        var html = ""
        let others = input.scenarios.indices.filter { $0 != reference }
        if !others.isEmpty {
            html += "<h3>Ce que chaque scénario change par rapport à « \(HTML.escape(base.name)) »</h3>\n"
            html += "<table class=\"parametres\">\n<thead><tr><th>Scénario</th><th>Paramètre</th><th>Référence</th>"
                + "<th>Scénario</th><th>Unité</th><th>Source</th></tr></thead>\n<tbody>\n"
            let baseValues = Dictionary(base.parameters.map { ($0.parameter, $0) }, uniquingKeysWith: { a, _ in a })
            for i in others {
                let s = input.scenarios[i]
                let changed = s.parameters.filter { $0.value != baseValues[$0.parameter]?.value }
                for p in changed {
                    html += "<tr><td>\(HTML.escape(s.name))</td><td><code>\(HTML.escape(p.parameter))</code></td>"
                        + "<td>\(HTML.escape(baseValues[p.parameter].map { valueText($0.value) } ?? "—"))</td>"
                        + "<td>\(HTML.escape(valueText(p.value)))</td><td>\(HTML.escape(p.unit))</td>"
                        + "<td>\(HTML.escape(p.source))</td></tr>\n"
                }
                if changed.isEmpty {
                    html += "<tr><td>\(HTML.escape(s.name))</td><td colspan=\"5\">aucun paramètre ne diffère</td></tr>\n"
                }
            }
            html += "</tbody>\n</table>\n"
            html += "<h3>Tous les paramètres de « \(HTML.escape(base.name)) »</h3>\n"
        }
        html += "<p class=\"note\">Chaque paramètre tel qu'il a servi, avec son unité et sa source "
            + "(\(OutputFile.parameters.name)).</p>\n"
        html += "<table class=\"parametres\">\n<thead><tr><th>Paramètre</th><th>Valeur</th><th>Unité</th><th>Source</th>"
            + "</tr></thead>\n<tbody>\n"
        for p in base.parameters {
            html += "<tr><td><code>\(HTML.escape(p.parameter))</code></td><td>\(HTML.escape(valueText(p.value)))</td>"
                + "<td>\(HTML.escape(p.unit))</td><td>\(HTML.escape(p.source))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A parameter's value for reading: numbers with a decimal comma, text as written.
    static func valueText(_ value: String) -> String {
        if case .number(let x, _) = BriefingTables.valueCell(value) { return NumberKind.general.french(x) }
        return value
    }

    /// "2026-11-25" → "25 novembre 2026".
    static func frenchDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                      "novembre", "décembre"]
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2] == 1 ? "1er" : String(parts[2])) \(months[parts[1] - 1]) \(parts[0])"
    }

    // MARK: Style

    static let stylesheet = """
        :root { --encre: #1a1a1a; --doux: #5a5a5a; --filet: #d0d0d0; --bleu: #1f4e79; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--encre); background: #fff;
               font-family: "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 15px; line-height: 1.45; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        header { border-bottom: 3px solid var(--bleu); margin-bottom: 1rem; }
        .surtitre { color: var(--doux); margin: 0; font-size: 0.9rem; }
        h1 { color: var(--bleu); font-size: 1.6rem; margin: 0.3rem 0; }
        h2 { color: var(--bleu); font-size: 1.25rem; border-bottom: 1px solid var(--filet); padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.02rem; margin: 0.8rem 0 0.2rem; }
        .faits { color: var(--doux); }
        .note { color: var(--doux); font-size: 0.9rem; }
        .role, .unite, .fichier { color: var(--doux); font-weight: normal; font-size: 0.88rem; }
        .scenario p { margin: 0.2rem 0 0.4rem; }
        .pastille { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; margin-right: 0.4rem; vertical-align: -0.05rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.86rem; }
        th, td { border-bottom: 1px solid var(--filet); padding: 0.25rem 0.4rem; vertical-align: top; }
        thead th { background: var(--bleu); color: #fff; text-align: left; }
        table.chiffres td { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        table.chiffres td.nom { text-align: left; }
        table.chiffres tbody th { text-align: left; font-weight: 600; width: 34%; }
        tr.premier > * { border-top: 2px solid #9a9a9a; }
        .ecart { color: var(--doux); font-size: 0.8rem; }
        figure.graphique { margin: 1rem 0 1.5rem; }
        figcaption { font-weight: 600; margin-bottom: 0.3rem; }
        svg.graphique { width: 100%; height: auto; display: block; }
        svg .grille { stroke: #e3e3e3; stroke-width: 1; }
        svg .grille.zero { stroke: #888; }
        svg .graduation { stroke: #888; stroke-width: 1; }
        svg .axe { fill: #444; font-size: 12px; font-family: inherit; }
        svg .bande { fill-opacity: 0.16; stroke: none; }
        svg .serie { fill: none; stroke-width: 2.4; stroke-linejoin: round; stroke-linecap: round; }
        svg .serie.reference { stroke-dasharray: 7 5; }
        .legende { list-style: none; padding: 0; margin: 0.3rem 0 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.1rem; font-size: 0.85rem; }
        pre.commande { background: #f3f3f3; border: 1px solid var(--filet); padding: 0.6rem; white-space: pre-wrap; word-break: break-all; font-size: 0.82rem; }
        dl.faits { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; }
        dl.faits dt { font-weight: 600; color: var(--encre); }
        dl.faits dd { margin: 0; }
        table.parametres { font-size: 0.76rem; }
        table.parametres td { overflow-wrap: break-word; }
        table.parametres code { white-space: nowrap; }
        table.chiffres thead th + th + th, table.chiffres.seul thead th + th { text-align: right; }
        code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.92em; }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          section { break-before: page; }
          #scenarios { break-before: avoid; }
          h2, h3, figcaption { break-after: avoid; }
          figure.graphique, .scenario, tr, pre, dl { break-inside: avoid; }
          thead { display: table-header-group; }
          thead th { background: #fff; color: var(--encre); border-bottom: 2px solid var(--encre); }
          svg.graphique { max-height: 105mm; }
        }
        """
}
