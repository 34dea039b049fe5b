import Foundation
@testable import Briefing
import OutputWriters
import Testing

/// The briefing reads the files by their owner's name and header (`OutputFile`): what the writers write,
/// it accepts; a file without one of its header's columns, it refuses, naming the column.
@Suite("Briefing reads the output files by their declared names and headers")
struct OutputFileReaderTests {
    /// Each file the briefing reads, and where it sits in the fixture's comparison.
    static let read: [(OutputFile, String)] = [
        (.comparison, OutputFile.comparison.name),
        (.indicators, "reforme/" + OutputFile.indicators.name),
        (.indicatorsByQuintile, "reforme/" + OutputFile.indicatorsByQuintile.name),
        (.taxes, "reforme/" + OutputFile.taxes.name),
        (.parameters, "reforme/" + OutputFile.parameters.name),
    ]

    @Test func acceptsWhatTheWritersWrite() throws {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url, taxes: true)
        for (file, path) in Self.read {
            let csv = try CSVFile(path: dir.url.appendingPathComponent(path).path)
            #expect(csv.header == file.header, "\(path)")
        }
        let input = try BriefingInput.load(directory: dir.url)
        let reform = input.scenarios[1]
        #expect(!input.differences.isEmpty && !reform.indicators.isEmpty && !reform.quintiles.isEmpty)
        #expect(!reform.taxes.isEmpty && !reform.parameters.isEmpty)
    }

    @Test func refusesAFileWithoutOneOfItsColumns() throws {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url, taxes: true)
        for (file, path) in Self.read {
            let url = dir.url.appendingPathComponent(path)
            let original = try String(contentsOf: url, encoding: .utf8)
            let records = CSVFile.parse(original)
            for column in file.columns {
                let k = try #require(records[0].firstIndex(of: column.name))
                let table = CSVTable(header: records[0].enumerated().filter { $0.offset != k }.map(\.element),
                                     rows: records.dropFirst().map { $0.enumerated().filter { $0.offset != k }.map(\.element) })
                try table.render().write(to: url, atomically: true, encoding: .utf8)
                #expect { try BriefingInput.load(directory: dir.url) } throws: { error in
                    "\(error)".contains("colonne « \(column.name) » absente")
                }
            }
            try original.write(to: url, atomically: true, encoding: .utf8)
        }
        _ = try BriefingInput.load(directory: dir.url)  // all restored
    }
}
