#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// One earmarked tax instrument (MODEL.md section 7): its kind says how its revenue is computed and
/// which fields a scenario file must give it.
public struct EarmarkedTax: Sendable, Equatable {
    public var name: String
    public var kind: TaxKind
    /// Ad valorem: the base in MFCFA in the start year (it grows with nominal GDP), taxed at `rate`.
    public var base: Double
    /// Ad valorem: a fraction of the base; per unit: FCFA per unit, in start-year prices.
    public var rate: Double
    /// Per unit: units taxed in the start year (litres, say), growing by `volumeGrowth` a year.
    public var volume: Double
    public var volumeGrowth: Double
    /// When it comes into force (decimal year, e.g. 2023.0).
    public var start: Double
    public var collectionEfficiency: Double
    public var shareToRAMU: Double

    public init(name: String, kind: TaxKind = .adValorem, base: Double = 0, rate: Double, volume: Double = 0,
                volumeGrowth: Double = 0, start: Double, collectionEfficiency: Double, shareToRAMU: Double) {
        self.name = name
        self.kind = kind
        self.base = base
        self.rate = rate
        self.volume = volume
        self.volumeGrowth = volumeGrowth
        self.start = start
        self.collectionEfficiency = collectionEfficiency
        self.shareToRAMU = shareToRAMU
    }

    /// What the tax brings RAMU in `year` (MFCFA), at the rates of `p`: its gross revenue in force
    /// that year, times what is collected and the share assigned to RAMU, times the part of the year
    /// it is in force (a tax that starts mid-year collects from then on).
    public func revenueToRAMU(year: Int, _ p: Parameters) -> Double {
        kind.revenue(of: self, year: year, p) * collectionEfficiency * shareToRAMU * inForce(year)
    }

    /// Share of `year` the tax is in force.
    public func inForce(_ year: Int) -> Double { min(1, max(0, Double(year + 1) - start)) }
}

/// How a tax's revenue is computed, and the fields it needs (beside those every tax has: `name`,
/// `start`, `collection_efficiency`, `share_to_ramu`). A new kind is a case here, its formula and its
/// fields, and the schema rows of its new fields (`ScenarioFiles`, `ParameterSchema+Taxes.swift`).
public enum TaxKind: String, Sendable, CaseIterable {
    /// `rate` × `base`, the base growing with nominal GDP (a share of turnover, of exports, of sales).
    case adValorem = "ad_valorem"
    /// `rate` FCFA per unit × `volume` units, the volume growing by `volume_growth` a year and the rate
    /// indexed on prices like every other amount (a levy per litre of alcohol, per packet of cigarettes).
    case perUnit = "per_unit"

    /// The fields of this kind that a scenario file must write.
    public var fields: [String] {
        switch self {
        case .adValorem: ["base", "rate"]
        case .perUnit: ["rate", "volume", "volume_growth"]
        }
    }

    /// Gross revenue of `tax` in `year` (MFCFA), before collection and the share to RAMU.
    func revenue(of tax: EarmarkedTax, year: Int, _ p: Parameters) -> Double {
        switch self {
        case .adValorem:
            return tax.base * p.nominalGDPIndex(year: year) * tax.rate
        case .perUnit:
            let years = p.yearsSinceStart(year)
            return tax.rate * tax.volume * pow(1 + tax.volumeGrowth, years) * p.macro.priceIndex(after: years) / 1_000_000
        }
    }
}
