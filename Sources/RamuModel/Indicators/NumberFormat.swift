/// How many decimals an indicator is shown with, on screen and in the briefing: for its value, and for
/// a difference between two scenarios. The CSVs keep full precision (`formatNumber`), whatever this says.
public struct NumberFormat: Sendable, Equatable {
    public var levelDecimals: Int
    public var differenceDecimals: Int

    public init(levelDecimals: Int, differenceDecimals: Int) {
        self.levelDecimals = levelDecimals
        self.differenceDecimals = differenceDecimals
    }

    /// A share in percent: 14,8 %, and differences in points to two decimals (they are small).
    public static let share = NumberFormat(levelDecimals: 1, differenceDecimals: 2)
    /// People, needs, money: whole numbers, differences too.
    public static let whole = NumberFormat(levelDecimals: 0, differenceDecimals: 0)
    /// Dollars per person, months of spending: one decimal.
    public static let tenths = NumberFormat(levelDecimals: 1, differenceDecimals: 1)
    /// Episodes per person: two decimals.
    public static let rate = NumberFormat(levelDecimals: 2, differenceDecimals: 2)
    /// Concentration indices: three decimals.
    public static let index = NumberFormat(levelDecimals: 3, differenceDecimals: 3)
}
