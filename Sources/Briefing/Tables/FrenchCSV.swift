import OutputWriters

/// A briefing table as a CSV that a French Excel opens with a double click: UTF-8 with a byte-order
/// mark (so accents show), ";" between fields, a decimal comma, no thousands separator (Excel would
/// read "20 537 000" as text), CRLF line ends. One header row; the title and note stay in the workbook.
///
/// Numbers keep the precision of the canonical CSVs (`formatNumber`, comma instead of point).
public enum FrenchCSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(_ table: BriefingTable) -> String {
        var text = byteOrderMark + record(table.columns.map(\.header))
        for row in table.rows {
            text += record(row.map(field))
        }
        return text
    }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): s
        case .number(let x, _): number(x)
        case .empty: ""
        }
    }

    /// "8,37", "-1234,5", "20537000".
    public static func number(_ x: Double) -> String {
        formatNumber(x).replacingOccurrences(of: ".", with: ",")
    }

    static func record(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ";") + "\r\n"
    }

    /// Quoted when the field holds a ";", a quote or a line break; a text that Excel would take for a
    /// number or a formula is left as is (the cells that must be numbers are numbers already).
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == ";" || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
