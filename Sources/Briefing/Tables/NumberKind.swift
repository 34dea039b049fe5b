import OutputWriters
import RamuModel

/// How a number is shown: the same kinds give the workbook's number formats and the HTML's French text
/// (the French CSVs keep full precision whatever the kind). An indicator's kind comes from its
/// declaration (`init(_:difference:)`): the style from its unit, the decimals from its format.
public struct NumberKind: Sendable, Equatable {
    /// What the number is, which decides its sign, separators and unit sign.
    public enum Style: Sendable, Equatable {
        /// A share already in percent (14.8 means 14,8 %).
        case percent
        /// People, needs, episodes: thousands separators.
        case count
        /// Millions of FCFA.
        case mfcfa
        /// FCFA (per person).
        case fcfa
        /// A year or a quintile number: no separator, no decimals.
        case plain
        /// A difference of percentages, in points, signed.
        case percentPoints
        /// A difference of counts or money, signed.
        case signed
        /// A parameter's value, shown as written.
        case general
    }

    public var style: Style
    /// Decimals shown; `plain` and `general` ignore them.
    public var decimals: Int

    public init(_ style: Style, decimals: Int) {
        self.style = style
        self.decimals = decimals
    }

    public static let percent = NumberKind(.percent, decimals: NumberFormat.share.levelDecimals)
    public static let percentPoints = NumberKind(.percentPoints, decimals: NumberFormat.share.differenceDecimals)
    public static let count = NumberKind(.count, decimals: 0)
    public static let mfcfa = NumberKind(.mfcfa, decimals: 0)
    public static let fcfa = NumberKind(.fcfa, decimals: 0)
    public static let signedWhole = NumberKind(.signed, decimals: 0)
    public static let plain = NumberKind(.plain, decimals: 0)
    public static let general = NumberKind(.general, decimals: 0)

    /// The kind of a declared indicator's values, or of differences between scenarios of them.
    public init(_ declaration: IndicatorDeclaration, difference: Bool = false) {
        self.init(declaration.unit, format: declaration.format, difference: difference)
    }

    init(_ unit: IndicatorUnit, format: NumberFormat, difference: Bool) {
        let style: Style = switch (unit, difference) {
        case (.percent, false): .percent
        case (.percent, true): .percentPoints
        case (_, true): .signed
        case (.mfcfa, false): .mfcfa
        case (.fcfaPerPerson, false): .fcfa
        case (.persons, false), (.needs, false), (.episodes, false): .count
        // Ratios (dollars and episodes per person, months, indices): their declared decimals, no unit sign.
        case (.usdPerPerson, false), (.episodesPerPerson, false), (.months, false), (.index, false): .count
        }
        self.init(style, decimals: difference ? format.differenceDecimals : format.levelDecimals)
    }

    /// The kind of the values of indicator `id` as a file gives them (indicators.csv, comparison.csv): from
    /// its declaration; from the file's `unit` only for an id this version does not declare.
    static func indicator(_ id: String, unit: String, difference: Bool = false) -> NumberKind {
        guard let indicator = Indicator(id: id) else { return forUnit(unit, difference: difference) }
        return NumberKind(indicator.declaration, difference: difference)
    }

    /// `indicator(_:unit:difference:)` for indicators_by_quintile.csv.
    static func quintileIndicator(_ id: String, unit: String) -> NumberKind {
        guard let indicator = QuintileIndicator(id: id) else { return forUnit(unit) }
        return NumberKind(indicator.declaration)
    }

    /// The kind for a unit read from a file where no declaration exists: the rows of taxes.csv (MFCFA,
    /// each tax is not an indicator), or an indicator a later version added. A share gets one decimal
    /// (two for a difference), anything else none; an unknown unit is a count.
    public static func forUnit(_ unit: String, difference: Bool = false) -> NumberKind {
        let known: IndicatorUnit = unit == "FCFA" ? .fcfaPerPerson : IndicatorUnit(rawValue: unit) ?? .persons
        return NumberKind(known, format: known == .percent ? .share : .whole, difference: difference)
    }

    /// Excel's number format code (written with "." and ","; Excel shows them in the reader's locale).
    public var excelFormat: String {
        let fraction = decimals > 0 ? "." + String(repeating: "0", count: decimals) : ""
        return switch style {
        case .percent: "0\(fraction)\" %\""
        case .count, .mfcfa, .fcfa: "#,##0\(fraction)"
        case .plain: "0"
        case .percentPoints: "+0\(fraction)\" pt\";-0\(fraction)\" pt\";0\(fraction)\" pt\""
        case .signed: "+#,##0\(fraction);-#,##0\(fraction);0\(fraction)"
        case .general: "General"
        }
    }

    /// The number for reading in French: "14,8 %", "20 537 000", "+0,35 pt".
    public func french(_ x: Double) -> String {
        switch style {
        case .percent: formatFrench(x, decimals: decimals) + "\u{A0}%"
        case .count, .mfcfa, .fcfa: formatFrench(x, decimals: decimals)
        case .plain: formatFrench(x, decimals: 0, groupSeparator: "")
        case .percentPoints: signed(x) + "\u{A0}pt"
        case .signed: signed(x)
        case .general: formatNumber(x).replacingOccurrences(of: ".", with: ",")
        }
    }

    private func signed(_ x: Double) -> String {
        let text = formatFrench(x, decimals: decimals)
        let isZero = !text.contains { $0.isNumber && $0 != "0" }
        return x > 0 && !isZero ? "+" + text : text
    }
}
