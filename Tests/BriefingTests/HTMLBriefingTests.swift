import Foundation
@testable import Briefing
import RamuModel
import Testing

@Suite("HTML briefing")
struct HTMLBriefingTests {
    static func html() throws -> (String, BriefingInput) {
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url)
        let input = try BriefingInput.load(directory: dir.url)
        return (HTMLBriefing.render(input), input)
    }

    @Test func everyTextFromTheFilesIsEscaped() throws {
        let (html, _) = try Self.html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>description</b>") && !html.contains("<i>hypothèse</i>"))
        #expect(html.contains("Réforme &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; « guillemets &quot;doubles&quot; »"))
        #expect(html.contains("Une &lt;b&gt;description&lt;/b&gt; &amp; des &quot;guillemets&quot;."))
        #expect(html.contains("&lt;i&gt;hypothèse&lt;/i&gt; du GTT"))
    }

    @Test func selfContainedWithAPrintStylesheet() throws {
        let (html, _) = try Self.html()
        // Nothing to fetch: no script, no external reference of any kind; the only URL is SVG's namespace.
        for forbidden in ["<script", "src=", "url(", "@import", "<link rel=\"stylesheet\"", "<img", "<iframe", "<object"] {
            #expect(!html.contains(forbidden), "« \(forbidden) »")
        }
        let urls = html.components(separatedBy: "://").dropFirst().map { String($0.prefix(20)) }
        #expect(urls.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg\"") }, "\(urls)")
        #expect(!html.contains("https:") && !html.contains("ftp:") && !html.contains("//fonts"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("section { break-before: page; }"))
        #expect(html.contains("figure.graphique, .scenario, tr, pre, dl { break-inside: avoid; }"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
    }

    @Test func chartsHaveOneLineAndOneBandPerScenario() throws {
        let (html, input) = try Self.html()
        let svgs = html.components(separatedBy: "<svg class=\"graphique\"").dropFirst()
        #expect(svgs.count == HTMLBriefing.charted.count)
        for svg in svgs {
            let body = svg.components(separatedBy: "</svg>")[0]
            #expect(body.components(separatedBy: "<polyline class=\"serie").count - 1 == input.scenarios.count)
            #expect(body.components(separatedBy: "<polygon class=\"bande\"").count - 1 == input.scenarios.count)
            #expect(body.contains("data-scenario=\"baseline\"") && body.contains("data-scenario=\"reforme\""))
        }
        #expect(html.contains("<polyline class=\"serie reference\" data-scenario=\"baseline\""))
    }

    @Test func headlineTableShowsTheDifferenceAndItsInterval() throws {
        let (html, input) = try Self.html()
        let d = try #require(input.difference("reforme", Indicator.coverageTotal.id, year: 2035))
        let k = NumberKind.percentPoints
        #expect(html.contains("\(k.french(d.difference)) [\(k.french(d.differenceP05)) ; \(k.french(d.differenceP95))]"))
        #expect(html.contains("Reproduire ces résultats"))
        #expect(html.contains("<code>ramusim compare scenarios/baseline.yaml scenarios/reforme.yaml</code>"))
        #expect(html.contains("25 novembre 2026"))
    }

    @Test func earmarkedTaxesHaveASectionOnlyWhenAScenarioHasThem() throws {
        let (plain, _) = try Self.html()
        #expect(!plain.contains("<section id=\"taxes\">"))
        let dir = try TemporaryDirectory()
        try Fixture.writeComparison(to: dir.url, taxes: true)
        let input = try BriefingInput.load(directory: dir.url)
        let html = HTMLBriefing.render(input)
        let section = try #require(html.components(separatedBy: "<section id=\"taxes\">").dropFirst().first?
            .components(separatedBy: "</section>").first)
        #expect(section.contains("<h2>Taxes affectées au RAMU</h2>") && section.contains("MFCFA (millions de FCFA courants)"))
        #expect(section.contains("Téléphonie ; « données » &lt;mobile&gt; <span class=\"unite\">(MFCFA)</span>"))
        #expect(!section.contains("<td class=\"nom\">baseline</td>"))  // no tax, no row
        let tabac = try #require(input.scenarios[1].taxes.first { $0.tax == "Tabac" && $0.year == 2035 })
        #expect(section.contains("<td>\(NumberKind.mfcfa.french(tabac.estimate.mean))</td></tr>"))
        // After the charts, before equity.
        let order = ["id=\"evolution\"", "id=\"taxes\"", "id=\"equite\""].map { html.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func axisTicksAreRoundAndIncludeZero() {
        #expect(SVGLineChart.ticks(low: 0, high: 71.4) == [0, 20, 40, 60, 80])
        #expect(SVGLineChart.ticks(low: -28_181, high: 603_118) == [-200_000, 0, 200_000, 400_000, 600_000, 800_000])
        let flat = SVGLineChart.ticks(low: 0, high: 0)  // a flat line still gets an axis
        #expect(flat.first == 0 && flat.last == 1 && flat.count == 6)
    }
}
