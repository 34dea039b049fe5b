import Foundation

/// A table in RFC 4180 CSV: comma separator, `\n` after every record (the last one too), UTF-8.
///
/// A field is quoted only when it has to be (it contains a comma, a quote, CR or LF), and its
/// quotes are doubled; everything else is written as is, so numbers stay numbers in Excel.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    /// Each row has exactly as many fields as the header.
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// An empty table with the header of `file`.
    public init(_ file: OutputFile) {
        self.init(header: file.header)
    }

    public func render() -> String {
        var text = CSVTable.record(header)
        for (i, row) in rows.enumerated() {
            precondition(row.count == header.count,
                         "CSV : la ligne \(i + 2) a \(row.count) champs, l'en-tête en a \(header.count)")
            text += CSVTable.record(row)
        }
        return text
    }

    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// One field, quoted if RFC 4180 requires it.
    public static func field(_ value: String) -> String {
        // Scalars, not Characters: "\r\n" is a single Character and would not match "\n".
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
