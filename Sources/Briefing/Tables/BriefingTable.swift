import Foundation
import OutputWriters

/// How a number is shown: the same kinds give the workbook's number formats, the HTML's French text
/// and the French CSV's plain decimal-comma numbers.
public enum NumberKind: Sendable, Equatable {
    /// A share already in percent (14.8 means 14,8 %), one decimal.
    case percent
    /// People, needs, episodes: whole numbers with thousands separators.
    case count
    /// Millions of FCFA, whole numbers.
    case mfcfa
    /// FCFA (per person), whole numbers.
    case fcfa
    /// A year or a quintile number: no separator.
    case plain
    /// A difference of percentages, in points, signed.
    case percentPoints
    /// A signed difference of counts or money.
    case signedWhole
    /// A parameter's value, shown as written.
    case general

    /// The kind for values of an indicator's `unit` (indicators.csv), and for differences of them.
    public static func forUnit(_ unit: String, difference: Bool = false) -> NumberKind {
        switch unit {
        case "%": difference ? .percentPoints : .percent
        case "MFCFA": difference ? .signedWhole : .mfcfa
        case "FCFA/personne", "FCFA": difference ? .signedWhole : .fcfa
        default: difference ? .signedWhole : .count
        }
    }

    /// Excel's number format code (written with "." and ","; Excel shows them in the reader's locale).
    public var excelFormat: String {
        switch self {
        case .percent: "0.0\" %\""
        case .count, .mfcfa, .fcfa: "#,##0"
        case .plain: "0"
        case .percentPoints: "+0.00\" pt\";-0.00\" pt\";0.00\" pt\""
        case .signedWhole: "+#,##0;-#,##0;0"
        case .general: "General"
        }
    }

    /// The number for reading in French: "14,8 %", "20 537 000", "+0,35 pt".
    public func french(_ x: Double) -> String {
        switch self {
        case .percent: formatFrench(x, decimals: 1) + "\u{A0}%"
        case .count, .mfcfa, .fcfa: formatFrench(x, decimals: 0)
        case .plain: formatFrench(x, decimals: 0, groupSeparator: "")
        case .percentPoints: signed(x, decimals: 2) + "\u{A0}pt"
        case .signedWhole: signed(x, decimals: 0)
        case .general: formatNumber(x).replacingOccurrences(of: ".", with: ",")
        }
    }

    private func signed(_ x: Double, decimals: Int) -> String {
        let text = formatFrench(x, decimals: decimals)
        let isZero = !text.contains { $0.isNumber && $0 != "0" }
        return x > 0 && !isZero ? "+" + text : text
    }
}

/// One cell of a briefing table.
public enum Cell: Sendable, Equatable {
    case text(String)
    case number(Double, NumberKind)
    case empty

    public var number: Double? {
        if case .number(let x, _) = self { return x }
        return nil
    }
}

/// A chart of a table: one line per series, over the rows `firstRow...lastRow` of the table's data.
public struct ChartSpec: Sendable {
    public var title: String
    public var yAxisTitle: String
    public var kind: NumberKind
    /// Column of the table holding the categories (years).
    public var categoryColumn: Int
    public var firstRow: Int
    public var lastRow: Int
    /// Name and column of each line.
    public var series: [(name: String, column: Int)]
}

/// A table of the briefing pack: a sheet of briefing.xlsx and a file of tableaux/.
public struct BriefingTable: Sendable {
    /// Sheet name (at most 31 characters).
    public var sheet: String
    /// File name in tableaux/.
    public var fileName: String
    /// Written above the table in the workbook.
    public var title: String
    /// How to read it and where the numbers come from, under the title.
    public var note: String
    public var columns: [(header: String, width: Double)]
    /// Data rows, each as many cells as `columns`.
    public var rows: [[Cell]]
    /// Columns kept in view when scrolling right.
    public var frozenColumns: Int
    public var charts: [ChartSpec] = []
    /// Filter buttons on the header row.
    public var filter = true
    /// Long text in the last column (wrapped).
    public var wrapLastColumn = false
    /// Rows drawn on a tinted background (alternate indicators), by position in `rows`; empty for none.
    public var shaded: [Bool] = []

    /// Tints every other group of rows with the same value in `column` (an indicator's rows together).
    mutating func shadeGroups(by column: Int) {
        var tinted = false
        var previous: Cell?
        shaded = rows.map { row in
            if let previous, previous != row[column] { tinted.toggle() }
            previous = row[column]
            return tinted
        }
    }
}
