/// One amount per regime (FCFA or person-years), indexed by regime, in place so the hot path updates
/// it without reference counting.
public struct PerRegime: Sendable, Equatable {
    @usableFromInline var values = ByRegime<Double>(Regime.allCases.map { _ in 0 })

    public init() {}

    @inlinable public subscript(_ regime: Regime) -> Double {
        get { values[regime] }
        _modify { yield &values[regime] }
    }

    /// The sum over regimes, in regime order.
    public var total: Double { Regime.allCases.reduce(0) { $0 + self[$1] } }

    public mutating func add(_ o: PerRegime) {
        for r in Regime.allCases { values[r] += o.values[r] }
    }
}
