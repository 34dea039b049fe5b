#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

extension Parameters {
    /// Birth hazard per person-year that makes births minus deaths grow the population by
    /// `growthRate` a year: ln(1 + g) + d (about 4.1 % at the defaults).
    public var birthHazard: Double { log1p(demography.growthRate) + demography.crudeDeathRate }

    /// Conceptions a year that give, a pregnancy later, the births the population then needs: births
    /// should equal the birth hazard times the population at the delivery, and conceptions make up for
    /// mothers who die while pregnant (survival exp(−d · duration)).
    func conceptionsWanted(population: Double) -> Double {
        let d = demography
        let birthsWanted = birthHazard * population * demography.populationIndex(after: d.pregnancyDuration)
        return birthsWanted * exp(d.crudeDeathRate * d.pregnancyDuration)
    }

    /// Per-person consumption multiplier of a sector (indigents poorer, formal households richer).
    public func consumptionMultiplier(_ sector: Sector) -> Double {
        switch sector {
        case .formal: consumption.multiplierFormal
        case .indigent: consumption.multiplierIndigent
        case .informal: consumption.multiplierInformal
        }
    }
}
