import Foundation
import OutputWriters

/// The briefing pack of an output directory: briefing.xlsx, briefing.html and tableaux/*.csv, written
/// inside the directory of a `run` (DOSSIER/<scénario>/) or of a `compare` (DOSSIER/).
///
/// Everything is made from the files already in the directory, so the pack says exactly what they
/// say. The same files give the same bytes: the workbook's creation date is the day the run recorded.
public enum BriefingPack {
    public static let workbookName = "briefing.xlsx"
    public static let htmlName = "briefing.html"
    public static let tablesDirectory = "tableaux"
    /// Names the pack writes in a comparison's directory, beside the scenarios' directories: no scenario may take them.
    public static let reservedNames: Set<String> = [workbookName, htmlName, tablesDirectory]

    /// What was written, as absolute paths.
    public struct Written: Sendable {
        public var directory: URL
        public var kind: BriefingInput.Kind
        public var scenarios: [String]
        public var workbook: URL
        public var html: URL
        public var tables: [URL]
    }

    /// Reads the outputs in `directory` and writes the pack beside them. Each of the three parts is
    /// replaced whole or not at all (written aside, then renamed into place); then the pack's files are
    /// recorded in the directory's manifest.json, when it has one, for `ramusim verify` to check.
    public static func write(directory: URL) throws(BriefingError) -> Written {
        let input = try BriefingInput.load(directory: directory)
        return try write(input)
    }

    public static func write(_ input: BriefingInput) throws(BriefingError) -> Written {
        try input.checkFinite()  // the writers below format every number and would stop on a NaN
        let tables = BriefingTables.all(input)
        let root = input.directory
        // A manifest the pack could not be recorded in is known before anything is written.
        do {
            _ = try RunManifest.read(directory: root)
        } catch {
            throw BriefingError("note de synthèse non écrite : \(error)")
        }
        let workbook = root.appendingPathComponent(workbookName)
        let staged = root.appendingPathComponent(".\(workbookName).tmp-\(getpid())")
        do {
            try WorkbookWriter.write(tables, input: input, to: staged.path, created: creationDate(input))
            guard rename(staged.path, workbook.path) == 0 else {
                throw WorkbookError(String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: staged)
            throw BriefingError("« \(workbook.path) » non écrit : \(error)")
        }

        let html = root.appendingPathComponent(htmlName)
        do {
            try writeFileAtomically(html, data: Data(HTMLBriefing.render(input).utf8))
        } catch {
            throw BriefingError("« \(html.path) » non écrit : \(error)")
        }

        let tablesURL = root.appendingPathComponent(tablesDirectory, isDirectory: true)
        do {
            var transaction = try OutputTransaction(target: tablesURL)
            for table in tables {
                try transaction.write(table.fileName, contents: FrenchCSV.render(table))
            }
            _ = try transaction.commit()
        } catch {
            throw BriefingError("« \(tablesURL.path) » non écrit : \(error)")
        }

        do {
            try RunManifest.recordBriefing([workbookName, htmlName] + tables.map { "\(tablesDirectory)/\($0.fileName)" },
                                           in: root)
        } catch {
            throw BriefingError("note de synthèse écrite, mais non enregistrée dans \(RunManifest.fileName) : \(error) ; "
                                + "« ramusim verify » la dira absente du manifeste")
        }
        return Written(directory: root, kind: input.kind, scenarios: input.scenarios.map(\.name), workbook: workbook,
                       html: html, tables: tables.map { tablesURL.appendingPathComponent($0.fileName) })
    }

    /// Noon UTC of the day the run recorded; `SOURCE_DATE_EPOCH` or now when it recorded none.
    static func creationDate(_ input: BriefingInput) -> Date {
        if let day = input.run?.date, day.count == 10 {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            if let date = formatter.date(from: day + "T12:00:00Z") { return date }
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            return Date(timeIntervalSince1970: epoch)
        }
        return Date()
    }
}
