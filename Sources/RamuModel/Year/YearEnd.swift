/// What every household's year end reads (MODEL.md sections 3, 4 and 8), from the parameters in force
/// as the year closes and at the first instant of the next.
struct YearEnd: Sendable, Equatable {
    /// Nominal growth of consumption per person over the year.
    let growth: Double
    /// Households with more living members than this split in two.
    let splitAbove: Int
    /// Each regime's members' regime next year: RAMU, if it is active from the first instant of next
    /// year (a change dated then is in force when its stocks are counted).
    let merged: ByRegime<Regime>
    /// A household that splits off draws its consumption per person like any of its sector, at next
    /// year's prices: the mean, the log-sd, and the sectors' multipliers (by `Sector.rawValue`).
    let splitConsumptionMean: Double
    let consumptionSigma: Double
    let consumptionMultiplier: BySector<Double>

    init(year: Int, closing p: Parameters, nextYearStart: Parameters) {
        growth = (1 + p.macro.realIncomeGrowth) * (1 + p.macro.inflation)
        splitAbove = Int((2 * p.households.meanSize).rounded(.down))
        merged = Rules.regimes(mergedBy: nextYearStart)
        splitConsumptionMean = p.consumption.meanPerPerson * p.nominalIncomeIndex(year: year + 1)
        consumptionSigma = p.consumption.sigma
        consumptionMultiplier = Table(Sector.allCases.map(p.consumptionMultiplier))
    }
}
