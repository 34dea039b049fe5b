import OutputWriters
import RamuModel
import Testing

@Suite("Paired comparison with a baseline")
struct ComparisonSummaryTests {
    /// A replication whose indicators are all `f(year, indicator index)`.
    static func result(_ replication: Int, years: [Int] = [2020, 2021],
                       _ f: (Int, Int) -> Double) -> ReplicationResult {
        ReplicationResult(replication: replication, years: years.map { year in
            var y = YearIndicators(year: year)
            for indicator in Indicator.allCases { y[indicator] = f(year, indicator.index) }
            return y
        })
    }

    /// Awkward values: their sums depend on the order of addition.
    static let awkward: [Double] = [1e16, 0.1, -1e16, 0.7, 3.3, 1.0 / 3.0, -2.5e-7]

    @Test func identicalScenariosDifferByExactlyZero() {
        let runs = (0..<5).map { r in
            Self.result(r) { year, i in Self.awkward[(r + i + year) % Self.awkward.count] * Double(i + 1) }
        }
        let entries = ComparisonSummary.compare(baseline: runs, scenario: runs.reversed())
        #expect(entries.count == 2 * Indicator.allCases.count)
        for e in entries {
            // Bit for bit +0: the CSV writes "0", never "-0" or a tiny residue.
            #expect(e.difference.bitPattern == 0.0.bitPattern)
            #expect(e.differenceP05.bitPattern == 0.0.bitPattern)
            #expect(e.differenceP95.bitPattern == 0.0.bitPattern)
            #expect(e.pairs == 5)
        }
        // The mean is the one indicators.csv writes.
        let summary = ReplicationSummary.summarize(runs)
        #expect(entries.map(\.mean.bitPattern) == summary.map(\.stats.mean.bitPattern))
        #expect(entries.map(\.year) == summary.map(\.year) && entries.map(\.indicator) == summary.map(\.indicator))
    }

    @Test func knownSmallExample() {
        // Baseline 10, 20, 30, 40, 50; scenario 9, 21, 27, 40, 45: differences −1, 1, −3, 0, −5.
        let base: [Double] = [10, 20, 30, 40, 50], other: [Double] = [9, 21, 27, 40, 45]
        let baseline = base.indices.map { r in Self.result(r, years: [2030]) { _, _ in base[r] } }
        let scenario = other.indices.map { r in Self.result(r, years: [2030]) { _, _ in other[r] } }
        let e = ComparisonSummary.compare(baseline: baseline, scenario: scenario).first { $0.indicator == .cheOOP }!
        #expect(e.year == 2030)
        #expect(e.mean == 28.4)
        #expect(e.difference == -1.6)
        // Sorted differences −5, −3, −1, 0, 1; type 7: h = 0.2 → −5 + 0.2 × 2; h = 3.8 → 0 + 0.8 × 1.
        #expect(abs(e.differenceP05 - (-4.6)) < 1e-12)
        #expect(abs(e.differenceP95 - 0.8) < 1e-12)
        #expect(e.pairs == 5)
        // Not the difference of the two intervals: the spread of each run is much larger.
        #expect(e.differenceP95 - e.differenceP05 < ReplicationSummary.statistics(base).p95 - ReplicationSummary.statistics(base).p05)
    }

    @Test func replicationsArePairedByIndexNotPosition() {
        // The scenario is the baseline plus r (replication r adds r): a pairing by position of the
        // shuffled arrays would give differences of mixed sign.
        let baseline = (0..<4).map { r in Self.result(r) { year, i in Double(100 * r + i + year) } }
        let scenario = [2, 0, 3, 1].map { r in Self.result(r) { year, i in Double(100 * r + i + year + r) } }
        let entries = ComparisonSummary.compare(baseline: baseline.reversed(), scenario: scenario)
        for e in entries {
            #expect(e.difference == 1.5)  // mean of 0, 1, 2, 3
            #expect(abs(e.differenceP05 - 0.15) < 1e-12)
            #expect(abs(e.differenceP95 - 2.85) < 1e-12)
        }
    }

    @Test func unpairedReplicationsAndYearsAreLeftOut() {
        let baseline = [Self.result(0) { _, _ in 1 }, Self.result(1, years: [2020]) { _, _ in 2 }]
        let scenario = [Self.result(0) { _, _ in 5 }, Self.result(1) { _, _ in 7 }, Self.result(2) { _, _ in 100 }]
        let entries = ComparisonSummary.compare(baseline: baseline, scenario: scenario)
        let y2020 = entries.first { $0.year == 2020 }!, y2021 = entries.first { $0.year == 2021 }!
        #expect(y2020.mean == 112.0 / 3 && y2020.pairs == 2 && y2020.difference == 4.5)  // 4 and 5
        #expect(y2021.pairs == 1 && y2021.difference == 4)  // replication 1 has no 2021 in the baseline
    }

    @Test func comparisonTable() throws {
        let baseline = [Self.result(0, years: [2025]) { _, _ in 10 }, Self.result(1, years: [2025]) { _, _ in 20 }]
        let scenario = [Self.result(0, years: [2025]) { _, _ in 9 }, Self.result(1, years: [2025]) { _, _ in 17 }]
        let text = try IndicatorTables.comparison([
            (scenario: "baseline", entries: ComparisonSummary.compare(baseline: baseline, scenario: baseline)),
            (scenario: "budget-15", entries: ComparisonSummary.compare(baseline: baseline, scenario: scenario)),
        ]).render()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "scenario,year,indicator,label_fr,unit,mean,diff_vs_baseline,diff_p05,diff_p95")
        #expect(lines.count == 1 + 2 * Indicator.allCases.count)
        #expect(lines[1] == "baseline,2025,population,Population totale,personnes,15,0,0,0")
        #expect(lines[1 + Indicator.allCases.count] == "budget-15,2025,population,Population totale,personnes,13,-2,-2.9,-1.1")
        #expect(lines.contains("budget-15,2025,oop_share_pct,Part des paiements directs dans la DCS,%,13,-2,-2.9,-1.1"))
    }

    @Test func comparisonTableRefusesNonFinite() {
        let entry = PairedComparison(year: 2020, indicator: .population, mean: 1, difference: .nan,
                                     differenceP05: .nan, differenceP95: .nan, pairs: 0)
        #expect(throws: OutputError.nonFiniteValue(column: "diff_vs_baseline", row: 3)) {
            try IndicatorTables.comparison([(scenario: "a", entries: [PairedComparison(
                year: 2020, indicator: .population, mean: 1, difference: 0, differenceP05: 0, differenceP95: 0, pairs: 1)]),
                (scenario: "b", entries: [entry])])
        }
    }
}
