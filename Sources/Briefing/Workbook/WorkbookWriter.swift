import Foundation

/// Writes the briefing tables as briefing.xlsx: on each sheet a title, a note on where the numbers come
/// from, a header row kept in view, the data with real number formats, and the sheet's line charts.
enum WorkbookWriter {
    /// Rows above the data: title, note, header.
    static let headerRow = 2
    static let firstDataRow = 3

    static let titleStyle = CellStyle(bold: true, fontSize: 14, fontColour: 0x1F3864)
    static let noteStyle = CellStyle(italic: true, fontColour: 0x595959)
    static let headerStyle = CellStyle(bold: true, wrap: true, fontColour: 0xFFFFFF, background: 0x1F4E79, bottomBorder: true)
    /// Background of every other indicator's rows.
    static let shade: UInt32 = 0xEEF3F8

    static func write(_ tables: [BriefingTable], input: BriefingInput, to path: String, created: Date) throws(WorkbookError) {
        let title = input.kind == .comparison
            ? "ramusim : comparaison de \(input.scenarios.count) scénarios" : "ramusim : \(input.scenarios[0].title)"
        let workbook = try Workbook(path: path, title: title, created: created)
        for table in tables {
            try write(table, to: try workbook.addSheet(table.sheet), colours: Palette.excel(input))
        }
        try workbook.close()
    }

    static func write(_ table: BriefingTable, to sheet: Workbook.Sheet, colours: [UInt32]) throws(WorkbookError) {
        try sheet.write(table.title, row: 0, column: 0, style: titleStyle)
        try sheet.write(table.note, row: 1, column: 0, style: noteStyle)
        try sheet.setRowHeight(headerRow, height: 32)
        for (c, column) in table.columns.enumerated() {
            try sheet.setColumnWidth(c, width: column.width)
            try sheet.write(column.header, row: headerRow, column: c, style: headerStyle)
        }
        let last = table.columns.count - 1
        for (r, row) in table.rows.enumerated() {
            let sheetRow = firstDataRow + r
            let tint: UInt32? = r < table.shaded.count && table.shaded[r] ? shade : nil
            var tallest = 1
            for (c, cell) in row.enumerated() {
                let wrap = table.wrapLastColumn && c == last
                // Beside long wrapped text, everything sits at the top of its row, numbers on the left.
                var style = CellStyle(wrap: wrap, background: tint)
                style.top = table.wrapLastColumn
                switch cell {
                case .text(let text):
                    // Indented, so that a text after a right-aligned number does not touch it.
                    style.indent = 1
                    try sheet.write(text, row: sheetRow, column: c, style: style)
                    if wrap { tallest = max(tallest, lines(text, width: table.columns[c].width)) }
                case .number(let x, let kind):
                    style.numberFormat = kind.excelFormat
                    if table.wrapLastColumn { style.alignment = .left; style.indent = 1 }
                    try sheet.write(x, row: sheetRow, column: c, style: style)
                case .empty:
                    if let tint { try sheet.writeBlank(row: sheetRow, column: c, style: CellStyle(background: tint)) }
                }
            }
            if tallest > 1 { try sheet.setRowHeight(sheetRow, height: 15 * Double(tallest)) }
        }
        sheet.freeze(rows: firstDataRow, columns: table.frozenColumns)
        if table.filter, !table.rows.isEmpty {
            try sheet.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: firstDataRow + table.rows.count - 1,
                                 lastColumn: last)
        }
        try sheet.setUpPrinting(repeatRows: headerRow...headerRow)
        for (k, spec) in table.charts.enumerated() {
            let categories = LineChart.Range(sheet: table.sheet, column: spec.categoryColumn,
                                             firstRow: firstDataRow + spec.firstRow, lastRow: firstDataRow + spec.lastRow)
            let series = spec.series.enumerated().map { i, s in
                LineChart.Series(name: s.name, categories: categories,
                                 values: LineChart.Range(sheet: table.sheet, column: s.column,
                                                         firstRow: firstDataRow + spec.firstRow,
                                                         lastRow: firstDataRow + spec.lastRow),
                                 colour: colours[i % colours.count])
            }
            let chart = LineChart(title: spec.title, xAxisTitle: "Année", yAxisTitle: spec.yAxisTitle,
                                  yNumberFormat: spec.kind.excelFormat, series: series)
            try sheet.insert(chart, row: firstDataRow + 22 * k, column: table.columns.count + 1)
        }
    }

    /// Lines a wrapped text takes in a column `width` characters wide (a generous estimate).
    static func lines(_ text: String, width: Double) -> Int {
        max(1, Int((Double(text.count) / max(1, width - 2)).rounded(.up)))
    }
}

/// Colours of the scenarios, the same in the workbook's charts and the HTML's (Okabe–Ito, legible
/// in colour-blind vision and in grey print); the baseline in dark grey.
enum Palette {
    static let others: [UInt32] = [0xE69F00, 0x0072B2, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442]
    static let baseline: UInt32 = 0x404040

    /// One colour per scenario of `input`, in order.
    static func excel(_ input: BriefingInput) -> [UInt32] {
        let reference = input.baseline ?? 0
        var k = 0
        return input.scenarios.indices.map { i in
            if i == reference { return baseline }
            defer { k += 1 }
            return others[k % others.count]
        }
    }

    static func css(_ input: BriefingInput) -> [String] {
        excel(input).map { String(format: "#%06X", $0) }
    }
}
