import RandomStreams

/// A stretch of a year over which the parameters are constant (MODEL.md section 8: policy changes
/// split the year; a ramp is taken at the segment's midpoint, its average over the segment), with the
/// rules households read in it.
public struct PolicySegment: Sendable {
    public let start: Double
    public let end: Double
    /// For the money side of the year (budget, donors, taxes); households read `rules` only.
    public let parameters: Parameters
    public let rules: Rules
    /// The laws of the count of needs over a whole year, by group and number of members (kept alive
    /// here, read through `needTable`, a plain pointer that costs no reference counting per draw).
    let needTables: NeedTables
    nonisolated(unsafe) let needTable: UnsafePointer<PoissonTable>
    /// A household's seeking and levels by its percentile of consumption per person (1 … 100), read
    /// through a plain pointer (`careTable` keeps them alive).
    let careTable: PercentileCare
    nonisolated(unsafe) let careByPercentile: UnsafePointer<HouseholdCare>

    /// - Parameter relativeConsumption: ln(consumption per person / median) at the middle of each
    ///   percentile (100 values, poorest first), or empty: everyone at the median.
    init(start: Double, end: Double, year: Int, parameters p: Parameters, census: Census,
         relativeConsumption: [Double] = []) {
        self.start = start
        self.end = end
        parameters = p
        rules = Rules(p, year: year, census: census)
        needTables = NeedTables(rules.care.needRates)
        needTable = UnsafePointer(needTables.base)
        careTable = PercentileCare(rules.care.income, relativeConsumption: relativeConsumption,
                                   needRates: rules.care.needRates)
        careByPercentile = UnsafePointer(careTable.base)
    }

    /// The care of a household in percentile `p` (1 … 100).
    @inline(__always) func care(percentile p: Int) -> HouseholdCare { careByPercentile[p - 1] }

    public var duration: Double { end - start }
}
