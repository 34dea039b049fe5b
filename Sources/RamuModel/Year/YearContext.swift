import RandomStreams
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// What every household needs to know about the year being simulated: its policy segments and their
/// rules, what its year end does, and the values derived from the census and consumption at its start.
public struct YearContext: Sendable {
    public let year: Int
    public let seed: UInt64
    public let replication: Int
    /// What every household's streams this year begin with (seed and replication hashed).
    public let streams: StreamRoot
    /// At least one; they cover [year, year + 1) in order.
    public let segments: [PolicySegment]
    /// What households do as the year ends (splits, consumption growth, RAMU's merger next year).
    let yearEnd: YearEnd
    /// Poverty line and societal poverty line (SPL) in this year's FCFA per person per year.
    public let povertyLine: Double
    public let societalPovertyLine: Double
    /// Person-weighted median consumption per person at the start of the year (FCFA/year): households'
    /// care is read relative to it (MODEL.md section 5, second version).
    public let medianConsumption: Double
    /// Consumption per person (FCFA/year) at the 1st, 2nd, … 99th percentiles of people at the start of
    /// the year: the boundaries of the percentiles the concentration indices and households' care are
    /// computed over, and of the quintiles (every twentieth). Empty: everyone in the first.
    public let percentileCuts: [Double]
    /// Consumption per person at the middle of each percentile (the 0.5th, 1.5th, … 99.5th), whose care
    /// its households get; empty with the cuts.
    public let percentileMiddles: [Double]
    /// The same cuts, out of line, with their lookup table (an array read per household cost a retain
    /// and a release each).
    let cutStorage: CutStorage?
    /// Persons each block may still enrol into subsidised RAMU cover this year (`constrained` rule);
    /// nil when enrolment is not constrained.
    public let subsidisedQuotaShare: Double?

    /// - Parameters:
    ///   - census: the population at the start of the year.
    ///   - medianConsumption: person-weighted median consumption per person at the start of the year, FCFA/year.
    public init(year: Int, base: Parameters, timeline: PolicyTimeline, seed: UInt64, replication: Int,
                census: Census, medianConsumption: Double, percentileCuts: [Double] = [],
                percentileMiddles: [Double] = [], subsidisedQuotaShare: Double? = nil) {
        precondition(percentileCuts.isEmpty || percentileCuts.count == 99, "99 percentile cuts, or none")
        precondition(percentileMiddles.count == (percentileCuts.isEmpty ? 0 : 100), "a middle per percentile")
        self.year = year
        self.medianConsumption = medianConsumption
        self.percentileCuts = percentileCuts
        self.percentileMiddles = percentileMiddles
        cutStorage = percentileCuts.isEmpty ? nil : CutStorage(percentileCuts)
        self.seed = seed
        self.replication = replication
        streams = StreamRoot(seed: seed, replication: replication)
        self.subsidisedQuotaShare = subsidisedQuotaShare
        let t0 = Double(year), t1 = Double(year + 1)
        let bounds = [t0] + timeline.breakpoints(after: t0, before: t1) + [t1]
        // Adjacent stretches with the same parameters are one segment: a change that changes nothing
        // leaves no trace, not even in the order numbers are added.
        var spans: [(start: Double, end: Double, parameters: Parameters)] = []
        for (a, b) in zip(bounds, bounds.dropFirst()) {
            let p = timeline.parameters(at: (a + b) / 2, base: base)
            if let last = spans.last, last.parameters == p {
                spans[spans.count - 1].end = b
            } else {
                spans.append((a, b, p))
            }
        }
        let relative = medianConsumption > 0 ? percentileMiddles.map { log($0 / medianConsumption) } : []
        segments = spans.map {
            PolicySegment(start: $0.start, end: $0.end, year: year, parameters: $0.parameters, census: census,
                          relativeConsumption: relative)
        }
        yearEnd = YearEnd(year: year, closing: spans[spans.count - 1].parameters,
                          nextYearStart: timeline.parameters(at: t1, base: base))
        let p = segments[0].parameters
        let prices = p.priceIndex(year: year)
        povertyLine = p.consumption.povertyLine * prices
        // SDG 3.8.2 (2025): SPL = max(2.15, 1.15 + 0.5 × median daily consumption), in PPP dollars.
        let fp = p.financialProtection
        let ppp = fp.pppFCFAPerDollar * prices
        let medianDailyDollars = medianConsumption / 365 / ppp
        let splDollars = max(fp.splFloorDollars, fp.splBaseDollars + fp.splMedianShare * medianDailyDollars)
        societalPovertyLine = splDollars * ppp * 365
    }

