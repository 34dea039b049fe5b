/// Who finances health spending (MODEL.md section 7): the seven sources of CHE.
public enum FinancingSource: Int, CaseIterable, Sendable {
    case state, collectivites, donors, contributions, premiums, taxes, outOfPocket
}

/// One insurance pool's year, in MFCFA: revenue by source, claims, administration.
public struct PoolYear: Sendable, Equatable {
    public var revenue: [Double] = Array(repeating: 0, count: FinancingSource.allCases.count)
    public var claims = 0.0
    public var admin = 0.0
    /// The parts of its state revenue that are the budget's balancing subsidy and its allocation to RAMU
    /// (MODEL.md section 7, second version), beside its premiums' subsidies and gratuité budget line.
    public var balancingSubsidy = 0.0
    public var stateAllocation = 0.0
    /// What the state owed it this year (subsidies, its share) but could not pay: not in its revenue.
    public var stateWithheld = 0.0

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
