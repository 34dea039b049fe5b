import Foundation
import RamuModel
@testable import ScenarioFiles
import Testing

@Suite("ParameterSchema: one row per parameter")
struct ParameterSchemaTests {
    @Test("keys are unique snake_case, in the sections of MODEL.md section 8")
    func keys() {
        let keys = ParameterSchema.entries.map(\.key)
        #expect(keys.count == Set(keys).count)
        for key in keys {
            #expect(key.wholeMatch(of: /[a-z_]+\.[a-z0-9_]+/) != nil, "\(key)")
        }
        #expect(ParameterSchema.sections == [
            "simulation", "demography", "households", "consumption", "macro", "amo", "ramed", "mutuelle", "ramu",
            "gratuites", "care", "budget", "donors", "financial_protection",
        ])
        #expect(ParameterSchema.taxFields(.adValorem).map(\.key) == ["name", "base", "rate", "start", "collection_efficiency", "share_to_ramu"])
        // Each kind's rows are the fields its formula names (`TaxKind.fields`), between the common ones.
        for kind in TaxKind.allCases {
            #expect(ParameterSchema.taxFields(kind).map(\.key) == ["name"] + kind.fields + ["start", "collection_efficiency", "share_to_ramu"])
        }
        #expect(ParameterSchema.entry(forKey: "mutuelle.join_rate")?.unit == "per year")
        #expect(ParameterSchema.entry(forKey: "mutuelle.join_rat") == nil)
    }

    @Test("every unit is one of the canonical units, and every canonical unit is used")
    func units() {
        let used = ParameterSchema.entries.map(\.unit) + TaxKind.allCases.flatMap { ParameterSchema.taxFields($0).map(\.unit) }
            + [ParameterSchema.taxKindField.unit]
        #expect(Set(used) == Set(ParameterSchema.canonicalUnits))
        #expect(ParameterSchema.canonicalUnits.count == 25)
    }

    /// Counts the stored values of a struct, descending into nested structs (CostDistribution counts two).
    private func leafCount(_ value: Any, skipping skipped: Set<String> = []) -> Int {
        let children = Mirror(reflecting: value).children.filter { !skipped.contains($0.label ?? "") }
        if children.isEmpty { return 1 }
        return children.reduce(0) { $0 + leafCount($1.value) }
    }

    @Test("the table has as many rows as Parameters has values")
    func coversEveryParameter() {
        #expect(leafCount(Parameters(), skipping: ["taxes"]) == ParameterSchema.entries.count)
        // Every stored value of a tax is the field of some kind, or its kind.
        let tax = EarmarkedTax(name: "t", base: 1, rate: 0.1, start: 2023, collectionEfficiency: 1, shareToRAMU: 1)
        let fields = Set(TaxKind.allCases.flatMap { ParameterSchema.taxFields($0).map(\.key) } + ["kind"])
        #expect(leafCount(tax) == fields.count)
    }

    @Test("each row writes its own property and no other")
    func rowsWriteDistinctProperties() {
        let defaults = Parameters()
        let before = ParameterSchema.entries.map { $0.valueText(in: defaults) }
        for (i, entry) in ParameterSchema.entries.enumerated() {
            var changed = defaults
            entry.apply(otherValue(than: entry.value(in: defaults), kind: entry.kind), to: &changed)
            let after = ParameterSchema.entries.map { $0.valueText(in: changed) }
            let differing = after.indices.filter { after[$0] != before[$0] }
            #expect(differing == [i], "\(entry.key) écrit aussi \(differing.map { ParameterSchema.entries[$0].key })")
        }
    }

    @Test("MODEL.md's defaults satisfy their own rows")
    func defaultsAreValid() throws {
        let defaults = Parameters()
        for entry in ParameterSchema.entries {
            switch (entry.kind, entry.value(in: defaults)) {
            case (.real(let range), .real(let x)), (.realOrDerived(let range), .real(let x)):
                #expect(range.contains(x), "\(entry.key) = \(x)")
            case (.realOrDerived, .derived): break
            case (.integer(let range), .integer(let n)): #expect(range.contains(n), "\(entry.key) = \(n)")
            case (.choice(let allowed), .choice(let raw)): #expect(allowed.contains(raw), "\(entry.key)")
            case (.boolean, .boolean): break
            default: Issue.record("\(entry.key) : type de valeur différent de son type de ligne")
            }
        }
    }

    @Test("ranges: open and closed ends, and their French wording")
    func ranges() {
        #expect(ValueRange.fraction.contains(0) && ValueRange.fraction.contains(1) && !ValueRange.fraction.contains(1.01))
        #expect(!ValueRange.positive.contains(0) && ValueRange.positive.contains(1e-12))
        #expect(ValueRange.nonNegative.contains(0) && !ValueRange.nonNegative.contains(-1e-12))
        #expect(!ValueRange.above(0, through: 1).contains(0) && ValueRange.above(0, through: 1).contains(1))
        #expect(ValueRange.from(0, below: 1).contains(0) && !ValueRange.from(0, below: 1).contains(1))
        #expect(!ValueRange.closed(-1, 1).contains(.nan) && !ValueRange.nonNegative.contains(.infinity))
        #expect(ValueRange.fraction.descriptionFR == "entre 0 et 1 (bornes comprises)")
        #expect(ValueRange.positive.descriptionFR == "strictement positif (> 0)")
        #expect(ValueRange.closed(-0.5, 0.5).descriptionFR == "entre -0.5 et 0.5 (bornes comprises)")
    }

    @Test("canonical text: shortest Double without .0, plain Int, raw values")
    func canonicalText() {
        #expect(ParameterValue.real(0.051).text == "0.051")
        #expect(ParameterValue.real(20_537_000).text == "20537000")
        #expect(ParameterValue.real(-0.0).text == "0")
        #expect(ParameterValue.real(1e20).text == "1e+20")
        #expect(ParameterValue.integer(2020).text == "2020")
        #expect(ParameterValue.boolean(true).text == "true")
        #expect(ParameterValue.choice("integrated").text == "integrated")
    }

    @Test("edit distance, for « vouliez-vous dire »")
    func levenshtein() {
        #expect(Suggestions.levenshtein("kitten", "sitting") == 3)
        #expect(Suggestions.levenshtein("join_rat", "join_rate") == 1)
        #expect(Suggestions.levenshtein("", "abc") == 3)
        #expect(Suggestions.levenshtein("Unit", "unit") == 0)
        #expect(Suggestions.nearest(to: "dropout", among: ["join_rate", "dropout_rate", "premium"]) == "dropout_rate")
    }

    private func otherValue(than value: ParameterValue, kind: ParameterSchema.Kind) -> ParameterValue {
        switch (value, kind) {
        case (.real(let x), _): .real(x + 0.125)
        case (.derived, _): .real(1_000)
        case (.integer(let n), _): .integer(n + 1)
        case (.boolean(let b), _): .boolean(!b)
        case (.choice(let raw), .choice(let allowed)): .choice(allowed.first { $0 != raw } ?? raw)
        case (.text(let s), _): .text(s + "x")
        case (.choice, _): value
        }
    }
}
