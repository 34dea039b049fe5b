import Testing
import Foundation
@testable import RamuModel

@Suite("Payer cascade and benefit rules (MODEL.md section 5)")
struct CascadeTests {
    @Test func gratuiteThatWorksPaysEverything() {
        let s = CostSplit.split(cost: 10_000, gratuiteWorks: true, coverageRate: 0.7)
        #expect(s == CostSplit(gratuite: 10_000, regime: 0, outOfPocket: 0))
    }

    @Test func regimePaysItsRateAndHouseholdTheRest() {
        let s = CostSplit.split(cost: 10_000, gratuiteWorks: false, coverageRate: 0.7)
        #expect(s.gratuite == 0)
        #expect(abs(s.regime - 7_000) < 1e-9)
        #expect(abs(s.outOfPocket - 3_000) < 1e-9)
    }

    @Test func benefitRulesByRegimeAndLevel() {
        let rules = Rules(Parameters(), year: 2020, census: Census())
        func coverageRate(_ regime: Regime, _ kind: CareKind) -> Double { rules.regimes[regime].benefits.coverage[Int(Sector.informal.rawValue)][kind.rawValue] }
        #expect(coverageRate(.none, .csCom) == 0)
        #expect(coverageRate(.amo, .csCom) == 0.70)
        #expect(coverageRate(.amo, .hospital) == 0.80)
        #expect(coverageRate(.amo, .caesarean) == 0.80)
        #expect(coverageRate(.ramed, .hospital) == 1.0)
        #expect(coverageRate(.mutuelle, .csRef) == 0.75)
        #expect(coverageRate(.mutuelle, .hospital) == 0)  // CSCom and CSRéf only
        #expect(coverageRate(.ramu, .hospital) == 0.80)
    }

    @Test func birthHazardGivesThreePercentGrowth() {
        let p = Parameters()
        // exp(b − d) = 1 + g: births minus deaths grow the population by exactly g a year.
        #expect(abs(exp(p.birthHazard - p.demography.crudeDeathRate) - 1.03) < 1e-12)
        #expect(abs(p.birthHazard - 0.041) < 0.001)  // the crude birth rate of MODEL.md, 4.1 %
    }
}

@Suite("Money: pools, state budget, CHE by source (MODEL.md section 7)")
struct MoneyTests {
    func accounts() -> YearAccounts {
        var a = YearAccounts()
        a.gratuiteCost = 4_000_000
        a.claims[.amo] = 2_000_000
        a.admin[.amo] = 160_000
        a.claims[.ramed] = 1_000_000
        a.spendingPaidByState[.ramed] = 850_000
        a.spendingPaidByCollectivites[.ramed] = 60_000  // communes paid part of their 150 000
        a.claims[.mutuelle] = 500_000
        a.admin[.mutuelle] = 75_000
        a.premiumsHousehold[.mutuelle] = 345_000
        a.premiumsState[.mutuelle] = 345_000
        a.contributions[.amo] = 1_968_000
        a.outOfPocket = 9_000_000
        return a
    }

    func segments(_ p: Parameters, year: Int = 2020, timeline: PolicyTimeline = PolicyTimeline()) -> [PolicySegment] {
        var census = Census()
        census.population = 1000
        census.womenNotPregnant = 200
        return YearContext(year: year, base: p, timeline: timeline, seed: 1, replication: 0, census: census,
                           medianConsumption: 200_000).segments
    }

