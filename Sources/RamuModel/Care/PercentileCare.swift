/// A household's seeking and levels by its percentile of consumption per person (MODEL.md section 5,
/// second version), worked out once per policy segment at the middle of each percentile, so that the
/// hot path reads them by index (two exponentials per household-year cost a tenth of the run). Written
/// once, then only read, out of line like the need tables.
final class PercentileCare: @unchecked Sendable {
    static let count = 100
    let base: UnsafeMutablePointer<HouseholdCare>

    /// - Parameter relativeConsumption: ln(consumption per person / median) at the middle of each
    ///   percentile, poorest first; empty puts everyone at the median.
    ///   - needRates: annual rate of needs by `MemberGroup.rawValue` (for the whole-year factors).
    init(_ income: IncomeResponse, relativeConsumption x: [Double], needRates: ByGroup<Double>) {
        precondition(x.isEmpty || x.count == Self.count, "one relative consumption per percentile")
        base = .allocate(capacity: Self.count)
        let atMedian = income.forHousehold(logRelativeConsumption: 0).withYearFactors(needRates: needRates)
        for p in 0..<Self.count {
            (base + p).initialize(to: x.isEmpty ? atMedian
                : income.forHousehold(logRelativeConsumption: x[p]).withYearFactors(needRates: needRates))
        }
    }

    deinit {
        base.deinitialize(count: Self.count)
        base.deallocate()
    }
}
