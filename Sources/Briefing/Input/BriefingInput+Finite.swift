import Foundation
import OutputWriters
import RamuModel

extension BriefingInput {
    /// Refuses outputs holding a NaN or an infinity, naming the scenario, the indicator and the year.
    ///
    /// Refused rather than shown as an empty cell: a ministry analyst quotes these figures in budget
    /// talks, and an empty cell reads as "not simulated that year" (or drops out of a chart unnoticed)
    /// where it is a fault of the model or of the files. The canonical CSVs and the manifest refuse
    /// such values too; the briefing says the same thing, before writing any file.
    public func checkFinite() throws(BriefingError) {
        func check(_ x: Double, _ what: String, scenario: String, id: String, year: Int, _ detail: String = "")
            throws(BriefingError)
        {
            guard !x.isFinite else { return }
            let label = describe(id).map { " (\($0.label))" } ?? ""
            throw BriefingError("scénario « \(scenario) », indicateur « \(id) »\(label), année \(year)\(detail) : "
                                + "\(what) \(x.isNaN ? "n'est pas un nombre (NaN)" : "est infini") ; note de synthèse "
                                + "non écrite, aucun fichier modifié (erreur du modèle ou des fichiers à signaler)")
        }
        func check(_ e: Estimate, scenario: String, id: String, year: Int, _ detail: String = "") throws(BriefingError) {
            for (x, what) in [(e.mean, "la moyenne"), (e.sd, "l'écart-type"), (e.p05, "le 5e centile"),
                              (e.p50, "la médiane"), (e.p95, "le 95e centile")] {
                try check(x, what, scenario: scenario, id: id, year: year, detail)
            }
        }
        for s in scenarios {
            for row in s.indicators { try check(row.estimate, scenario: s.name, id: row.id, year: row.year) }
            for row in s.quintiles {
                try check(row.estimate, scenario: s.name, id: row.id, year: row.year, ", quintile \(row.quintile)")
            }
            for row in s.taxes {
                try check(row.estimate, scenario: s.name, id: Indicator.earmarkedTaxRevenue.id, year: row.year,
                          ", taxe « \(row.tax) » (\(OutputFile.taxes.name))")
            }
        }
        for d in differences {
            for (x, what) in [(d.mean, "la moyenne"), (d.difference, "l'écart à la référence"),
                              (d.differenceP05, "le 5e centile de l'écart"), (d.differenceP95, "le 95e centile de l'écart")] {
                try check(x, what, scenario: d.scenario, id: d.id, year: d.year, " (\(OutputFile.comparison.name))")
            }
        }
        if let fraction = run?.sampleFraction, !fraction.isFinite {
            throw BriefingError("fraction d'échantillon enregistrée non finie (\(fraction)) ; note de synthèse non écrite, "
                                + "aucun fichier modifié")
        }
    }
}