    @Test func cheBySourceAddsUpToCHE() {
        var p = Parameters()
        p.taxes = [EarmarkedTax(name: "télécoms", base: 600_000, rate: 0.01, start: 2023.5,
                                collectionEfficiency: 0.8, shareToRAMU: 0.5)]
        for year in [2020, 2023, 2024] {
            for integrated in [false, true] {
                var a = accounts()
                if integrated { a.gratuitePaidByPool = 3_000_000; a.claims[.ramu] = 700_000; a.admin[.ramu] = 300_000 }
                var m = YearMoney(year: year, segments: segments(p, year: year), accounts: a, weight: 100,
                                  population: 20_000_000,
                                  gratuiteBudgetLine: integrated ? 250 : 0)
                m.allocateStateBudget(supplySide: 40_000, reserves: PerRegime(), allocationShare: 0.5,
                                      allocationPool: integrated ? .ramu : nil)
                let sum = m.cheBySource.reduce(0, +)
                #expect(abs(sum - m.cheTotal) <= 1e-9 * m.cheTotal)
                #expect(m.poolBalance == m.poolRevenue - m.poolSpending)
                // CHE counts what was spent: care paid by anyone, supply side, donors, administration.
                let claims = Regime.allCases.reduce(0.0) { $0 + a.claims[$1] }
                let care = (a.gratuiteCost + claims + a.outOfPocket) * 100 / 1e6
                let admin = Regime.allCases.reduce(0.0) { $0 + a.admin[$1] } * 100 / 1e6
                #expect(abs(m.cheTotal - (care + admin + m.supplySide + m.donors)) < 1e-6 * m.cheTotal)
            }
        }
    }

    @Test func poolArithmetic() {
        let p = Parameters()
        let m = YearMoney(year: 2020, segments: segments(p), accounts: accounts(), weight: 100,
                          population: 20_537_000, gratuiteBudgetLine: 0)
        // Weighted: 2 000 000 FCFA × 100 = 200 MFCFA of AMO claims, 16 of admin, 196.8 of contributions.
        #expect(abs(m.pool(.amo).claims - 200) < 1e-9)
        #expect(abs(m.pool(.amo).admin - 16) < 1e-9)
        #expect(abs(m.pool(.amo).totalRevenue - 196.8) < 1e-9)
        // RAMED: 85 from the state, 6 from the collectivités against 100 spent: a deficit of 9.
        #expect(abs(m.pool(.ramed).balance + 9) < 1e-9)
        #expect(abs(m.pool(.mutuelle).revenue[FinancingSource.premiums.rawValue] - 34.5) < 1e-9)
        // Health budget 2020: 5.1 % × 22 % × 10 000 000 MFCFA; commitments: RAMED 85, gratuités 400, subsidy 34.5.
        #expect(abs(m.healthBudget - 112_200) < 1e-6)
        #expect(abs(m.separateGratuites - 400) < 1e-9)
        #expect(abs(m.stateCommitments - (85 + 400 + 34.5)) < 1e-9)
    }

