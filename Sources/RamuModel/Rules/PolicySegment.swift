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

    init(start: Double, end: Double, year: Int, parameters p: Parameters, census: Census) {
        self.start = start
        self.end = end
        parameters = p
        rules = Rules(p, year: year, census: census)
        needTables = NeedTables(rules.care.needRates)
        needTable = UnsafePointer(needTables.base)
    }

    public var duration: Double { end - start }
}
