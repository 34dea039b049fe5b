/// People, their out-of-pocket payments and the pool claims paid for them, by percentile of consumption
/// per person at the start of the year (1 = poorest hundredth … 100): what the concentration indices are
/// computed from (MODEL.md section 5, second version). Unweighted, FCFA.
public struct ConcentrationAccounts: Sendable, Equatable {
    public var persons = Self.zeros
    public var outOfPocket = Self.zeros
    public var poolClaims = Self.zeros
    static let zeros = Table<100, Double>(Array(repeating: 0, count: 100))

    public init() {}

    @inline(__always)
    mutating func add(percentile p: Int, persons n: Double, outOfPocket oop: Double, poolClaims claims: Double) {
        persons[p - 1] += n
        outOfPocket[p - 1] += oop
        poolClaims[p - 1] += claims
    }

    public mutating func add(_ o: ConcentrationAccounts) {
        for k in 0..<100 {
            persons[k] += o.persons[k]
            outOfPocket[k] += o.outOfPocket[k]
            poolClaims[k] += o.poolClaims[k]
        }
    }

    /// The concentration index of `amounts` among people ranked by consumption per person: twice the
    /// covariance of each person's amount with their fractional rank, over the mean amount, each person
    /// taking the mid-point rank of their percentile (within a percentile, ranks are not told apart).
    /// Between −1 (all to the poorest) and 1 (all to the richest); 0 when nothing is paid.
    public func index(of amounts: Table<100, Double>) -> Double {
        var people = 0.0, total = 0.0
        for k in 0..<100 {
            people += persons[k]
            total += amounts[k]
        }
        guard people > 0, total != 0 else { return 0 }
        var below = 0.0, sum = 0.0
        for k in 0..<100 {
            let rank = (below + persons[k] / 2) / people
            sum += amounts[k] * (rank - 0.5)
            below += persons[k]
        }
        return 2 * sum / total
    }
}
