import Foundation
import OutputWriters

/// A line chart drawn as inline SVG: one line per scenario (its mean each year) over a shaded band
/// (its 5th to 95th percentile across replications). The axis always includes zero, so a line's height
/// is honest; ticks fall on round numbers.
struct SVGLineChart {
    struct Series {
        var name: String
        var colour: String
        /// The baseline of a comparison: drawn last, dashed.
        var dashed = false
        /// (year, mean, p05, p95), ascending years.
        var points: [(year: Int, mean: Double, p05: Double, p95: Double)]
    }

    var title: String
    var unit: String
    var kind: NumberKind
    var series: [Series]

    static let width = 720.0, height = 330.0
    static let left = 86.0, right = 16.0, top = 14.0, bottom = 34.0

    func render() -> String {
        let points = series.flatMap(\.points)
        guard let firstYear = points.map(\.year).min(), let lastYear = points.map(\.year).max() else { return "" }
        let values = points.flatMap { [$0.mean, $0.p05, $0.p95] }
        let ticks = SVGLineChart.ticks(low: min(0, values.min()!), high: max(0, values.max()!))
        let low = ticks.first!, high = ticks.last!
        let plotWidth = SVGLineChart.width - SVGLineChart.left - SVGLineChart.right
        let plotHeight = SVGLineChart.height - SVGLineChart.top - SVGLineChart.bottom
        func x(_ year: Int) -> Double {
            let span = Double(max(1, lastYear - firstYear))
            return SVGLineChart.left + plotWidth * Double(year - firstYear) / span
        }
        func y(_ v: Double) -> Double {
            SVGLineChart.top + plotHeight * (1 - (v - low) / (high - low))
        }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var svg = "<svg class=\"graphique\" viewBox=\"0 0 \(Int(SVGLineChart.width)) \(Int(SVGLineChart.height))\" "
            + "role=\"img\" aria-label=\"\(HTML.escape(title)) (\(HTML.escape(unit)))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title>\(HTML.escape(title)) (\(HTML.escape(unit)))</title>\n"
        // Grid and value axis.
        for tick in ticks {
            let ty = f(y(tick))
            svg += "<line class=\"grille\(tick == 0 ? " zero" : "")\" x1=\"\(f(SVGLineChart.left))\" x2=\"\(f(SVGLineChart.width - SVGLineChart.right))\" "
                + "y1=\"\(ty)\" y2=\"\(ty)\"/>"
            svg += "<text class=\"axe\" x=\"\(f(SVGLineChart.left - 6))\" y=\"\(ty)\" text-anchor=\"end\" dominant-baseline=\"middle\">"
                + "\(HTML.escape(tickLabel(tick)))</text>\n"
        }
        // Year axis: a tick every year, a label every five (and at both ends).
        for year in firstYear...lastYear {
            let tx = f(x(year))
            let labelled = year == firstYear || year == lastYear || year % 5 == 0
            svg += "<line class=\"graduation\" x1=\"\(tx)\" x2=\"\(tx)\" y1=\"\(f(SVGLineChart.height - SVGLineChart.bottom))\" "
                + "y2=\"\(f(SVGLineChart.height - SVGLineChart.bottom + (labelled ? 6 : 3)))\"/>"
            if labelled {
                svg += "<text class=\"axe\" x=\"\(tx)\" y=\"\(f(SVGLineChart.height - 10))\" text-anchor=\"middle\">\(year)</text>"
            }
        }
        svg += "\n"
        // Bands first, lines above them.
        for s in series where s.points.count > 1 {
            let upper = s.points.map { "\(f(x($0.year))),\(f(y($0.p95)))" }
            let lower = s.points.reversed().map { "\(f(x($0.year))),\(f(y($0.p05)))" }
            svg += "<polygon class=\"bande\" data-scenario=\"\(HTML.escape(s.name))\" fill=\"\(s.colour)\" "
                + "points=\"\((upper + lower).joined(separator: " "))\"/>\n"
        }
        // The baseline last and dashed, so that a scenario equal to it still shows beneath.
        for s in series.filter({ !$0.dashed }) + series.filter(\.dashed) {
            let line = s.points.map { "\(f(x($0.year))),\(f(y($0.mean)))" }.joined(separator: " ")
            svg += "<polyline class=\"serie\(s.dashed ? " reference" : "")\" data-scenario=\"\(HTML.escape(s.name))\" stroke=\"\(s.colour)\" points=\"\(line)\">"
                + "<title>\(HTML.escape(s.name))</title></polyline>\n"
        }
        svg += "</svg>"
        return svg
    }

    func tickLabel(_ v: Double) -> String {
        switch kind.style {
        case .percent: formatFrench(v, decimals: v == v.rounded() ? 0 : 1) + "\u{A0}%"
        default: formatFrench(v, decimals: 0)
        }
    }

    /// Round ticks (1, 2 or 5 × 10^k apart) covering [low, high], about five of them.
    static func ticks(low: Double, high: Double) -> [Double] {
        var low = low, high = high
        if high - low < 1e-9 { high = low + 1 }
        let raw = (high - low) / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        let count = Int(((high - low) / step).rounded())
        return (0...count).map { low + Double($0) * step }
    }
}

