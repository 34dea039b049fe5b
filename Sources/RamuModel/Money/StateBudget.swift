/// Where the state's health money goes each year (MODEL.md section 7, second version).
extension YearMoney {
    /// The state health budget pays, in this order: its supply side; its commitments (RAMED's share,
    /// separate gratuités, premium subsidies and the gratuité budget line, already in the pools' revenue);
    /// then the pools' deficits — what each pool's reserve and this year's balance leave below zero — so
    /// that a reserve goes below zero only when the state cannot pay (a balancing subsidy, shared in
    /// proportion to the deficits); then `allocationShare` of what is left to `allocationPool` (RAMU's,
    /// while it is active) as revenue. The rest is fiscal space.
    ///
    /// When the budget cannot pay all its commitments, what is missing is not paid: it is kept first from
    /// the pools whose reserve can bear it (the state and the pools are netted), then from every commitment
    /// in proportion, separate gratuités included. The financing gap is what has no payer
    /// this year: supply side and separate gratuités the budget cannot pay, and new deficits that neither
    /// the pools' reserves nor the state cover (arrears of past years stay in the reserves, below zero,
    /// and are not counted again). So a gap never stands beside unspent fiscal space.
    /// - Parameters:
    ///   - supplySide: this year's supply side (MFCFA).
    ///   - reserves: each pool's reserve at the end of last year (MFCFA).
    mutating func allocateStateBudget(supplySide: Double, reserves: PerRegime, allocationShare: Double,
                                      allocationPool: Regime?) {
        self.supplySide = supplySide
        let state = FinancingSource.state.rawValue
        // Supply side first, then the commitments. What the budget cannot pay of them is first kept from
        // the pools that can bear it on their reserve (the state and the pools are netted), then from every
        // commitment in proportion to what remains of it (separate gratuités included).
        let unpaidSupply = max(0, supplySide - healthBudget)
        let forCommitments = max(0, healthBudget - supplySide)
        var shortfall = max(0, stateCommitments - forCommitments)
        let owedToPools = pools.map { $0.revenue[state] }
        let bearable = Regime.pools.indices.map { min(owedToPools[$0], max(0, reserves[Regime.pools[$0]] + pools[$0].balance)) }
        let canBear = bearable.reduce(0, +)
        let borne = min(shortfall, canBear)
        for i in pools.indices { pools[i].stateWithheld = canBear > 0 ? bearable[i] * (borne / canBear) : 0 }
        shortfall -= borne
        let remaining = separateGratuites + pools.indices.reduce(0.0) { $0 + owedToPools[$1] - pools[$1].stateWithheld }
        let unpaidShare = remaining > 0 ? min(1, shortfall / remaining) : 0
        for i in pools.indices {
            pools[i].stateWithheld += unpaidShare * (owedToPools[i] - pools[i].stateWithheld)
            pools[i].revenue[state] -= pools[i].stateWithheld
        }
        let unpaidGratuites = unpaidShare * separateGratuites
        var left = max(0, forCommitments - stateCommitments)
        // The pools' deficits: what their reserves and this year's balance leave below zero.
        let deficits = Regime.pools.indices.map { max(0, -(reserves[Regime.pools[$0]] + pools[$0].balance)) }
        let owed = deficits.reduce(0, +)
        poolSubsidy = min(left, owed)
        var newUnpaid = 0.0
        for i in pools.indices {
            pools[i].balancingSubsidy = owed > 0 ? deficits[i] * (poolSubsidy / owed) : 0
            pools[i].revenue[state] += pools[i].balancingSubsidy
            let arrears = max(0, -reserves[Regime.pools[i]])
            newUnpaid += max(0, deficits[i] - pools[i].balancingSubsidy - arrears)
        }
        left -= poolSubsidy
        ramuAllocation = allocationPool == nil ? 0 : allocationShare * left
        if let pool = allocationPool, let i = Regime.pools.firstIndex(of: pool) {
            pools[i].stateAllocation = ramuAllocation
            pools[i].revenue[state] += ramuAllocation
        }
        fiscalSpace = left - ramuAllocation
        financingGap = unpaidSupply + unpaidGratuites + newUnpaid
    }

    /// What the pools' deficits would be with these reserves, before any balancing subsidy (MFCFA).
    func poolDeficits(reserves: PerRegime) -> Double {
        Regime.pools.indices.reduce(0) { $0 + max(0, -(reserves[Regime.pools[$1]] + pools[$1].balance)) }
    }
}
