import CXlsxWriter
import Foundation

/// An Excel workbook being written: the only code that calls libxlsxwriter (`CXlsxWriter`).
///
/// The workbook owns its sheets, formats and charts; they live until `close()` writes the file. A
/// workbook dropped without `close()` is freed and writes nothing. Rows and columns count from 0,
/// as in libxlsxwriter.
public final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// C strings the workbook reads only when it is closed (chart names and titles, properties).
    private var retained: [UnsafeMutablePointer<CChar>] = []
    public let path: String

    /// Starts a workbook that `close()` will write to `path`. `created` is the date stored in the file's
    /// properties: fixed, it makes the same content give the same bytes.
    public init(path: String, title: String, created: Date) throws(WorkbookError) {
        self.path = path
        guard let workbook = workbook_new(path) else { throw WorkbookError("impossible de créer « \(path) »") }
        handle = workbook
        var properties = lxw_doc_properties()
        properties.title = keep(title)
        properties.author = keep("ramusim")
        properties.created = time_t(created.timeIntervalSince1970)
        try check(workbook_set_properties(workbook, &properties), "propriétés du classeur")
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
        for pointer in retained { free(pointer) }
    }

    /// Adds a sheet; names are at most 31 characters, without `[]:*?/\`.
    public func addSheet(_ name: String) throws(WorkbookError) -> Sheet {
        guard let worksheet = workbook_add_worksheet(try open(), name) else {
            throw WorkbookError("feuille « \(name) » refusée (nom trop long, en double ou interdit)")
        }
        return Sheet(workbook: self, handle: worksheet, name: name)
    }

    /// Writes the file and ends the workbook.
    public func close() throws(WorkbookError) {
        let workbook = try open()
        handle = nil  // workbook_close frees it, whatever it returns
        try check(workbook_close(workbook), "écriture de « \(path) »")
    }

    // MARK: Sheets

    /// A sheet of the workbook; valid until the workbook is closed.
    public struct Sheet {
        let workbook: Workbook
        let handle: UnsafeMutablePointer<lxw_worksheet>
        public let name: String

        public func write(_ number: Double, row: Int, column: Int, style: CellStyle = CellStyle()) throws(WorkbookError) {
            try workbook.check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number,
                                                      try workbook.format(style)), "nombre en \(cell(row, column))")
        }

        public func write(_ text: String, row: Int, column: Int, style: CellStyle = CellStyle()) throws(WorkbookError) {
            // A string cell, never a formula, even if it starts with "=".
            try workbook.check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), text,
                                                      try workbook.format(style)), "texte en \(cell(row, column))")
        }

        public func writeBlank(row: Int, column: Int, style: CellStyle) throws(WorkbookError) {
            try workbook.check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), try workbook.format(style)),
                               "cellule vide en \(cell(row, column))")
        }

        public func setColumnWidth(_ column: Int, width: Double) throws(WorkbookError) {
            try workbook.check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil),
                               "largeur de colonne")
        }

        public func setRowHeight(_ row: Int, height: Double) throws(WorkbookError) {
            try workbook.check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "hauteur de ligne")
        }

        /// Keeps the first `rows` rows and `columns` columns in view while scrolling.
        public func freeze(rows: Int, columns: Int) {
            worksheet_freeze_panes(handle, lxw_row_t(rows), lxw_col_t(columns))
        }

        /// Filter buttons on a header row over its table.
        public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(WorkbookError) {
            try workbook.check(worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn),
                                                    lxw_row_t(lastRow), lxw_col_t(lastColumn)), "filtre")
        }

        /// A4 landscape, one page wide, header rows repeated on each printed page.
        public func setUpPrinting(repeatRows: ClosedRange<Int>?) throws(WorkbookError) {
            worksheet_set_paper(handle, 9)  // 9 = A4 in Excel's list of paper sizes
            worksheet_set_landscape(handle)
            worksheet_fit_to_pages(handle, 1, 0)
            if let rows = repeatRows {
                try workbook.check(worksheet_repeat_rows(handle, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)),
                                   "lignes répétées à l'impression")
            }
        }

        /// Places a line chart with its top-left corner on a cell.
        public func insert(_ chart: LineChart, row: Int, column: Int, widthScale: Double = 1.4, heightScale: Double = 1.2)
            throws(WorkbookError)
        {
            let made = try workbook.make(chart)
            var options = lxw_chart_options()
            options.x_scale = widthScale
            options.y_scale = heightScale
            options.x_offset = 10
            try workbook.check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), made, &options),
                               "graphique « \(chart.title) »")
        }

        private func cell(_ row: Int, _ column: Int) -> String { "\(name)!L\(row + 1)C\(column + 1)" }
    }

    // MARK: Formats and charts

    private func open() throws(WorkbookError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw WorkbookError("classeur déjà fermé") }
        return handle
    }

    /// One libxlsxwriter format per distinct style, created on first use.
    fileprivate func format(_ style: CellStyle) throws(WorkbookError) -> UnsafeMutablePointer<lxw_format>? {
        if style == CellStyle() { return nil }
        if let format = formats[style] { return format }
        guard let format = workbook_add_format(try open()) else { throw WorkbookError("format refusé") }
        if let code = style.numberFormat { format_set_num_format(format, code) }
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if style.wrap { format_set_text_wrap(format) }
        if style.wrap || style.top { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if let colour = style.fontColour { format_set_font_color(format, colour) }
        if let colour = style.background {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, colour)
        }
        if style.bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if style.indent > 0 { format_set_indent(format, style.indent) }
        switch style.alignment {
        case .general: break
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .centre: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        formats[style] = format
        return format
    }

    fileprivate func make(_ chart: LineChart) throws(WorkbookError) -> UnsafeMutablePointer<lxw_chart> {
        guard let made = workbook_add_chart(try open(), UInt8(LXW_CHART_LINE.rawValue)) else {
            throw WorkbookError("graphique « \(chart.title) » refusé")
        }
        chart_title_set_name(made, keep(chart.title))
        var titleFont = lxw_chart_font()
        titleFont.size = 11
        titleFont.bold = 1
        chart_title_set_name_font(made, &titleFont)
        chart_axis_set_name(made.pointee.x_axis, keep(chart.xAxisTitle))
        chart_axis_set_name(made.pointee.y_axis, keep(chart.yAxisTitle))
        chart_axis_set_num_format(made.pointee.y_axis, keep(chart.yNumberFormat))
        chart_legend_set_position(made, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        for series in chart.series {
            guard let added = chart_add_series(made, nil, nil) else { throw WorkbookError("série « \(series.name) » refusée") }
            let c = series.categories, v = series.values
            chart_series_set_categories(added, keep(c.sheet), lxw_row_t(c.firstRow), lxw_col_t(c.column),
                                        lxw_row_t(c.lastRow), lxw_col_t(c.column))
            chart_series_set_values(added, keep(v.sheet), lxw_row_t(v.firstRow), lxw_col_t(v.column),
                                    lxw_row_t(v.lastRow), lxw_col_t(v.column))
            chart_series_set_name(added, keep(series.name))
            var line = lxw_chart_line()
            line.color = series.colour
            line.width = 2.25
            if series.dashed { line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue) }
            chart_series_set_line(added, &line)
            chart_series_set_marker_type(added, UInt8(LXW_CHART_MARKER_NONE.rawValue))
        }
        return made
    }

    /// A C copy of `text` that lives as long as the workbook (libxlsxwriter keeps some pointers until close).
    private func keep(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        retained.append(pointer)
        return pointer
    }

    fileprivate func check(_ error: lxw_error, _ what: String) throws(WorkbookError) {
        guard error != LXW_NO_ERROR else { return }
        throw WorkbookError("\(what) : \(String(cString: lxw_strerror(error)))")
    }
}

