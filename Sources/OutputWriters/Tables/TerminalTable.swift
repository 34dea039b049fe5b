/// A plain-text table for the terminal: a title, a header, a rule, then the rows, columns
/// separated by two spaces. A column whose cells all look like numbers ("20 537 000", "8,37",
/// "-4.5", "12 %", "n.d.") is right-aligned; others are left-aligned. Widths count characters
/// (grapheme clusters), so accented labels align. No trailing spaces; no final newline.
public enum TerminalTable {
    public static func render(title: String, columns: [String], rows: [[String]]) -> String {
        let count = max(columns.count, rows.map(\.count).max() ?? 0)
        func cell(_ row: [String], _ i: Int) -> String { i < row.count ? row[i] : "" }
        let widths = (0..<count).map { i in
            max(cell(columns, i).count, rows.map { cell($0, i).count }.max() ?? 0)
        }
        let rightAligned = (0..<count).map { i in
            let cells = rows.map { cell($0, i) }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(looksNumeric)
        }
        func line(_ cells: [String]) -> String {
            let padded = (0..<count).map { i -> String in
                let text = cell(cells, i)
                let padding = String(repeating: " ", count: widths[i] - text.count)
                return rightAligned[i] ? padding + text : text + padding
            }
            return trimmingTrailingSpaces(padded.joined(separator: "  "))
        }
        var lines = [title, line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    /// A number as `formatFrench` or `formatNumber` writes it, possibly followed by a unit sign.
    static func looksNumeric(_ text: String) -> Bool {
        if text == "n.d." { return true }
        var body = Substring(text)
        for suffix in [" %", "\u{202F}%", "\u{00A0}%", "%"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            break
        }
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber else { return false }
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || ",. \u{202F}\u{00A0}".contains($0) }
    }

    private static func trimmingTrailingSpaces(_ text: String) -> String {
        var result = Substring(text)
        while result.last == " " { result.removeLast() }
        return String(result)
    }
}
