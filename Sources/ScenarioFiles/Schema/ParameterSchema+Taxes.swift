import RamuModel

// The fields of an item of `taxes:` (MODEL.md section 7). Every tax writes a name, a start, a collection
// efficiency and a share to RAMU; its `kind` (ad_valorem when absent) says which other fields it needs
// (`TaxKind.fields`), whose rows are here.
extension ParameterSchema {
    /// `kind:`, optional: ad_valorem when a tax does not write it.
    static let taxKindField = TaxField.choice("kind", \.kind, "Type de taxe : ad_valorem (taux × assiette) ou per_unit (FCFA par unité × volume)")

    static let taxName = TaxField.text("name", \.name, "Nom de la taxe")
    static let taxCommonTail: [TaxField] = [
        .real("start", \.start, "year", .closed(1900, 2200), "Date d'entrée en vigueur (année décimale, ex. 2023.0)"),
        .real("collection_efficiency", \.collectionEfficiency, "fraction", .fraction, "Part de la taxe effectivement recouvrée"),
        .real("share_to_ramu", \.shareToRAMU, "fraction", .fraction, "Part des recettes affectée au RAMU"),
    ]

    /// The rows of the fields proper to `kind`, in the order of `kind.fields`.
    static func taxKindFields(_ kind: TaxKind) -> [TaxField] {
        switch kind {
        case .adValorem: [
            .real("base", \.base, "MFCFA", .closed(0, maximumMFCFA), "Assiette à l'année de début (croît avec le PIB nominal)"),
            .real("rate", \.rate, "fraction", .fraction, "Taux"),
        ]
        case .perUnit: [
            .real("rate", \.rate, "FCFA/unit", .closed(0, maximumFCFA), "Montant par unité aux prix de l'année de début (indexé sur les prix)"),
            .real("volume", \.volume, "units", .closed(0, 1e15), "Unités taxées à l'année de début (litres, paquets…)"),
            .real("volume_growth", \.volumeGrowth, "fraction/year", .closed(-0.5, 1), "Croissance annuelle des unités taxées"),
        ]
        }
    }

    /// Every field a tax of `kind` must write, in the order its rows of `parameters.csv` list them.
    public static func taxFields(_ kind: TaxKind) -> [TaxField] { [taxName] + taxKindFields(kind) + taxCommonTail }

    /// The field `name` of a tax of `kind` (`kind` itself included), or nil.
    public static func taxField(named name: String, kind: TaxKind) -> TaxField? {
        name == taxKindField.key ? taxKindField : taxFields(kind).first { $0.key == name }
    }

    /// The kinds whose taxes have a field `name`.
    static func taxKinds(having name: String) -> [TaxKind] {
        TaxKind.allCases.filter { kind in taxFields(kind).contains { $0.key == name } }
    }

    /// "name, base, rate, start, collection_efficiency et share_to_ramu".
    static func taxFieldList(_ kind: TaxKind) -> String {
        let keys = taxFields(kind).map(\.key)
        return keys.dropLast().joined(separator: ", ") + " et " + keys.last!
    }
}