    init(copying c: YearContext, subsidisedQuotaShare: Double?) {
        year = c.year
        seed = c.seed
        replication = c.replication
        streams = c.streams
        segments = c.segments
        yearEnd = c.yearEnd
        medianConsumption = c.medianConsumption
        percentileCuts = c.percentileCuts
        percentileMiddles = c.percentileMiddles
        cutStorage = c.cutStorage
        povertyLine = c.povertyLine
        societalPovertyLine = c.societalPovertyLine
        self.subsidisedQuotaShare = subsidisedQuotaShare
    }

    /// A year with no timeline (tests).
    public init(year: Int, parameters: Parameters, seed: UInt64, replication: Int, census: Census,
                medianConsumption: Double) {
        self.init(year: year, base: parameters, timeline: PolicyTimeline(), seed: seed, replication: replication,
                  census: census, medianConsumption: medianConsumption)
    }

    /// The same year with `share` of the candidates admissible into subsidised RAMU cover.
    func withSubsidisedQuota(_ share: Double?) -> YearContext {
        YearContext(copying: self, subsidisedQuotaShare: share)
    }

    var t0: Double { Double(year) }
    var t1: Double { Double(year + 1) }

    /// Whether households live this year exactly as under `o`: same year and streams, the same rules
    /// over the same stretches, the same year end, quotas and lines. Two scenarios whose years compare
    /// so simulate the same households (see `ReplicationRunner`).
    func simulatesHouseholdsAs(_ o: YearContext) -> Bool {
        year == o.year && seed == o.seed && replication == o.replication
            && segments.count == o.segments.count
            && zip(segments, o.segments).allSatisfy { $0.start == $1.start && $0.end == $1.end && $0.rules == $1.rules }
            && yearEnd == o.yearEnd
            && subsidisedQuotaShare == o.subsidisedQuotaShare
            && povertyLine == o.povertyLine && societalPovertyLine == o.societalPovertyLine
            && medianConsumption == o.medianConsumption && percentileCuts == o.percentileCuts
            && percentileMiddles == o.percentileMiddles
    }

    /// The percentile (1 = poorest hundredth … 100) of a household with this consumption per person: one
    /// more than the cuts below it (`CutStorage.countBelow`).
    @inline(__always) func percentile(_ consumptionPerPerson: Double) -> Int {
        guard let cutStorage else { return 1 }
        return cutStorage.countBelow(consumptionPerPerson) + 1
    }

    /// The quintile (1 = poorest) of a household in `percentile`.
    static func quintile(ofPercentile p: Int) -> Int { (p - 1) / 20 + 1 }
}

/// The percentile cuts, written once, then only read through plain pointers, with a table that finds
/// how many cuts lie below a value in a step or two: a positive Double's bits grow with it, so its top
/// 20 bits (the exponent and 8 bits of mantissa, 256 buckets an octave) index the count of cuts below
/// each bucket's start, and at most the cuts inside the value's own bucket are compared. (A binary
/// search over 99 cuts, a chain of 7 dependent loads per household, cost 4 % of a run.)
final class CutStorage: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
    let count: Int
    private let below: UnsafeMutablePointer<UInt8>
    private let firstKey: UInt64, lastKey: UInt64
    private static let shift: UInt64 = 44
    /// Beyond this many buckets (cuts spread over more than 256 octaves: never Mali's), no table.
    private static let largestTable: UInt64 = 1 << 16

    init(_ values: [Double]) {
        precondition(!values.isEmpty && values.count < 256, "cuts: some, fewer than 256")
        count = values.count
        base = .allocate(capacity: count)
        base.initialize(from: values, count: count)
        // Cuts of zero (a scenario whose consumption rounds to nothing, a population that died out) have
        // no octave: every value is then compared with every cut, as a plain count does.
        let tabled = values.allSatisfy { $0 > 0 && $0.isFinite }
        firstKey = tabled ? values.first!.bitPattern >> Self.shift : 0
        lastKey = tabled ? values.last!.bitPattern >> Self.shift : UInt64.max
        let size = lastKey - firstKey < Self.largestTable ? Int(lastKey - firstKey) + 1 : 0
        below = .allocate(capacity: max(size, 1))
        var k = 0
        for b in 0..<size {
            let start = Double(bitPattern: (firstKey + UInt64(b)) << Self.shift)
            while k < count && values[k] < start { k += 1 }
            (below + b).initialize(to: UInt8(k))
        }
    }

    /// How many cuts are below `x` (≥ 0).
    @inline(__always) func countBelow(_ x: Double) -> Int {
        let key = x.bitPattern >> Self.shift
        var k: Int
        if key < firstKey { return 0 }
        if key > lastKey { return count }
        if lastKey - firstKey < Self.largestTable {
            k = Int(below[Int(key - firstKey)])
        } else {
            k = 0
        }
        while k < count && base[k] < x { k += 1 }
        return k
    }

    deinit {
        base.deallocate()
        below.deallocate()
    }
}
