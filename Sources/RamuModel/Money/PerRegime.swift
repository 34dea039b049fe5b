/// One amount per regime (FCFA or person-years), indexed by regime, in place so the hot path updates
/// it without reference counting.
public struct PerRegime: Sendable, Equatable {
    @usableFromInline var values = Table<5, Double>([0, 0, 0, 0, 0])

    public init() {}

    @inlinable public subscript(_ regime: Regime) -> Double {
        get { values[regime] }
        set { values[regime] = newValue }
    }

    public mutating func add(_ o: PerRegime) {
        for r in 0..<5 { values[r] += o.values[r] }
    }
}
