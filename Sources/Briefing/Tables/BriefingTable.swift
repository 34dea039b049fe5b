import Foundation
import OutputWriters

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