/// How a cell looks: number format (Excel's codes, shown in the user's locale), font, fill, alignment.
public struct CellStyle: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case general, left, centre, right }

    public var numberFormat: String?
    public var bold = false
    public var italic = false
    /// Wrapped text; it is also aligned to the top of the cell.
    public var wrap = false
    /// Aligned to the top of the cell (beside a wrapped cell of the same row).
    public var top = false
    public var fontSize: Double?
    /// 0xRRGGBB.
    public var fontColour: UInt32?
    public var background: UInt32?
    public var bottomBorder = false
    public var alignment = Alignment.general
    /// Left indent of text, in steps of about one character.
    public var indent: UInt8 = 0

    public init(numberFormat: String? = nil, bold: Bool = false, italic: Bool = false, wrap: Bool = false,
                fontSize: Double? = nil, fontColour: UInt32? = nil, background: UInt32? = nil,
                bottomBorder: Bool = false, alignment: Alignment = .general, indent: UInt8 = 0) {
        self.numberFormat = numberFormat
        self.bold = bold
        self.italic = italic
        self.wrap = wrap
        self.fontSize = fontSize
        self.fontColour = fontColour
        self.background = background
        self.bottomBorder = bottomBorder
        self.alignment = alignment
        self.indent = indent
    }
}

/// A native Excel line chart: one series per scenario, categories (years) and values as cell ranges.
public struct LineChart: Sendable {
    /// A column of cells on a sheet, rows `firstRow...lastRow`.
    public struct Range: Sendable, Equatable {
        public var sheet: String
        public var column: Int
        public var firstRow: Int
        public var lastRow: Int
        public init(sheet: String, column: Int, firstRow: Int, lastRow: Int) {
            self.sheet = sheet
            self.column = column
            self.firstRow = firstRow
            self.lastRow = lastRow
        }
    }

    public struct Series: Sendable {
        public var name: String
        public var categories: Range
        public var values: Range
        /// 0xRRGGBB.
        public var colour: UInt32
        public var dashed: Bool
        public init(name: String, categories: Range, values: Range, colour: UInt32, dashed: Bool = false) {
            self.name = name
            self.categories = categories
            self.values = values
            self.colour = colour
            self.dashed = dashed
        }
    }

    public var title: String
    public var xAxisTitle: String
    public var yAxisTitle: String
    /// Excel number format of the value axis.
    public var yNumberFormat: String
    public var series: [Series]

    public init(title: String, xAxisTitle: String, yAxisTitle: String, yNumberFormat: String, series: [Series]) {
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.yNumberFormat = yNumberFormat
        self.series = series
    }
}

/// Why a workbook could not be written, in French.
public struct WorkbookError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
