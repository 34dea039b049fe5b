import Foundation
import OutputWriters

/// A canonical CSV file read back (RFC 4180: comma, double quotes, `\n` or `\r\n`): its header and rows,
/// each field addressed by its column name.
struct CSVFile {
    var path: String
    var header: [String]
    var rows: [[String]]

    init(path: String) throws(BriefingError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw BriefingError("« \(path) » illisible : \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BriefingError("« \(path) » n'est pas du texte UTF-8")
        }
        try self.init(path: path, text: text)
    }

    init(path: String, text: String) throws(BriefingError) {
        self.path = path
        var records = CSVFile.parse(text)
        guard !records.isEmpty else { throw BriefingError("« \(path) » est vide ; attendu au moins une ligne d'en-tête") }
        header = records.removeFirst()
        for (i, record) in records.enumerated() where record.count != header.count {
            throw BriefingError("« \(path) », ligne \(i + 2) : \(record.count) champs, l'en-tête en a \(header.count)")
        }
        rows = records
    }

    /// The position of each column of `file`'s header (in any order, other columns ignored), or an error
    /// naming the first one missing.
    func columns(of file: OutputFile) throws(BriefingError) -> [OutputFile.Column: Int] {
        var positions: [OutputFile.Column: Int] = [:]
        for column in file.columns {
            guard let i = header.firstIndex(of: column.name) else {
                throw BriefingError("« \(path) » : colonne « \(column.name) » absente ; en-tête lu : "
                                    + header.joined(separator: ","))
            }
            positions[column] = i
        }
        return positions
    }

    /// A number field; an error naming the file, line and column when it is not one.
    func number(_ row: Int, _ column: Int) throws(BriefingError) -> Double {
        let text = rows[row][column]
        guard let x = Double(text), x.isFinite else {
            throw BriefingError("« \(path) », ligne \(row + 2), colonne « \(header[column]) » : « \(text) » n'est pas un nombre")
        }
        return x
    }

    func integer(_ row: Int, _ column: Int) throws(BriefingError) -> Int {
        let text = rows[row][column]
        guard let n = Int(text) else {
            throw BriefingError("« \(path) », ligne \(row + 2), colonne « \(header[column]) » : « \(text) » n'est pas un entier")
        }
        return n
    }

    /// Records of RFC 4180 text; a final line break does not start an empty record.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldStarted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let c = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": inQuotes = true; fieldStarted = true
            case ",": record.append(field); field = ""; fieldStarted = true
            case "\r": break
            case "\n":
                record.append(field)
                records.append(record)
                record = []; field = ""; fieldStarted = false
            default: field.unicodeScalars.append(c); fieldStarted = true
            }
        }
        if fieldStarted || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

/// Why a briefing could not be made, in French, naming the file and what was expected.
public struct BriefingError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
