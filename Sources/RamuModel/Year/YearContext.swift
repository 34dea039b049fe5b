import RandomStreams

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
    /// Consumption per person (FCFA/year) at the 20th, 40th, 60th and 80th percentiles of people at the
    /// start of the year: the quintile boundaries.
    public let quintileCuts: [Double]
    /// Persons each block may still enrol into subsidised RAMU cover this year (`constrained` rule);
    /// nil when enrolment is not constrained.
    public let subsidisedQuotaShare: Double?

    /// - Parameters:
    ///   - census: the population at the start of the year.
    ///   - medianConsumption: person-weighted median consumption per person at the start of the year, FCFA/year.
    public init(year: Int, base: Parameters, timeline: PolicyTimeline, seed: UInt64, replication: Int,
                census: Census, medianConsumption: Double, quintileCuts: [Double] = [],
                subsidisedQuotaShare: Double? = nil) {
        self.year = year
        self.quintileCuts = quintileCuts
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
        segments = spans.map {
            PolicySegment(start: $0.start, end: $0.end, year: year, parameters: $0.parameters, census: census)
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
        quintileCuts = c.quintileCuts
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
            && quintileCuts == o.quintileCuts
    }

    /// The quintile (1 = poorest) of a household with this consumption per person.
    func quintile(_ consumptionPerPerson: Double) -> Int {
        var q = 1
        for cut in quintileCuts { q += consumptionPerPerson > cut ? 1 : 0 }  // (no branch on a random value)
        return min(q, 5)
    }
}
