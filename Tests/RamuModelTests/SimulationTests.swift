import Foundation
import Testing
@testable import RamuModel

/// Whole-run tests. Sample fractions are chosen so that runs take seconds in a debug build, and every
/// tolerance is derived from the sample size (stated beside it).
@Suite("Simulation: base year, growth, weights, invariants, determinism")
struct SimulationTests {
    static func parameters(_ fraction: Double, endYear: Int = 2036) -> Parameters {
        var p = Parameters()
        p.simulation.sampleFraction = fraction
        p.simulation.endYear = endYear
        return p
    }

    @Test func baseYearCoverageReproducesTheDNPSESFigures() async {
        // 5 % of Mali: about 171 000 households. Coverage is drawn household by household, so the
        // standard error of a person-share p is sqrt(k · p(1−p) / H) with k = E[size²]/E[size]² (cluster
        // effect, measured on the sample). Tolerance: 4 standard errors (about 0.3 point for AMO).
        let p = Self.parameters(0.05)
        let blocks = InitialPopulation.build(p, seed: 7, replication: 0, threads: 2)
        var census = Census()
        var sizes: [Double] = []
        for b in blocks {
            census.add(b.census())
            sizes += b.households.map { Double($0.sizeAtYearStart) }
        }
        let h = Double(sizes.count)
        let meanSize = sizes.reduce(0, +) / h
        let k = sizes.reduce(0) { $0 + $1 * $1 } / h / (meanSize * meanSize)
        #expect(census.population == (20_537_000 * 0.05).rounded())
        #expect(abs(meanSize - 6) < 0.05)
        for (regime, target) in [(Regime.amo, 8.37), (.ramed, 4.00), (.mutuelle, 2.29)] {
            let share = census.byRegime[Int(regime.rawValue)] / census.population
            let se = (k * (target / 100) * (1 - target / 100) / h).squareRoot()
            #expect(abs(100 * share - target) < 100 * 4 * se, "\(regime): \(100 * share) %")
        }
    }

    @Test func populationGrowsThreePercentAYear() async {
        // 0.5 % of Mali: about 103 000 people. Births and deaths are about 5.2 % of the population a
        // year; after t years the relative sd of the population is about sqrt(0.052 · t / P) ≈ 0.3 %.
        // Tolerance: MODEL.md's 0.5 % plus 4 of those sd.
        let p = Self.parameters(0.005)
        let r = Simulation.runReplication(p, seed: 3, replication: 0, threads: 2)
        let p0 = r.years[0][.population]
        #expect(p0 == 20_537_000)
        for y in r.years {
            let t = Double(y.year - 2020)
            let expected = p0 * pow(1.03, t)
            let sd = (0.052 * t / (p0 * 0.005)).squareRoot()
            #expect(abs(y[.population] / expected - 1) < 0.005 + 4 * sd, "\(y.year): \(y[.population])")
        }
    }

    @Test func nationalTotalsDoNotDependOnTheSampleFraction() async {
        // Weights scale correctly: 4 replications at 0.1 % and 4 at 0.2 % give the same national totals
        // within 5 standard errors of the difference (estimated from the replications themselves).
        func means(_ f: Double) async -> [Indicator: (mean: Double, variance: Double)] {
            let runs = Simulation.run(Self.parameters(f, endYear: 2026), options: RunOptions(seed: 11, replications: 4, threads: 2))
            var out: [Indicator: (Double, Double)] = [:]
            for indicator in [Indicator.population, .careNeeds, .cheTotal, .cheOOP, .uncovered, .impoverished] {
                let values = runs.map { $0.years.last![indicator] }
                let m = values.reduce(0, +) / 4
                let v = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / 3
                out[indicator] = (m, v)
            }
            return out
        }
        let small = await means(0.001)
        let large = await means(0.002)
        for (indicator, a) in small {
            let b = large[indicator]!
            let se = (a.variance / 4 + b.variance / 4).squareRoot()
            #expect(se > 0, "\(indicator.id): no spread across replications")
            #expect(abs(a.mean - b.mean) < 5 * se, "\(indicator.id): \(a.mean) vs \(b.mean)")
        }
    }

