import Foundation
import RamuModel
import RandomStreams
@testable import ScenarioFiles
import Testing

/// Property test of the validation: any parameter set it accepts must simulate without a NaN or an
/// infinity. Random parameter sets (seeded, so a failure replays) push each key to the ends of its
/// range or anywhere inside, are made to satisfy the rules between keys, and run for a few years on a
/// few hundred people; every indicator, tax revenue and quintile value must be finite.
/// RAMUSIM_EXPLORE_N=5000 explores longer (it found the division by integrated_effectiveness = 0).
@Suite("accepted parameters simulate to finite numbers")
struct ValidParametersTests {
    static let trials = Int(ProcessInfo.processInfo.environment["RAMUSIM_EXPLORE_N"] ?? "") ?? 150
    static let verbose = ProcessInfo.processInfo.environment["RAMUSIM_EXPLORE_LOG"] != nil

    @Test func randomAcceptedParameterSetsGiveFiniteIndicators() throws {
        let base = try ScenarioLoader.load(path: baselinePath()).parameters
        var rng = SplitMix64(state: UInt64(ProcessInfo.processInfo.environment["RAMUSIM_EXPLORE_SEED"] ?? "") ?? 1)
        var simulated = 0
        for trial in 0..<Self.trials {
            let (p, changed) = Self.draw(from: base, using: &rng)
            guard ConsistencyRules.firstViolation(in: p) == nil,
                  p.demography.initialPopulation * p.simulation.sampleFraction <= 300 else { continue }
            if Self.verbose {
                FileHandle.standardError.write(Data("trial \(trial): \(changed.joined(separator: " "))\n".utf8))
            }
            let r = Simulation.runReplication(p, seed: UInt64(trial), replication: 0, threads: 1)
            simulated += 1
            var problems: [String] = []
            for year in r.years {
                for indicator in Indicator.allCases where !year[indicator].isFinite {
                    problems.append("\(year.year) \(indicator.id) = \(year[indicator])")
                }
            }
            for revenue in r.taxRevenue.joined() where !revenue.isFinite { problems.append("taxes = \(revenue)") }
            for q in r.quintiles { for v in q.values.joined() where !v.isFinite { problems.append("quintile \(q.year) = \(v)") } }
            #expect(problems.isEmpty, "trial \(trial): \(problems.prefix(4)) with \(changed)")
        }
        #expect(simulated >= Self.trials / 3, "only \(simulated) of \(Self.trials) draws were valid")
    }

    /// A parameter set: each key, with probability 0.35, at the lower end, the upper end, log-uniform or
    /// uniform in its range; then shares rescaled to sum to one and a small population over a few years.
    /// Three shares rescaled to sum to one (the third takes what the first two leave), or `fallback`
    /// when they are all zero.
    static func summingToOne(_ s: (Double, Double, Double),
                             else fallback: (Double, Double, Double)) -> (Double, Double, Double) {
        let total = s.0 + s.1 + s.2
        guard total > 0 else { return fallback }
        let first = s.0 / total, second = s.1 / total
        return (first, second, max(0, 1 - first - second))
    }

    static func draw(from base: Parameters, using rng: inout SplitMix64) -> (Parameters, [String]) {
        var p = base
        var changed: [String] = []
        for entry in ParameterSchema.entries where !entry.key.hasPrefix("simulation.") {
            guard Double.random(in: 0..<1, using: &rng) < 0.35 else { continue }
            let value: ParameterValue
            switch entry.kind {
            case .real(let r):
                let lo = r.lower.map { r.lowerInclusive ? $0 : $0.nextUp } ?? 0
                let hi = r.upper.map { r.upperInclusive ? $0 : $0.nextDown } ?? 1e12
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: value = .real(lo)
                case 1: value = .real(hi)
                case 2 where lo > 0: value = .real(exp(Double.random(in: log(lo)...log(hi), using: &rng)))
                default: value = .real(Double.random(in: lo...hi, using: &rng))
                }
            case .integer(let r):
                value = .integer([r.lowerBound, r.upperBound, Int.random(in: r, using: &rng)].randomElement(using: &rng)!)
            case .realOrDerived(let r):
                let hi = min(r.upper ?? 1e12, 1e6)  // a supply side beyond a few budgets is tested on its own
                value = Bool.random(using: &rng) ? .derived : .real(Double.random(in: (r.lower ?? 0)...hi, using: &rng))
            case .boolean: value = .boolean(Bool.random(using: &rng))
            case .choice(let allowed): value = .choice(allowed.randomElement(using: &rng)!)
            case .text: continue
            }
            entry.apply(value, to: &p)
            changed.append("\(entry.key)=\(value.text)")
        }
        let h = p.households, c = p.care
        (p.households.shareFormal, p.households.shareIndigent, p.households.shareInformal) =
            summingToOne((h.shareFormal, h.shareIndigent, h.shareInformal), else: (0.2, 0.1, 0.7))
        (p.care.shareCSCom, p.care.shareCSRef, p.care.shareHospital) =
            summingToOne((c.shareCSCom, c.shareCSRef, c.shareHospital), else: (1, 0, 0))
        if p.demography.shareUnderFive + p.demography.shareWomen15to49 > 1 {
            p.demography.shareWomen15to49 = 1 - p.demography.shareUnderFive
        }
        p.simulation.endYear = p.simulation.startYear + Int.random(in: 1...4, using: &rng)
        p.simulation.sampleFraction = min(1, Double.random(in: 1...150, using: &rng) / p.demography.initialPopulation)
        if Bool.random(using: &rng) {
            p.taxes = [EarmarkedTax(name: "t", base: [0, 1e12, 3e5].randomElement(using: &rng)!,
                                    rate: Double.random(in: 0...1, using: &rng), start: Double(p.simulation.startYear) + 1,
                                    collectionEfficiency: Double.random(in: 0...1, using: &rng), shareToRAMU: 1)]
        }
        changed.append("persons=\(p.demography.initialPopulation * p.simulation.sampleFraction)")
        return (p, changed)
    }
}

/// A small seeded generator, so that a failing draw can be replayed (RAMUSIM_EXPLORE_SEED).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        // The project's own SplitMix64 finaliser, which adds the increment itself.
        defer { state &+= 0x9E37_79B9_7F4A_7C15 }
        return RandomStreams.SplitMix64.mix(state)
    }
}
