import Foundation
import RamuModel
import ScenarioFiles
import Testing

@Suite("timeline: dated steps and ramps (MODEL.md section 8)")
struct TimelineTests {
    /// MODEL.md's example, with informal_subsidy at 0.5 before the step so that the step shows.
    static let example = """
        title: "Calendrier de test"
        timeline:
          - at: 2023.0
            set:
              gratuites.arrangement: integrated
          - at: 2024.0
            set:
              ramu.active: true
              ramu.informal_subsidy: {value: 0.80, unit: fraction, source: "Plan d'actions 2018-2022, extrant 3.2.2"}
          - from: 2021.0
            to: 2025.0
            ramp:
              budget.health_share: 0.15
        ramu:
          informal_subsidy: 0.5
        """

    @Test("MODEL.md's example: steps at their date, a linear ramp, values held after")
    func example() throws {
        let dir = try ScratchDirectory()
        let scenario = try ScenarioLoader.load(path: try dir.write("timeline.yaml", Self.example))
        let base = scenario.parameters
        #expect(base.budget.healthShare == 0.051)  // the timeline does not touch the resolved parameters
        #expect(base.ramu.informalSubsidy == 0.5)
        let at = { (t: Double) in scenario.timeline.parameters(at: t, base: base) }

        #expect(at(2020.0).budget.healthShare == 0.051)
        #expect(at(2021.0).budget.healthShare == 0.051)
        #expect(abs(at(2023.0).budget.healthShare - 0.1005) < 1e-12)  // 0.051 + (0.15 − 0.051) × 2/4
        #expect(abs(at(2024.0).budget.healthShare - 0.12525) < 1e-12)
        #expect(abs(at(2025.0).budget.healthShare - 0.15) < 1e-12)
        #expect(abs(at(2030.0).budget.healthShare - 0.15) < 1e-12)

        #expect(at(2022.99).gratuites.arrangement == .separate)
        #expect(at(2023.0).gratuites.arrangement == .integrated)
        #expect(at(2035.0).gratuites.arrangement == .integrated)
        #expect(at(2023.9).ramu.active == false)
        #expect(at(2024.0).ramu.active == true)
        #expect(at(2023.9).ramu.informalSubsidy == 0.5)
        #expect(at(2024.0).ramu.informalSubsidy == 0.8)
        #expect(at(2031.5).ramu.informalSubsidy == 0.8)

        // Date order; the two changes of 2024 in the order written.
        #expect(scenario.timeline.changes.map(\.key) == [
            "budget.health_share", "gratuites.arrangement", "ramu.active", "ramu.informal_subsidy",
        ])
        #expect(scenario.timeline.changes.map(\.start) == [2021, 2023, 2024, 2024])
        #expect(scenario.timeline.changes.map(\.end) == [2025, 2023, 2024, 2024])
        #expect(scenario.timeline.breakpoints(after: 2020, before: 2036) == [2021, 2023, 2024, 2025])
    }

    @Test("a file without timeline has an empty one")
    func noTimeline() throws {
        #expect(try ScenarioLoader.load(path: baselinePath()).timeline.isEmpty)
        let dir = try ScratchDirectory()
        #expect(try ScenarioLoader.load(path: try dir.write("a.yaml", "timeline: []\n")).timeline.isEmpty)
        #expect(try ScenarioLoader.load(path: try dir.write("b.yaml", "timeline:\n")).timeline.isEmpty)
    }

    @Test("a ramp from a value to itself leaves the parameters as they are, at every date")
    func rampToItself() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("flat.yaml", """
            extends: \(baselinePath())
            timeline:
              - from: 2020.0
                to: 2035.0
                ramp:
                  demography.growth_rate: 0.03
                  budget.health_share: {value: 0.051, unit: fraction, source: "assumption : inchangé"}
            """)
        let scenario = try ScenarioLoader.load(path: path)
        #expect(scenario.timeline.changes.count == 2)
        #expect(scenario.parameters == Parameters())
        for t in stride(from: 2019.0, through: 2036.0, by: 0.125) {
            #expect(scenario.timeline.parameters(at: t, base: scenario.parameters) == scenario.parameters, "t = \(t)")
        }
    }

    @Test("a ramp starts from the value an earlier step put in force")
    func rampAfterStep() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("s.yaml", """
            timeline:
              - from: 2022.0
                to: 2024.0
                ramp:
                  mutuelle.join_rate: 0.05
              - at: 2021.0
                set:
                  mutuelle.join_rate: 0.03
            """)
        let scenario = try ScenarioLoader.load(path: path)
        let rate = { (t: Double) in scenario.timeline.parameters(at: t, base: scenario.parameters).mutuelle.joinRate }
        #expect(rate(2020.5) == 0.01)
        #expect(rate(2021.5) == 0.03)
        #expect(abs(rate(2023.0) - 0.04) < 1e-12)
        #expect(abs(rate(2030.0) - 0.05) < 1e-12)
        #expect(scenario.timeline.changes.map(\.start) == [2021, 2022])
    }

    @Test("extends: the parent's entries and the child's accumulate, in date order; on the same date the child's come last")
    func extendsAccumulates() throws {
        let dir = try ScratchDirectory()
        try dir.write("parent.yaml", """
            timeline:
              - from: 2021.0
                to: 2025.0
                ramp:
                  budget.health_share: 0.15
              - at: 2023.0
                set:
                  ramu.coverage_rate: 0.7
            """)
        let child = try dir.write("child.yaml", """
            extends: parent.yaml
            timeline:
              - at: 2023.0
                set:
                  ramu.coverage_rate: 0.9
                  gratuites.arrangement: integrated
              - at: 2020.5
                set:
                  ramu.enrolment_rate: 0.2
            """)
        let scenario = try ScenarioLoader.load(path: child)
        let changes = scenario.timeline.changes
        #expect(changes.map(\.key) == [
            "ramu.enrolment_rate", "budget.health_share", "ramu.coverage_rate", "ramu.coverage_rate", "gratuites.arrangement",
        ])
        #expect(changes.map(\.start) == [2020.5, 2021, 2023, 2023, 2023])
        let at = { (t: Double) in scenario.timeline.parameters(at: t, base: scenario.parameters) }
        #expect(abs(at(2025).budget.healthShare - 0.15) < 1e-12)  // the parent's ramp is kept
        #expect(at(2023).ramu.coverageRate == 0.9)  // the child's step is applied after the parent's
        #expect(at(2022).ramu.coverageRate == 0.8)
        #expect(at(2023).gratuites.arrangement == .integrated)
        #expect(at(2021).ramu.enrolmentRate == 0.2)

        let rows = scenario.provenance.filter { $0.key.hasPrefix("timeline[") }
        #expect(rows.map(\.key) == [
            "timeline[0].ramu.enrolment_rate", "timeline[1].budget.health_share", "timeline[2].ramu.coverage_rate",
            "timeline[3].ramu.coverage_rate", "timeline[4].gratuites.arrangement",
        ])
        #expect(rows.map(\.file) == ["child.yaml", "parent.yaml", "parent.yaml", "child.yaml", "child.yaml"])
        #expect(rows.map(\.line) == [9, 5, 8, 5, 6])
        #expect(rows[0].value == "0.2 à partir de 2020.5")

        // A grandchild without a timeline inherits the whole of it.
        let grandchild = try dir.write("grandchild.yaml", "extends: child.yaml\n")
        #expect(try ScenarioLoader.load(path: grandchild).timeline.changes.map(\.key) == changes.map(\.key))
    }

    @Test("provenance: one row per change after the regular rows, with its value, dates, unit and source")
    func provenance() throws {
        let dir = try ScratchDirectory()
        let scenario = try ScenarioLoader.load(path: try dir.write("timeline.yaml", Self.example))
        #expect(scenario.provenance.count == ParameterSchema.entries.count + 4)
        #expect(Array(scenario.provenance.prefix(ParameterSchema.entries.count)).map(\.key) == ParameterSchema.entries.map(\.key))
        let rows = Array(scenario.provenance.suffix(4))
        #expect(rows == [
            ResolvedParameter(key: "timeline[0].budget.health_share", value: "0.15 (rampe de 2021 à 2025)", unit: "fraction",
                              source: "non documenté (timeline.yaml:13)", file: "timeline.yaml", line: 13),
            ResolvedParameter(key: "timeline[1].gratuites.arrangement", value: "integrated à partir de 2023", unit: "choice",
                              source: "non documenté (timeline.yaml:5)", file: "timeline.yaml", line: 5),
            ResolvedParameter(key: "timeline[2].ramu.active", value: "true à partir de 2024", unit: "boolean",
                              source: "non documenté (timeline.yaml:8)", file: "timeline.yaml", line: 8),
            ResolvedParameter(key: "timeline[3].ramu.informal_subsidy", value: "0.8 à partir de 2024", unit: "fraction",
                              source: "Plan d'actions 2018-2022, extrant 3.2.2", file: "timeline.yaml", line: 9),
        ])
        // The regular row still shows the resolved (start) value.
        #expect(scenario.provenance.first { $0.key == "ramu.informal_subsidy" }?.value == "0.5")
    }

    @Test("provenance prints dates in their shortest form")
    func provenanceDates() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("s.yaml", """
            timeline:
              - {from: 2023.5, to: 2030.25, ramp: {demography.growth_rate: {value: 0.025, unit: fraction/year}}}
              - {at: 2022, set: {simulation.financing_rule: constrained, demography.antenatal_visits: 6}}
            """)
        let rows = try ScenarioLoader.load(path: path).provenance.filter { $0.key.hasPrefix("timeline[") }
        #expect(rows.map(\.key) == [
            "timeline[0].simulation.financing_rule", "timeline[1].demography.antenatal_visits", "timeline[2].demography.growth_rate",
        ])
        #expect(rows.map(\.value) == ["constrained à partir de 2022", "6 à partir de 2022", "0.025 (rampe de 2023.5 à 2030.25)"])
        #expect(rows.map(\.unit) == ["choice", "visits", "fraction/year"])
        #expect(rows.map(\.line) == [3, 3, 2])
    }

    @Test("changes that keep a share group summing to one pass, whether in one entry or a ramp pair")
    func compensatedShares() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("s.yaml", """
            timeline:
              - at: 2023.0
                set:
                  care.share_cscom: 0.7
                  care.share_csref: 0.24
              - from: 2025.0
                to: 2030.0
                ramp:
                  households.share_formal: 0.27
                  households.share_informal: 0.68
            """)
        let scenario = try ScenarioLoader.load(path: path)
        let p = scenario.timeline.parameters(at: 2027.5, base: scenario.parameters)
        #expect(abs(p.households.shareFormal - 0.22) < 1e-12)
        #expect(abs(p.households.shareFormal + p.households.shareIndigent + p.households.shareInformal - 1) < 1e-12)
        #expect(scenario.timeline.parameters(at: 2024, base: scenario.parameters).care.shareCSRef == 0.24)
    }

    @Test("dates at both ends of the simulated period are accepted; the period is the file's own")
    func dateBounds() throws {
        let dir = try ScratchDirectory()
        let path = try dir.write("s.yaml", """
            simulation: {start_year: 2022, end_year: 2030}
            timeline:
              - {at: 2022, set: {ramu.active: true}}
              - {from: 2022.0, to: 2030.0, ramp: {ramu.admin_rate: 0.05}}
            """)
        #expect(try ScenarioLoader.load(path: path).timeline.changes.count == 2)
    }
}
