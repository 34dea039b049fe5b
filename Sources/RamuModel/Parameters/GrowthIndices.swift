#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

// Growth indices: how much a quantity has grown `years` after the start year at the rates of the
// parameters (MODEL.md section 7: every amount is nominal). One formula each, read by every amount
// that grows so.

extension Parameters.Macro {
    /// Prices: (1 + inflation)^years.
    public func priceIndex(after years: Double) -> Double { pow(1 + inflation, years) }
    /// Nominal GDP, the state budget and the tax bases: ((1 + real growth)(1 + inflation))^years.
    public func nominalGDPIndex(after years: Double) -> Double { pow((1 + realGDPGrowth) * (1 + inflation), years) }
    /// Nominal incomes (consumption, wages): ((1 + real income growth)(1 + inflation))^years.
    public func nominalIncomeIndex(after years: Double) -> Double {
        pow((1 + realIncomeGrowth) * (1 + inflation), years)
    }
    /// The cost of care: (1 + medical inflation)^years.
    public func medicalPriceIndex(after years: Double) -> Double { pow(1 + medicalInflation, years) }
}

extension Parameters.Demography {
    /// Population: (1 + growth rate)^years.
    public func populationIndex(after years: Double) -> Double { pow(1 + growthRate, years) }
}

extension Parameters {
    /// Years from the start year to the start of `year`.
    public func yearsSinceStart(_ year: Int) -> Double { Double(year - simulation.startYear) }

    /// The indices of `Parameters.Macro` at the start of `year`.
    public func priceIndex(year: Int) -> Double { macro.priceIndex(after: yearsSinceStart(year)) }
    public func nominalGDPIndex(year: Int) -> Double { macro.nominalGDPIndex(after: yearsSinceStart(year)) }
    public func nominalIncomeIndex(year: Int) -> Double { macro.nominalIncomeIndex(after: yearsSinceStart(year)) }
    public func medicalPriceIndex(year: Int) -> Double { macro.medicalPriceIndex(after: yearsSinceStart(year)) }

    /// The state health budget in `year` (MFCFA): the health share of the state budget, itself a share
    /// of nominal GDP.
    public func healthBudget(year: Int) -> Double {
        budget.healthShare * macro.stateBudgetShareOfGDP * macro.gdp2020 * nominalGDPIndex(year: year)
    }
}
