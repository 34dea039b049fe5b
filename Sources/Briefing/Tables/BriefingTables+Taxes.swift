import Foundation
import OutputWriters

extension BriefingTables {
    /// The sheet of earmarked taxes, written only when a scenario has one.
    public static let taxSheet = "Taxes affectées"

    /// The scenarios that have earmarked taxes (a taxes.csv), in order.
    static func taxed(_ input: BriefingInput) -> [ScenarioOutputs] {
        input.scenarios.filter { !$0.taxes.isEmpty }
    }

    /// The taxes' names in the order of the first taxes.csv that has them.
    static func taxNames(_ scenarios: [ScenarioOutputs]) -> [String] {
        var seen: Set<String> = []
        return scenarios.flatMap { $0.taxes.map(\.tax) }.filter { seen.insert($0).inserted }
    }

    /// Revenue of each earmarked tax by year, as taxes.csv gives it: one row per (tax, year), one column
    /// per scenario that has taxes (for a single run: its mean, 5 % and 95 %). Nil when no scenario has one.
    static func taxes(_ input: BriefingInput) -> BriefingTable? {
        let taxed = taxed(input)
        guard !taxed.isEmpty else { return nil }
        let single = input.kind == .run
        var columns: [(header: String, width: Double)] = [("Taxe affectée", 34), ("Unité", 13), ("Année", 8)]
        if single {
            columns += [("Moyenne", 14), ("5 %", 14), ("95 %", 14)]
        } else {
            columns += taxed.map { ($0.name, max(12, Double($0.name.count) + 3)) }
        }
        // "tax|year" → its line of taxes.csv, per scenario
        let lookups: [[String: TaxRow]] = taxed.map { s in
            Dictionary(s.taxes.map { ("\($0.tax)|\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
        }
        let years = Array(Set(taxed.flatMap { $0.taxes.map(\.year) })).sorted()
        var rows: [[Cell]] = []
        for tax in taxNames(taxed) {
            for year in years {
                let found = lookups.map { $0["\(tax)|\(year)"] }
                guard let unit = found.lazy.compactMap({ $0?.unit }).first else { continue }
                let kind = NumberKind.forUnit(unit)  // a tax is no declared indicator: its unit as taxes.csv gives it
                var row: [Cell] = [.text(tax), .text(unit), .number(Double(year), .plain)]
                if single, let e = found[0]?.estimate {
                    row += [.number(e.mean, kind), .number(e.p05, kind), .number(e.p95, kind)]
                } else {
                    row += found.map { $0.map { .number($0.estimate.mean, kind) } ?? .empty }
                }
                rows.append(row)
            }
        }
        let how = single ? "moyenne et intervalle 5–95 % sur \(replicationText(input))"
            : "moyenne sur \(replicationText(input)), une colonne par scénario qui a des taxes affectées"
        var table = BriefingTable(
            sheet: taxSheet, fileName: "taxes_affectees.csv", title: "Taxes affectées au RAMU : recettes par taxe",
            note: "Recettes de chaque taxe affectée au RAMU, en MFCFA (millions de FCFA courants), par année : \(how). "
                + "Leur total est « Recettes des taxes affectées au RAMU » (feuille Financement). "
                + "Source : \(OutputFile.taxes.name).",
            columns: columns, rows: rows, frozenColumns: 3)
        table.shadeGroups(by: 0)
        return table
    }
}
