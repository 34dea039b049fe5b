/// The unit of an indicator's values (MODEL.md section 9). Its text is the `unit` column of the CSVs,
/// in French, and what the terminal and the briefing show beside a label.
public enum IndicatorUnit: String, CaseIterable, Sendable {
    case persons = "personnes"
    case percent = "%"
    /// Millions of FCFA, current prices.
    case mfcfa = "MFCFA"
    case fcfaPerPerson = "FCFA/personne"
    case needs = "besoins"
    case episodes = "épisodes"
    case episodesPerPerson = "épisodes/personne"
    /// US dollars per person, current prices at `donors.fcfa_per_usd`.
    case usdPerPerson = "USD/personne"
    /// A concentration index, between −1 and 1.
    case index = "indice"
    case months = "mois"

    /// As written in the CSVs' `unit` column.
    public var text: String { rawValue }
}
