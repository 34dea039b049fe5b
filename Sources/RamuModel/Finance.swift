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
    /// The health share of the state budget, averaged over the year.
    public var healthShare = 0.0
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
    /// The year's money from its accounts (unweighted FCFA accrued at the rates in force), its policy
    /// segments (budget-level amounts are weighted by how long each segment lasts), and the population
    /// at its start. Every amount in MFCFA.
    /// - Parameters:
    ///   - startHealthBudget: the state health budget of the start year (MFCFA), base of supply-side spending.
    ///   - gratuiteBudgetLine: what the state transfers to the pool for integrated gratuités this year (MFCFA).
    public init(year: Int, segments: [PolicySegment], accounts a: YearAccounts, weight: Double, population: Double,
                startHealthBudget: Double, gratuiteBudgetLine: Double) {
        let p0 = segments[0].parameters
        let elapsed = Double(year - p0.simulation.startYear)
        func average(_ f: (Parameters) -> Double) -> Double {
            segments.reduce(0) { $0 + $1.duration * f($1.parameters) }
        }
        func prices(_ p: Parameters) -> Double { pow(1 + p.macro.inflation, elapsed) }
        func nominalGrowth(_ p: Parameters) -> Double {
            pow((1 + p.macro.realGDPGrowth) * (1 + p.macro.inflation), elapsed)
        }
        let mfcfa = weight / 1_000_000  // unweighted FCFA → MFCFA for Mali

        gdp = average { $0.macro.gdp2020 * nominalGrowth($0) }
        healthShare = average { $0.budget.healthShare }
        healthBudget = average { $0.budget.healthShare * $0.macro.stateBudgetShareOfGDP * $0.macro.gdp2020 * nominalGrowth($0) }
        supplySide = average { $0.budget.supplySideShare * prices($0) } * startHealthBudget
        donors = average { $0.donors.perCapitaUSD * $0.donors.fcfaPerUSD * prices($0) } * population / 1_000_000
        outOfPocket = a.outOfPocket * mfcfa
        gratuitesCost = a.gratuiteCost * mfcfa
        separateGratuites = (a.gratuiteCost - a.gratuitePaidByPool) * mfcfa

        amo.claims = a.claims.amo * mfcfa
        amo.admin = a.admin.amo * mfcfa
        amo.revenue[FinancingSource.contributions.rawValue] = a.contributions.amo * mfcfa

        // RAMED: the state and the collectivités pay what it spends (the latter only in part, if so set).
        ramed.claims = a.claims.ramed * mfcfa
        ramed.admin = a.admin.ramed * mfcfa
        ramed.revenue[FinancingSource.state.rawValue] = a.ramedState * mfcfa
        ramed.revenue[FinancingSource.collectivites.rawValue] = a.ramedCollectivites * mfcfa

        mutuelle.claims = a.claims.mutuelle * mfcfa
        mutuelle.admin = a.admin.mutuelle * mfcfa
        mutuelle.revenue[FinancingSource.state.rawValue] = a.premiumsState.mutuelle * mfcfa
        mutuelle.revenue[FinancingSource.premiums.rawValue] = a.premiumsHousehold.mutuelle * mfcfa

        // RAMU: contributions of formal members, premiums, state subsidies and the gratuité budget line,
        // earmarked taxes; it pays its members' claims and, when integrated, the gratuités.
        taxRevenue = p0.taxes.map { tax in
            let collectedShare = min(1, max(0, Double(year + 1) - tax.start))
            return tax.base * nominalGrowth(p0) * tax.rate * tax.collectionEfficiency * tax.shareToRAMU * collectedShare
        }
        ramu.claims = (a.claims.ramu + a.gratuitePaidByPool) * mfcfa
        ramu.admin = a.admin.ramu * mfcfa
        ramu.revenue[FinancingSource.contributions.rawValue] = a.contributions.ramu * mfcfa
        ramu.revenue[FinancingSource.premiums.rawValue] = a.premiumsHousehold.ramu * mfcfa
        ramu.revenue[FinancingSource.state.rawValue] = a.premiumsState.ramu * mfcfa + gratuiteBudgetLine
        ramu.revenue[FinancingSource.taxes.rawValue] = taxRevenue.reduce(0, +)

        // The state budget pays supply side, then RAMED, separate gratuités and subsidies (section 7).
        stateCommitments = ramed.revenue[FinancingSource.state.rawValue] + separateGratuites
            + mutuelle.revenue[FinancingSource.state.rawValue] + ramu.revenue[FinancingSource.state.rawValue]
    }
}