    /// MODEL.md section 7, second version: supply side, commitments, the pools' deficits, RAMU's share of
    /// what is left, fiscal space; the gap is what neither could pay, never beside fiscal space.
    @Test func theStateBudgetPaysInOrder() {
        let p = Parameters()
        let commitments = 85 + 400 + 34.5
        // Deficits with no reserve: AMO 196.8 − 216 = −19.2, RAMED −9; the mutuelles' surplus is theirs.
        func allocated(supply: Double, reserves: PerRegime = PerRegime(), share: Double = 0, pool: Regime? = nil) -> YearMoney {
            var m = YearMoney(year: 2020, segments: segments(p), accounts: accounts(), weight: 100,
                              population: 20_537_000, gratuiteBudgetLine: 0)
            m.allocateStateBudget(supplySide: supply, reserves: reserves, allocationShare: share, allocationPool: pool)
            return m
        }
        let ample = allocated(supply: 80_000)
        #expect(abs(ample.poolSubsidy - 28.2) < 1e-9)
        #expect(abs(ample.fiscalSpace - (112_200 - 80_000 - commitments - 28.2)) < 1e-6)
        #expect(ample.financingGap == 0)
        #expect(abs(ample.pool(.amo).balance) < 1e-9 && abs(ample.pool(.ramed).balance) < 1e-9)  // balanced
        #expect(abs(ample.pool(.mutuelle).balance - 11.5) < 1e-9)
        // A reserve pays its pool's deficit first: AMO's 100 leaves only RAMED's 9 to the state.
        var reserves = PerRegime()
        reserves[.amo] = 100
        #expect(abs(allocated(supply: 80_000, reserves: reserves).poolSubsidy - 9) < 1e-9)
        // 10 left for 28.2 of deficits: shared in proportion, 18.2 unpaid, no fiscal space.
        let short = allocated(supply: 112_200 - commitments - 10)
        #expect(abs(short.poolSubsidy - 10) < 1e-9)
        #expect(abs(short.financingGap - 18.2) < 1e-9)
        #expect(short.fiscalSpace == 0)
        #expect(abs(short.pool(.amo).balance + 19.2 * (1 - 10 / 28.2)) < 1e-9)
        // Commitments beyond the budget (200 for 519.5): the mutuelles' surplus of 11.5 bears that much of
        // their subsidy first (netted); the rest is kept from every commitment in proportion to what remains.
        let over = allocated(supply: 112_000)
        #expect(over.poolSubsidy == 0 && over.fiscalSpace == 0)
        #expect(abs(over.financingGap - (commitments - 200 + 28.2 - 11.5)) < 1e-9, "\(over.financingGap)")
        let unpaid = (commitments - 200 - 11.5) / (commitments - 11.5)
        #expect(abs(over.pool(.ramed).stateWithheld - 85 * unpaid) < 1e-9)
        #expect(abs(over.pool(.mutuelle).stateWithheld - (11.5 + (34.5 - 11.5) * unpaid)) < 1e-9)
        // Arrears are not counted again: a pool already 50 below zero owes them, but only this year's
        // deficit is new.
        var owing = PerRegime()
        owing[.ramed] = -50
        let arrears = allocated(supply: 112_200 - commitments, reserves: owing)
        #expect(abs(arrears.financingGap - 28.2) < 1e-9, "\(arrears.financingGap)")
        // Half of what is left to RAMU, as state revenue of its pool; the other half is fiscal space.
        let shared = allocated(supply: 80_000, share: 0.5, pool: .ramu)
        #expect(abs(shared.ramuAllocation - ample.fiscalSpace / 2) < 1e-6)
        #expect(abs(shared.fiscalSpace - ample.fiscalSpace / 2) < 1e-6)
        #expect(abs(shared.pool(.ramu).revenue[FinancingSource.state.rawValue] - shared.ramuAllocation) < 1e-9)
        for m in [ample, short, over, shared] { #expect(m.financingGap == 0 || m.fiscalSpace == 0) }
    }

    @Test func aBudgetRampIsAveragedOverTheYear() {
        var p = Parameters()
        let timeline = PolicyTimeline([PolicyChange(key: "budget.health_share", start: 2021, end: 2025,
                                                    action: .ramp(get: { $0.budget.healthShare },
                                                                  set: { $0.budget.healthShare = $1 }, target: 0.15))])
        p.macro.inflation = 0
        p.macro.realGDPGrowth = 0
        let m = YearMoney(year: 2022, segments: segments(p, year: 2022, timeline: timeline), accounts: YearAccounts(),
                          weight: 1, population: 1, gratuiteBudgetLine: 0)
        // Over 2022 the share goes from 0.07575 to 0.1005: its average is 0.088125.
        #expect(abs(m.healthShare - 0.088125) < 1e-12)
        #expect(abs(m.healthBudget - 0.088125 * 0.22 * 10_000_000) < 1e-6)
    }

    @Test func taxStartsPartWayThroughTheYear() {
        var p = Parameters()
        p.taxes = [EarmarkedTax(name: "mines", base: 1_000, rate: 0.1, start: 2021.25, collectionEfficiency: 1,
                                shareToRAMU: 1)]
        let before = YearMoney(year: 2020, segments: segments(p), accounts: YearAccounts(), weight: 1, population: 1,
                               gratuiteBudgetLine: 0)
        let during = YearMoney(year: 2021, segments: segments(p, year: 2021), accounts: YearAccounts(), weight: 1,
                               population: 1, gratuiteBudgetLine: 0)
        #expect(before.earmarkedTaxes == 0)
        let growth = (1 + p.macro.realGDPGrowth) * (1 + p.macro.inflation)
        #expect(abs(during.earmarkedTaxes - 1_000 * growth * 0.1 * 0.75) < 1e-9)
        #expect(during.pool(.ramu).revenue[FinancingSource.taxes.rawValue] == during.earmarkedTaxes)
    }

    @Test func poolWithoutRevenueIsChargedToTheState() {
        var pool = PoolYear()
        pool.claims = 10
        let s = pool.spendingBySource()
        #expect(s[FinancingSource.state.rawValue] == 10)
        #expect(s.reduce(0, +) == 10)
    }
}

@Suite("Financial protection (SDG 3.8.2) and the weighted median")
struct ProtectionTests {
    func context(median: Double) -> YearContext {
        var census = Census()
        census.population = 100
        census.womenNotPregnant = 20
        return YearContext(year: 2020, parameters: Parameters(), seed: 1, replication: 0, census: census,
                           medianConsumption: median)
    }

