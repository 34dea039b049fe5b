/// A household's sector of activity (MODEL.md section 4): which regime it is the target of.
public enum Sector: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case formal, indigent, informal

    /// The name written in outputs (`households.csv`): the case's own.
    public var name: String { Self.names[Int(rawValue)] }
    private static let names = allCases.map { "\($0)" }
}

/// A household's health insurance regime (MODEL.md section 4). What each regime does (whom it covers,
/// at what rate, who pays for it) is not here but in the rule tables (`Rules`), built in one place.
public enum Regime: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case none, amo, ramed, mutuelle, ramu

    /// The name written in outputs (`households.csv`): the case's own.
    public var name: String { Self.names[Int(rawValue)] }
    private static let names = allCases.map { "\($0)" }

    /// The regimes that are insurance pools (every one but `none`), in pool order.
    public static let pools: [Regime] = allCases.filter { $0 != .none }
}

/// A rule table with one entry per regime, indexed by `Regime.rawValue` (its size is the number of
/// regimes: a new regime changes it here, beside the case).
public typealias ByRegime<Element: Sendable & Equatable> = Table<5, Element>
/// One entry per sector, by `Sector.rawValue`.
public typealias BySector<Element: Sendable & Equatable> = Table<3, Element>
/// One entry per sector and regime, at `sector.rawValue × (number of regimes) + regime.rawValue`.
public typealias BySectorAndRegime<Element: Sendable & Equatable> = Table<15, Element>
