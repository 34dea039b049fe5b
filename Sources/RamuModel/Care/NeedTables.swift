import RandomStreams

/// The laws of the count of needs over a whole year that a segment tabulates (to draw them by
/// inversion), out of line: in line, their 112 tables made a segment 26 KB, which debug builds copied
/// onto the stack until a test thread's stack overflowed. Written once, then only read.
final class NeedTables: @unchecked Sendable {
    static let groupedMembers = 16
    /// For each group (under five, women, others) in that order, its tables for 1, 2, … `groupedMembers`
    /// members; then w women (not pregnant) and o other persons together, 1 ≤ w ≤ 4 and 1 ≤ o ≤ 16, at
    /// (w − 1) · 16 + o − 1: their needs meet the same rules, so one count serves them all.
    let base: UnsafeMutablePointer<PoissonTable>
    static let adults = 3 * groupedMembers
    static let count = adults + 4 * 16

    /// The tables of the annual need rates by `MemberGroup.rawValue`.
    init(_ rates: ByGroup<Double>) {
        base = .allocate(capacity: Self.count)
        for g in 0..<3 {
            for n in 0..<Self.groupedMembers {
                (base + g * Self.groupedMembers + n).initialize(to: PoissonTable(mean: rates[g] * Double(n + 1)))
            }
        }
        let woman = rates[Int(MemberGroup.woman15to49.rawValue)], other = rates[Int(MemberGroup.other.rawValue)]
        for i in 0..<4 * 16 {
            (base + Self.adults + i).initialize(to: PoissonTable(mean: Double(i / 16 + 1) * woman + Double(i % 16 + 1) * other))
        }
    }

    deinit {
        base.deinitialize(count: Self.count)
        base.deallocate()
    }
}