    @Test func societalPovertyLineFollowsTheMedian() {
        // Median 365 × 215 × 4 FCFA a year = 4 PPP$ a day: SPL = 1.15 + 2 = 3.15 $/day.
        let c = context(median: 365 * 215 * 4)
        #expect(abs(c.societalPovertyLine - 3.15 * 215 * 365) < 1e-6)
        // A low median: the 2.15 $ floor applies.
        let poor = context(median: 365 * 215 * 1)
        #expect(abs(poor.societalPovertyLine - 2.15 * 215 * 365) < 1e-6)
    }

    @Test func householdCountsByThreshold() {
        var worker = HouseholdWorker()
        let c = context(median: 365 * 215 * 4)  // SPL = 246 872.5 FCFA a year
        var h = Household(id: 1, sector: .informal, regime: .none, consumptionPerPerson: 300_000)
        h.sizeAtYearStart = 4  // consumption 1 200 000; discretionary 1 200 000 − 987 490 = 212 510
        var a = YearAccounts()
        worker.countFinancialProtection(h, oop: 130_000, c, &a)  // 10.8 % of consumption, 61 % of discretionary
        #expect(a.catastrophic10 == 4)
        #expect(a.catastrophic25 == 0)
        #expect(a.hardshipLarge == 4)
        #expect(a.hardshipImpoverishing == 0)
        #expect(a.impoverished == 0)  // (1 200 000 − 130 000) / 4 = 267 500 ≥ 190 000
        var b = YearAccounts()
        worker.countFinancialProtection(h, oop: 500_000, c, &b)  // above the discretionary budget
        #expect(b.catastrophic25 == 4 && b.hardshipImpoverishing == 4 && b.hardshipLarge == 0)
        #expect(b.impoverished == 4)  // (1 200 000 − 500 000) / 4 = 175 000 < 190 000
        var poor = h
        poor.consumptionPerPerson = 150_000
        var d = YearAccounts()
        worker.countFinancialProtection(poor, oop: 1, c, &d)
        #expect(d.furtherImpoverished == 4 && d.hardshipImpoverishing == 4 && d.catastrophic10 == 0)
        var none = YearAccounts()
        worker.household = QuintileAccount()  // as at the start of each household's year
        worker.countFinancialProtection(poor, oop: 0, c, &none)
        var counted = YearAccounts()  // only its people, in its quintile and percentile, poor before and after
        counted.quintiles[1].persons = 4
        counted.concentration.add(percentile: 1, persons: 4, outOfPocket: 0, poolClaims: 0)
        counted.poorBeforeOOP = 4
        counted.poorAfterOOP = 4
        #expect(none == counted)
    }

    @Test func weightedMedianMatchesSorting() {
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for n in [1, 2, 3, 10, 101, 5_000] {
            var points = (0..<n).map { _ in
                ConsumptionPoint(perPerson: (next() * 50).rounded() * 1000, persons: Double(1 + Int(next() * 9)))
            }
            let sorted = points.sorted { $0.perPerson < $1.perPerson }
            let half = sorted.reduce(0) { $0 + $1.persons } / 2
            var cumulative = 0.0
            var expected = sorted.last!.perPerson
            for p in sorted {
                cumulative += p.persons
                if cumulative >= half { expected = p.perPerson; break }
            }
            #expect(weightedQuantiles(&points, [0.5])[0] == expected, "n = \(n)")
        }
    }
}

@Suite("Weighted quantiles")
struct QuantileTests {
    /// The weighted quantiles by the definition: sort, then the first value whose cumulative weight
    /// reaches q of the total.
    static func bySorting(_ points: [ConsumptionPoint], _ qs: [Double]) -> [Double] {
        let sorted = points.sorted { $0.perPerson < $1.perPerson }
        let total = sorted.reduce(0) { $0 + $1.persons }
        return qs.map { q -> Double in
            var cumulative = 0.0
            for p in sorted {
                cumulative += p.persons
                if cumulative >= q * total { return p.perPerson }
            }
            return sorted.last!.perPerson
        }
    }

