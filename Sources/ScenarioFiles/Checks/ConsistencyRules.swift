import Foundation
import RamuModel

/// Checks that hold between keys, on the resolved parameters (after `extends`) and, through
/// `TimelineBuilder`, at every date the timeline changes them.
enum ConsistencyRules {
    static let tolerance = 1e-9

    /// A rule broken: the keys of its group, and in French what was found and what was expected.
    struct Violation: Sendable, Equatable {
        var keys: [String]
        var message: String
    }

    /// The error points at the key of the group written in the most derived file (the last one written
    /// there), since that is the file that broke the rule; in a single file, that is the last key of the group.
    static func check(_ p: Parameters, settings: [String: Setting], fallbackFile: String) throws(ScenarioError) {
        guard let violation = firstViolation(in: p) else { return }
        let blamed = violation.keys.compactMap { key in settings[key].map { (key, $0) } }
            .min { a, b in
                (a.1.layer, -a.1.location.line, -a.1.location.column) < (b.1.layer, -b.1.location.line, -b.1.location.column)
            }
        guard let (key, setting) = blamed else { throw ScenarioError(file: fallbackFile, message: violation.message) }
        throw ScenarioError(at: setting.location, keyPath: key, violation.message)
    }

    /// The first rule `p` breaks, in the order below; nil when all hold.
    static func firstViolation(in p: Parameters) -> Violation? {
        let years = ["simulation.start_year", "simulation.end_year"]
        let (start, end) = (p.simulation.startYear, p.simulation.endYear)
        if end <= start || end > start + 100 {
            return Violation(keys: years, message: "end_year = \(end) avec start_year = \(start) ; attendu end_year après "
                                 + "start_year et au plus 100 ans plus tard (entre \(start + 1) et \(start + 100))")
        }

        let sectors = ["households.share_formal", "households.share_indigent", "households.share_informal"]
        let h = p.households
        if let violation = sumIsOne([h.shareFormal, h.shareIndigent, h.shareInformal], keys: sectors) { return violation }

        let levels = ["care.share_cscom", "care.share_csref", "care.share_hospital"]
        let c = p.care
        if let violation = sumIsOne([c.shareCSCom, c.shareCSRef, c.shareHospital], keys: levels) { return violation }

        if let violation = SimulationSize.violation(p) { return violation }

        // MODEL.md section 6: gratuités integrated from the start hand the pool what the state would have
        // paid, the pool's cost scaled by effectiveness / integrated_effectiveness: 0 would divide by zero.
        if p.gratuites.arrangement == .integrated && !(p.gratuites.integratedEffectiveness > 0) {
            return Violation(keys: ["gratuites.arrangement", "gratuites.integrated_effectiveness"],
                             message: "integrated_effectiveness = 0 avec arrangement = integrated ; attendu une efficacité "
                                 + "des gratuités intégrées supérieure à 0 (le budget qu'elles reçoivent en dépend)")
        }

        let groups = ["demography.share_under_five", "demography.share_women_15_49"]
        let d = p.demography
        let groupSum = d.shareUnderFive + d.shareWomen15to49
        if groupSum > 1 + tolerance {
            return Violation(keys: groups, message: "share_under_five + share_women_15_49 = \(rounded(groupSum)) ; "
                                 + "attendu une somme au plus égale à 1 (ce sont deux parts de la même population)")
        }
        return nil
    }

    /// A sum as the analyst wrote its terms: 1.03, not 1.0300000000000002.
    private static func rounded(_ x: Double) -> String {
        ParameterValue.canonicalText((x * 1e9).rounded() / 1e9)
    }

    private static func sumIsOne(_ values: [Double], keys: [String]) -> Violation? {
        let sum = values.reduce(0, +)
        guard abs(sum - 1) > tolerance else { return nil }
        let names = keys.map { $0.split(separator: ".").last.map(String.init) ?? $0 }
        return Violation(keys: keys, message: "\(names.joined(separator: " + ")) = \(rounded(sum)) ; "
                             + "attendu une somme égale à 1 (à 1e-9 près) : ces parts se partagent le tout")
    }
}
