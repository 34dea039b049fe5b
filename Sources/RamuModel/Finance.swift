#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Who finances health spending (MODEL.md section 7): the seven sources of CHE.
public enum FinancingSource: Int, CaseIterable, Sendable {
    case state, collectivites, donors, contributions, premiums, taxes, outOfPocket
}

/// One insurance pool's year, in MFCFA: revenue by source, claims, administration.
public struct PoolYear: Sendable, Equatable {
    public var revenue: [Double] = Array(repeating: 0, count: FinancingSource.allCases.count)
    public var claims = 0.0
    public var admin = 0.0

    public var totalRevenue: Double { revenue.reduce(0, +) }
    public var spending: Double { claims + admin }
    public var balance: Double { totalRevenue - spending }

    /// The pool's spending attributed to its revenue sources in proportion to what each brought in
    /// (a pool with no revenue that year: to the state), so that CHE by source adds up exactly.
    public func spendingBySource() -> [Double] {
        let total = totalRevenue
        guard total > 0 else {
            var s = Array(repeating: 0.0, count: revenue.count)
            s[FinancingSource.state.rawValue] = spending
            return s
        }
        return revenue.map { spending * $0 / total }
    }
}

/// The money of one year (MODEL.md section 7), every amount in MFCFA.
public struct YearMoney: Sendable, Equatable {
    public var gdp = 0.0
    public var healthBudget = 0.0
    public var supplySide = 0.0
    public var donors = 0.0
    /// Gratuités paid directly by the state budget (separate arrangement).
    public var separateGratuites = 0.0
    public var gratuitesCost = 0.0
    public var outOfPocket = 0.0
    public var amo = PoolYear()
    public var ramed = PoolYear()
    public var mutuelle = PoolYear()
    public var ramu = PoolYear()
    /// Earmarked tax revenue assigned to RAMU, per instrument (order of `Parameters.taxes`).
    public var taxRevenue: [Double] = []
    /// Demand-side commitments of the state health budget.
    public var stateCommitments = 0.0

    public var pools: [PoolYear] { [amo, ramed, mutuelle, ramu] }
    public var fiscalSpace: Double { healthBudget - supplySide - stateCommitments }
    public var poolRevenue: Double { pools.reduce(0) { $0 + $1.totalRevenue } }
    public var poolSpending: Double { pools.reduce(0) { $0 + $1.spending } }
    public var poolBalance: Double { poolRevenue - poolSpending }
    public var earmarkedTaxes: Double { taxRevenue.reduce(0, +) }

    /// CHE: what was spent (section 7): care paid by separate gratuités, pools and households,
    /// supply side, donors, and pools' administration.
    public var cheTotal: Double { separateGratuites + poolSpending + outOfPocket + supplySide + donors }

    /// CHE by source; the seven add up to `cheTotal`.
    public var cheBySource: [Double] {
        var s = Array(repeating: 0.0, count: FinancingSource.allCases.count)
        s[FinancingSource.state.rawValue] = supplySide + separateGratuites
        s[FinancingSource.donors.rawValue] = donors
        s[FinancingSource.outOfPocket.rawValue] = outOfPocket
        for pool in pools {
            for (k, v) in pool.spendingBySource().enumerated() { s[k] += v }
        }
        return s
    }
}

extension YearMoney {
    /// The year's money from the year's (weighted) accounts and the population at its start.
    /// - Parameters:
    ///   - accounts: the year's accounts, unweighted (FCFA, counts); `weight` scales them to Mali.
    ///   - startHealthBudget: the state health budget of the start year (MFCFA), base of supply-side spending.
    public init(year: Int, _ p: Parameters, accounts a: YearAccounts, weight: Double, population: Double,
                startHealthBudget: Double) {
        let elapsed = Double(year - p.simulation.startYear)
        let prices = pow(1 + p.macro.inflation, elapsed)
        let nominalGrowth = pow((1 + p.macro.realGDPGrowth) * (1 + p.macro.inflation), elapsed)
        let wages = pow((1 + p.macro.realIncomeGrowth) * (1 + p.macro.inflation), elapsed)
        let mfcfa = weight / 1_000_000  // unweighted FCFA → MFCFA for Mali
        func claims(_ r: Regime) -> Double { a.claims[Int(r.rawValue)] * mfcfa }
        func memberYears(_ r: Regime) -> Double { a.memberYears[Int(r.rawValue)] * weight }

        gdp = p.macro.gdp2020 * nominalGrowth
        healthBudget = p.budget.healthShare * p.macro.stateBudgetShareOfGDP * gdp
        supplySide = p.budget.supplySideShare * startHealthBudget * prices
        donors = p.donors.perCapitaUSD * p.donors.fcfaPerUSD * prices * population / 1_000_000
        outOfPocket = a.outOfPocket * mfcfa
        gratuitesCost = a.gratuiteCost * mfcfa
        let integrated = p.gratuites.arrangement == .integrated
        separateGratuites = integrated ? 0 : gratuitesCost

        // AMO: contributions on the covered wage of each enrolled formal household.
        amo.claims = claims(.amo)
        amo.admin = p.amo.adminRate * amo.claims
        amo.revenue[FinancingSource.contributions.rawValue] = a.amoHouseholdYears * weight * p.amo.averageCoveredWage
            * wages * (p.amo.employeeRate + p.amo.employerRate) / 1_000_000

        // RAMED: the state and the collectivités pay what it spends (the latter only in part, if so set).
        ramed.claims = claims(.ramed)
        ramed.admin = p.ramed.adminRate * ramed.claims
        ramed.revenue[FinancingSource.state.rawValue] = p.ramed.stateShare * ramed.spending
        ramed.revenue[FinancingSource.collectivites.rawValue] = (1 - p.ramed.stateShare)
            * p.ramed.collectivitesPaymentRate * ramed.spending

        // Mutuelles: premiums per member-year, part paid by the state.
        mutuelle.claims = claims(.mutuelle)
        mutuelle.admin = p.mutuelle.adminRate * mutuelle.claims
        let premiums = memberYears(.mutuelle) * p.mutuelle.premium / 1_000_000
        mutuelle.revenue[FinancingSource.state.rawValue] = p.mutuelle.stateSubsidyShare * premiums
        mutuelle.revenue[FinancingSource.premiums.rawValue] = (1 - p.mutuelle.stateSubsidyShare) * premiums

        // RAMU: earmarked taxes; integrated gratuités, paid by the pool and funded by the state's budget line.
        taxRevenue = p.taxes.map { tax in
            let collectedShare = min(1, max(0, Double(year + 1) - tax.start))
            return tax.base * nominalGrowth * tax.rate * tax.collectionEfficiency * tax.shareToRAMU * collectedShare
        }
        ramu.revenue[FinancingSource.taxes.rawValue] = taxRevenue.reduce(0, +)
        ramu.claims = claims(.ramu) + (integrated ? gratuitesCost : 0)
        ramu.admin = p.ramu.adminRate * claims(.ramu)
        ramu.revenue[FinancingSource.state.rawValue] = integrated ? gratuitesCost : 0

        stateCommitments = ramed.revenue[FinancingSource.state.rawValue] + separateGratuites
            + mutuelle.revenue[FinancingSource.state.rawValue] + ramu.revenue[FinancingSource.state.rawValue]
    }
}