    /// A fixed sequence of uniforms on [0, 1) (an LCG: these tests check arithmetic, not randomness).
    static func uniforms(seed: UInt64) -> () -> Double {
        var state = seed
        return {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static let qs = [0.0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0]

    @Test func severalQuantilesAtOnceMatchSorting() {
        let next = Self.uniforms(seed: 7)
        for n in [1, 2, 3, 7, 100, 3_000] {
            let original = (0..<n).map { _ in
                ConsumptionPoint(perPerson: (next() * 40).rounded() * 1000, persons: Double(1 + Int(next() * 9)))
            }
            let expected = Self.bySorting(original, Self.qs)
            var points = original
            #expect(weightedQuantiles(&points, Self.qs) == expected, "n = \(n)")
            var one = original
            #expect(weightedQuantiles(&one, [0.5])[0] == expected[3])
        }
    }

    /// Above 2 048 points the quantiles are found through buckets of values: with values spread over
    /// seven orders of magnitude (some 3 000 buckets, 17 points each), with every value equal, with a
    /// negative value (whose bits do not sort with it: the plain selection takes over), and for 200
    /// quantiles at once (each in a bucket of its own), they are still sorting's.
    @Test func bucketedQuantilesMatchSorting() {
        let next = Self.uniforms(seed: 99)
        let spread = (0..<50_000).map { _ in
            ConsumptionPoint(perPerson: exp(next() * 16) * 10, persons: Double(1 + Int(next() * 12)))
        }
        let equal = Array(repeating: ConsumptionPoint(perPerson: 190_000, persons: 3), count: 3_000)
        var negative = spread
        negative[17].perPerson = -5
        for original in [spread, equal, negative] {
            var points = original
            #expect(weightedQuantiles(&points, Self.qs) == Self.bySorting(original, Self.qs))
        }
        let many = (0...199).map { Double($0) / 199 }
        var points = spread
        #expect(weightedQuantiles(&points, many) == Self.bySorting(spread, many))
    }
}

@Suite("Rule tables: one entry per regime, sector, group and kind of care")
struct RuleTableSizeTests {
    @Test func tablesHaveOneEntryPerCase() {
        #expect(ByRegime<Double>.size == Regime.allCases.count)
        #expect(BySector<Double>.size == Sector.allCases.count)
        #expect(BySectorAndRegime<Double>.size == Sector.allCases.count * Regime.allCases.count)
        #expect(ByGroup<Double>.size == MemberGroup.allCases.count)
        #expect(ByCareKind<Double>.size == CareKind.allCases.count)
    }

    /// Every cell of the enrolment table leads to a regime a household of its sector can be in, and only
    /// moves out of `none` are enrolments into subsidised cover.
    @Test func enrolmentCellsAreConsistent() {
        for active in [false, true] {
            var p = Parameters()
            p.ramu.active = active
            let rules = Rules(p, year: 2025, census: Census())
            for sector in Sector.allCases {
                for regime in Regime.allCases {
                    let cell = rules.enrolment(sector, regime)
                    if cell.subsidised { #expect(regime == .none && cell.target == .ramu && sector.subsidisedByRAMU) }
                    if cell.hazard[0] == 0 && cell.hazard[1] == 0 { #expect(cell.target == regime) }
                    if active && cell.hazard[0] + cell.hazard[1] > 0 { #expect(cell.target == .none || cell.target == .ramu) }
                }
            }
        }
    }
}
