import Foundation
import RamuModel
import ScenarioFiles
import Testing

/// A tax's kind decides its fields (issue 13, item 5): what is missing or misplaced is located and named.
@Suite("Earmarked taxes of each kind")
struct TaxKindTests {
    func load(_ taxes: String) throws -> Result<Parameters, ScenarioError> {
        let dir = try ScratchDirectory()
        let path = try dir.write("tax.yaml", "taxes:\n" + taxes)
        do { return .success(try ScenarioLoader.load(path: path).parameters) } catch { return .failure(error) }
    }

    @Test func aPerUnitTaxLoadsWithItsFields() throws {
        let p = try load("""
              - {name: Alcool, kind: per_unit, rate: 1000, volume: 4.0e7, volume_growth: 0.04, start: 2025.0,
                 collection_efficiency: 0.9, share_to_ramu: 0.6}
            """).get()
        #expect(p.taxes.count == 1)
        let tax = p.taxes[0]
        #expect(tax.kind == .perUnit)
        #expect(tax.rate == 1000)
        #expect(tax.volume == 4e7)
        #expect(tax.volumeGrowth == 0.04)
        // Its revenue in 2027: rate × volume × 1.04^7 × 1.02^7 × 0.9 × 0.6, in MFCFA.
        let gross: Double = 1000 * 4e7 * pow(1.04, 7.0) * pow(1.02, 7.0)
        let expected = gross * 0.9 * 0.6 / 1e6
        #expect(abs(tax.revenueToRAMU(year: 2027, p) - expected) <= 1e-9 * expected)
        #expect(tax.revenueToRAMU(year: 2024, p) == 0)
    }

    @Test func aMissingFieldIsLocatedWithTheKindsList() throws {
        guard case .failure(let error) = try load("""
              - name: Alcool
                kind: per_unit
                rate: 1000
                start: 2025.0
                collection_efficiency: 0.9
                share_to_ramu: 0.6
            """) else { Issue.record("accepted without a volume"); return }
        #expect(error.line == 2 && error.column == 5, "\(error)")
        #expect(error.keyPath == "taxes[0].volume")
        #expect(error.message.contains("une taxe per_unit donne name, rate, volume, volume_growth, start, collection_efficiency et share_to_ramu"),
                "\(error.message)")
    }

    @Test func aFieldOfAnotherKindIsNamedAsSuch() throws {
        guard case .failure(let error) = try load("""
              - {name: Mines, base: 2500000, rate: 0.01, volume: 3, start: 2023.0, collection_efficiency: 0.8, share_to_ramu: 1}
            """) else { Issue.record("accepted a volume on an ad valorem tax"); return }
        #expect(error.line == 2, "\(error)")
        #expect(error.keyPath == "taxes[0].volume")
        #expect(error.message.contains("per_unit") && error.message.contains("ad_valorem (kind absent)"), "\(error.message)")
    }

    @Test func aRateIsCheckedAgainstItsKindsRange() throws {
        // 1 000 is a fine rate per litre but not a fraction of a base.
        guard case .failure(let error) = try load("""
              - {name: Mines, base: 2500000, rate: 1000, start: 2023.0, collection_efficiency: 0.8, share_to_ramu: 1}
            """) else { Issue.record("accepted a rate of 1000 on an ad valorem tax"); return }
        #expect(error.keyPath == "taxes[0].rate")
        #expect(try load("""
              - {name: Tabac, kind: per_unit, rate: 1000, volume: 1, volume_growth: 0, start: 2023.0, collection_efficiency: 1, share_to_ramu: 1}
            """).get().taxes[0].rate == 1000)
    }

    @Test func anUnknownKindIsRefused() throws {
        guard case .failure(let error) = try load("""
              - {name: Mines, kind: forfait, base: 1, rate: 0.01, start: 2023.0, collection_efficiency: 0.8, share_to_ramu: 1}
            """) else { Issue.record("accepted kind: forfait"); return }
        #expect(error.keyPath == "taxes[0].kind")
        #expect(error.message.contains("ad_valorem") && error.message.contains("per_unit"), "\(error.message)")
    }
}
