/// One household's year, for the microdata file (`--microdata`).
public struct HouseholdYearRecord: Sendable, Equatable {
    public var year: Int
    public var householdID: UInt64
    public var weight: Double
    /// Members at the start of the year: the people this household counts for in person-weighted indicators.
    public var size: Int
    public var sector: Sector
    public var regime: Regime
    public var consumptionFCFA: Double
    public var oopFCFA: Double

    public init(year: Int, householdID: UInt64, weight: Double, size: Int, sector: Sector, regime: Regime,
                consumptionFCFA: Double, oopFCFA: Double) {
        self.year = year
        self.householdID = householdID
        self.weight = weight
        self.size = size
        self.sector = sector
        self.regime = regime
        self.consumptionFCFA = consumptionFCFA
        self.oopFCFA = oopFCFA
    }
}

/// What one replication produced.
public struct ReplicationResult: Sendable {
    public var replication: Int
    public var years: [YearIndicators]
    /// Filled only when microdata were asked for.
    public var households: [HouseholdYearRecord]
    /// Events processed over the run, by `HouseholdEventKind.rawValue` (for the benchmark).
    public var eventCounts: [Int]
    /// Earmarked tax revenue assigned to RAMU, MFCFA: one array per year (same order as `years`),
    /// one value per instrument of `Parameters.taxes`.
    public var taxRevenue: [[Double]]
    /// Each year's money by pool and source (MFCFA), same order as `years`.
    public var money: [YearMoney]
    /// Persons newly enrolled into subsidised RAMU cover each year (unweighted), same order as `years`.
    public var subsidisedEnrolments: [Double]
    /// Equity indicators by consumption quintile, same order as `years`.
    public var quintiles: [QuintileYear] = []
    /// The state budget's supply side in the start year (MFCFA): the scenario's, or derived from its
    /// start year (MODEL.md section 7, second version).
    public var startSupplySide: Double?

    public init(replication: Int, years: [YearIndicators], households: [HouseholdYearRecord] = [],
                eventCounts: [Int] = [], taxRevenue: [[Double]] = [], money: [YearMoney] = [],
                subsidisedEnrolments: [Double] = []) {
        self.money = money
        self.subsidisedEnrolments = subsidisedEnrolments
        self.replication = replication
        self.years = years
        self.households = households
        self.eventCounts = eventCounts
        self.taxRevenue = taxRevenue
    }
}