    @Test func invariantsOfSectionTenHoldEveryYear() async {
        var p = Self.parameters(0.001)
        p.ramed.collectivitesPaymentRate = 0.5
        let r = Simulation.runReplication(p, seed: 5, replication: 0, threads: 2)
        var reserve = 0.0
        for y in r.years {
            let sources: [Indicator] = [.cheState, .cheCollectivites, .cheDonors, .cheContributions, .chePremiums,
                                        .cheTaxes, .cheOOP]
            let sum = sources.reduce(0) { $0 + y[$1] }
            #expect(abs(sum - y[.cheTotal]) <= 1e-9 * y[.cheTotal], "\(y.year): CHE sources")
            #expect(abs(y[.poolBalance] - (y[.poolRevenue] - y[.poolSpending])) <= 1e-9 * y[.poolRevenue])
            reserve += y[.poolBalance]
            #expect(abs(y[.poolReserve] - reserve) <= 1e-9 * abs(reserve) + 1e-9)
            for indicator in Indicator.allCases where indicator.unit == .percent {
                #expect(y[indicator] >= 0 && y[indicator] <= 100, "\(y.year) \(indicator.id) = \(y[indicator])")
            }
            #expect(y[.catastrophic25] <= y[.catastrophic10])
            #expect(y[.hardshipImpoverishing] + y[.hardshipLarge] == y[.catastrophicDiscretionary40])
            let regimes = y[.coverageAMO] + y[.coverageRAMED] + y[.coverageMutuelle] + y[.coverageRAMU]
            #expect(y[.coverageTotal] == regimes)
            #expect(abs(y[.uncovered] - y[.population] * (1 - y[.coverageTotal] / 100)) < 1e-6 * y[.population])
            #expect(abs(y[.cheOOP] - y[.oopPerCapita] * y[.population] / 1e6) < 1e-6 * y[.cheOOP])
            // Second version: a gap never stands beside unspent fiscal space.
            #expect(y[.financingGap] >= 0 && y[.fiscalSpace] >= 0 && (y[.financingGap] == 0 || y[.fiscalSpace] == 0))
            #expect(y[.careEpisodes] <= y[.careNeeds])
            for value in y.values { #expect(value.isFinite) }
        }
    }

    @Test func sameSeedSameResultsWhateverTheThreads() async {
        let p = Self.parameters(0.001, endYear: 2024)
        let one = Simulation.run(p, options: RunOptions(seed: 9, replications: 3, threads: 1, microdata: true))
        let two = Simulation.run(p, options: RunOptions(seed: 9, replications: 3, threads: 2, microdata: true))
        let again = Simulation.run(p, options: RunOptions(seed: 9, replications: 3, threads: 3, microdata: true))
        #expect(one.map(\.years) == two.map(\.years))
        #expect(one.map(\.years) == again.map(\.years))
        #expect(one[0].households == two[0].households)
        #expect(!one[0].households.isEmpty && one[1].households.isEmpty)
        let other = Simulation.run(p, options: RunOptions(seed: 10, replications: 1, threads: 1))
        #expect(other[0].years != one[0].years)
        // Block-level parallelism within one replication gives the same bytes as sequential.
        let seq = Simulation.runReplication(p, seed: 9, replication: 1, threads: 1)
        let par = Simulation.runReplication(p, seed: 9, replication: 1, threads: 2)
        #expect(seq.years == par.years && seq.years == one[1].years)
    }

    @Test func higherGratuiteEffectivenessOrCoverageNeverRaisesOOP() async {
        // Common random numbers: the same draws decide every episode, so better cover can only lower OOP.
        let base = Self.parameters(0.001, endYear: 2026)
        var effective = base
        effective.gratuites.effectiveness = 0.8
        var generous = base
        generous.mutuelle.coverageRate = 0.95
        generous.amo.coverageOutpatient = 0.9
        let a = Simulation.runReplication(base, seed: 2, replication: 0, threads: 2)
        let b = Simulation.runReplication(effective, seed: 2, replication: 0, threads: 2)
        let c = Simulation.runReplication(generous, seed: 2, replication: 0, threads: 2)
        for (x, (y, z)) in zip(a.years, zip(b.years, c.years)) {
            #expect(y[.cheOOP] < x[.cheOOP])
            #expect(z[.cheOOP] < x[.cheOOP])
            #expect(y[.catastrophic10] <= x[.catastrophic10])
            #expect(y[.careNeeds] == x[.careNeeds] && y[.population] == x[.population])
        }
    }
}

@Suite("Keeping part of each replication")
struct KeepTests {
    @Test func keepSeesEveryReplicationWholeAndInOrder() {
        var p = Parameters()
        p.simulation.sampleFraction = 0.0005
        p.simulation.endYear = 2023
        let options = RunOptions(seed: 4, replications: 5, threads: 2)
        let whole = Simulation.run(p, options: options)
        let kept = Simulation.run(p, options: options) { ($0.replication, $0.years) }
        #expect(kept.map(\.0) == [0, 1, 2, 3, 4])
        #expect(kept.map(\.1) == whole.map(\.years))
    }
}
