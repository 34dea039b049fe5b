import Foundation
import RandomStreams
import Testing

/// Every GSL distribution the model draws from: mean and variance within 4 standard errors, and a
/// goodness-of-fit test against GSL's own cdf at α = 0.001 (KS for continuous, chi-square for discrete).
/// Each test uses a fixed seed, so a failure is a change in the generator or the wrapper, not bad luck.
@Suite("GSL distributions match their laws")
struct DistributionTests {
    /// Uniform on [0, 1): mean 1/2, variance 1/12, μ4 = 1/80.
    static let uniformMoments = TrueMoments(mean: 0.5, variance: 1.0 / 12, mu4: 1.0 / 80)

    @Test func uniform() {
        let xs = draws(seed: 11) { $0.uniform() }
        #expect(xs.allSatisfy { $0 >= 0 && $0 < 1 })
        expectMoments(xs, Self.uniformMoments, "uniform")
        expectKolmogorovSmirnov(xs, "uniform") { GSLCDF.uniformP($0) }
    }

    @Test func uniformPositive() {
        let xs = draws(seed: 12) { $0.uniformPositive() }
        #expect(xs.allSatisfy { $0 > 0 && $0 < 1 })
        expectMoments(xs, Self.uniformMoments, "uniformPositive")
        expectKolmogorovSmirnov(xs, "uniformPositive") { GSLCDF.uniformP($0) }
    }

    /// Exponential with mean m (rate λ = 1/m): variance m², μ4 = 9/λ⁴ = 9m⁴.
    @Test(arguments: [1.0, 0.37, 25.0])
    func exponential(mean m: Double) {
        let xs = draws(seed: 13) { $0.exponential(mean: m) }
        #expect(xs.allSatisfy { $0 >= 0 })
        expectMoments(xs, TrueMoments(mean: m, variance: m * m, mu4: 9 * pow(m, 4)), "exponential(\(m))")
        expectKolmogorovSmirnov(xs, "exponential(\(m))") { GSLCDF.exponentialP($0, mean: m) }
    }

    /// Gaussian with mean 0 and sd σ: variance σ², μ4 = 3σ⁴.
    @Test(arguments: [1.0, 2.5])
    func gaussian(sigma: Double) {
        let xs = draws(seed: 14) { $0.gaussian(sigma: sigma) }
        let s2 = sigma * sigma
        expectMoments(xs, TrueMoments(mean: 0, variance: s2, mu4: 3 * s2 * s2), "gaussian(\(sigma))")
        expectKolmogorovSmirnov(xs, "gaussian(\(sigma))") { GSLCDF.gaussianP($0, sigma: sigma) }
    }

    /// Lognormal(ζ, σ), with w = e^{σ²}: mean μ = e^{ζ + σ²/2}, variance μ²(w − 1), and
    /// μ4 = μ⁴(w − 1)²(w⁴ + 2w³ + 3w² − 3) (its kurtosis times the variance squared).
    static func lognormalMoments(zeta: Double, sigma: Double) -> TrueMoments {
        let w = exp(sigma * sigma)
        let mean = exp(zeta + sigma * sigma / 2)
        let variance = mean * mean * (w - 1)
        let kurtosis = pow(w, 4) + 2 * pow(w, 3) + 3 * w * w - 3
        return TrueMoments(mean: mean, variance: variance, mu4: variance * variance * kurtosis)
    }

    @Test(arguments: [(0.0, 0.25), (9.0, 0.8)])
    func lognormal(zeta: Double, sigma: Double) {
        let xs = draws(seed: 15) { $0.lognormal(zeta: zeta, sigma: sigma) }
        #expect(xs.allSatisfy { $0 > 0 })
        expectMoments(xs, Self.lognormalMoments(zeta: zeta, sigma: sigma), "lognormal(\(zeta), \(sigma))")
        expectKolmogorovSmirnov(xs, "lognormal(\(zeta), \(sigma))") {
            GSLCDF.lognormalP($0, zeta: zeta, sigma: sigma)
        }
    }

    /// A care cost given as mean and sd (MODEL.md section 5): the lognormal drawn with LognormalShape
    /// has that mean and sd.
    @Test(arguments: [(6000.0, 5000.0), (25_000.0, 60_000.0), (1.0, 0.1)])
    func lognormalShape(mean: Double, sd: Double) {
        let shape = LognormalShape(mean: mean, sd: sd)
        let truth = Self.lognormalMoments(zeta: shape.zeta, sigma: shape.sigma)
        // The shape's own moments are exactly the requested ones ...
        #expect(abs(truth.mean - mean) <= 1e-9 * mean)
        #expect(abs(truth.variance.squareRoot() - sd) <= 1e-9 * sd)
        // ... and so are the draws', within 4 standard errors.
        let xs = draws(seed: 16) { $0.lognormal(zeta: shape.zeta, sigma: shape.sigma) }
        expectMoments(xs, TrueMoments(mean: mean, variance: sd * sd, mu4: truth.mu4), "shape(\(mean), \(sd))")
        expectKolmogorovSmirnov(xs, "shape(\(mean), \(sd))") {
            GSLCDF.lognormalP($0, zeta: shape.zeta, sigma: shape.sigma)
        }
    }

    /// Poisson with mean λ: variance λ, μ4 = λ(1 + 3λ). Means on both sides of 10, where GSL changes method.
    @Test(arguments: [0.5, 4.2, 37.5])
    func poisson(mean lambda: Double) {
        Self.expectPoissonLaw(draws(seed: 17) { $0.poisson(mean: lambda) }, mean: lambda)
    }

    /// Inversion of a tabulated cdf (`PoissonTable`) has Poisson's law: means inside the table, whose
    /// tail runs past its 24 entries (9.5), and above `largestMean` (drawn by GSL instead).
    @Test(arguments: [0.8, 2.0, 9.5, 16.0])
    func poissonByInversion(mean lambda: Double) {
        let table = PoissonTable(mean: lambda)
        let ks = withUnsafePointer(to: table) { t in draws(seed: 19) { $0.poisson(t) } }
        Self.expectPoissonLaw(ks, mean: lambda)
    }

    /// Inversion with the probabilities computed as it goes (`poisson(inverting:)`, for part-year
    /// stretches): Poisson's law, up to `largestMean` and above it (drawn by GSL instead).
    @Test(arguments: [0.3, 2.5, 11.0, 20.0])
    func poissonInvertingAsItGoes(mean lambda: Double) {
        Self.expectPoissonLaw(draws(seed: 23) { $0.poisson(inverting: lambda) }, mean: lambda)
    }

    /// Moments, and a chi-square test against GSL's cdf over categories 0, 1, …, top − 1 and "top or more".
    static func expectPoissonLaw(_ ks: [UInt32], mean lambda: Double) {
        expectMoments(ks.map(Double.init), TrueMoments(mean: lambda, variance: lambda, mu4: lambda * (1 + 3 * lambda)),
                      "poisson(\(lambda))")
        let top = Int(lambda + 12 * lambda.squareRoot() + 12)
        var observed = [Int](repeating: 0, count: top + 1)
        for k in ks { observed[min(Int(k), top)] += 1 }
        var probabilities: [Double] = []
        var below = 0.0  // P(X ≤ k − 1)
        for k in 0..<top {
            let upTo = GSLCDF.poissonP(UInt32(k), mean: lambda)
            probabilities.append(upTo - below)
            below = upTo
        }
        probabilities.append(1 - below)
        expectChiSquare(observed: observed, probabilities: probabilities, "poisson(\(lambda))")
    }

    /// The table's cdf, summed by recurrence, is GSL's (`gsl_cdf_poisson_P`) within 1e-13; a uniform just
    /// below an entry gives that count and one at it the next, inside the table and past it; a mean of 0
    /// gives 0 always; one draw takes exactly one uniform.
    @Test func poissonTableInvertsGSLsCdf() {
        for mu in [1e-6, 0.3, 0.8, 2, 5, 9.5, 12] {
            var table = PoissonTable(mean: mu)
            withUnsafePointer(to: &table) { t in
                for k in 0..<30 {
                    let cdf = GSLCDF.poissonP(UInt32(k), mean: mu)
                    if k < PoissonTable.size { #expect(abs(t.pointee.cumulative(k) - cdf) <= 1e-13, "mean \(mu), k \(k)") }
                    guard cdf < 1 - 1e-12 else { break }
                    #expect(PoissonTable.count(t, at: cdf - 1e-12) == UInt32(k), "mean \(mu), just below P(N ≤ \(k))")
                    #expect(PoissonTable.count(t, at: cdf + 1e-12) == UInt32(k + 1), "mean \(mu), just above P(N ≤ \(k))")
                }
            }
        }
        var zero = PoissonTable(mean: 0)
        withUnsafePointer(to: &zero) { t in #expect(PoissonTable.count(t, at: 0.999_999_999) == 0) }
        let one = GSLGenerator(seed: 5), other = GSLGenerator(seed: 5)
        var table = PoissonTable(mean: 1.3)
        withUnsafePointer(to: &table) { t in
            for _ in 0..<1000 {
                #expect(one.poisson(t) == PoissonTable.count(t, at: other.uniform()))
            }
        }
    }

    /// The search that starts from the guide table finds what a search from 0 finds (the least k with
    /// u < P(N ≤ k)): at the guide's bucket edges j/32 and just either side, at and around each cdf
    /// entry, and on a fine grid, for means from 0 to the largest tabulated.
    @Test func guidedSearchFindsTheLeastCount() {
        for mu in [0, 1e-9, 0.05, 0.7, 1, 3.3, 6, 11.9, 12] {
            var table = PoissonTable(mean: mu)
            withUnsafePointer(to: &table) { t in
                func plain(_ u: Double) -> UInt32 {
                    for k in 0..<PoissonTable.size where u < t.pointee.cumulative(k) { return UInt32(k) }
                    return UInt32.max  // past the table: compared below only where the table holds u
                }
                var us = (0..<20_000).map { Double($0) / 20_000 }
                for j in 0..<32 { us += [Double(j) / 32, Double(j) / 32 - 1e-15, Double(j) / 32 + 1e-15] }
                for k in 0..<PoissonTable.size {
                    let c = t.pointee.cumulative(k)
                    us += [c, c.nextDown, c.nextUp]
                }
                for u in us where u >= 0 && u < 1 && u < t.pointee.cumulative(PoissonTable.size - 1) {
                    #expect(PoissonTable.count(t, at: u) == plain(u), "mean \(mu), u \(u)")
                }
            }
        }
    }

    /// `unitExponential(ifBelow:)` gives GSL's unit exponential whenever that is below x, and nil only
    /// when it is not; the stream moves on one uniform either way.
    @Test func unitExponentialBelowIsGSLs() {
        let ours = GSLGenerator(seed: 31), gsl = GSLGenerator(seed: 31)
        var wrong = 0, below = 0
        for i in 0..<200_000 {
            let x = [0.0, 1e-12, 0.004, 0.05, 0.3, 2.0, 40][i % 7]
            let reference = gsl.exponential(mean: 1)
            switch ours.unitExponential(ifBelow: x) {
            case let e?: if e != reference { wrong += 1 }; if e < x { below += 1 }
            case nil: if reference < x { wrong += 1 }
            }
        }
        #expect(wrong == 0)
        #expect(ours.uniform() == gsl.uniform())
        #expect(below > 30_000)
    }

    /// Bernoulli(p): mean p, variance p(1 − p), μ4 = p(1 − p)(1 − 3p(1 − p)).
    @Test(arguments: [0.3, 0.02, 0.9])
    func bernoulli(p: Double) {
        let bs = draws(seed: 18) { $0.bernoulli(p) }
        let v = p * (1 - p)
        expectMoments(bs.map { $0 ? 1.0 : 0.0 }, TrueMoments(mean: p, variance: v, mu4: v * (1 - 3 * v)),
                      "bernoulli(\(p))")
        let ones = bs.count(where: { $0 })
        expectChiSquare(observed: [bs.count - ones, ones], probabilities: [1 - p, p], "bernoulli(\(p))")
    }

    /// Uniform on {0, …, m − 1}: mean (m − 1)/2, variance (m² − 1)/12, μ4 = (m² − 1)(3m² − 7)/240.
    @Test(arguments: [2, 7, 1000])
    func uniformInt(below m: Int) {
        let ks = draws(seed: 19) { $0.uniformInt(below: m) }
        #expect(ks.allSatisfy { (0..<m).contains($0) })
        let m2 = Double(m * m)
        expectMoments(ks.map(Double.init),
                      TrueMoments(mean: Double(m - 1) / 2, variance: (m2 - 1) / 12, mu4: (m2 - 1) * (3 * m2 - 7) / 240),
                      "uniformInt(\(m))")
        var observed = [Int](repeating: 0, count: m)
        for k in ks { observed[k] += 1 }
        expectChiSquare(observed: observed, probabilities: [Double](repeating: 1 / Double(m), count: m),
                        "uniformInt(\(m))")
    }

    /// The critical values the tests use, against printed tables.
    @Test func criticalValues() {
        // Chi-square upper 0.001 points (e.g. Abramowitz & Stegun table 26.8): 10.828 (1 df), 29.588 (10 df).
        #expect(abs(GSLCDF.chisqQuantile(upperTail: 0.001, dof: 1) - 10.828) < 1e-3)
        #expect(abs(GSLCDF.chisqQuantile(upperTail: 0.001, dof: 10) - 29.588) < 1e-3)
        #expect(abs(GSLCDF.chisqQuantile(upperTail: 0.05, dof: 3) - 7.815) < 1e-3)
        // KS at α = 0.001: 1.949/sqrt(n).
        #expect(abs(ksCritical(n: 1, alpha: 0.001) - 1.9495) < 1e-4)
    }

    /// The checks themselves reject a wrong law: uniform draws are not exponential, and a biased coin
    /// is not a fair one. (Guards against a test that cannot fail.)
    @Test func checksHavePower() {
        let us = draws(20_000, seed: 20) { $0.uniform() }
        #expect(ksStatistic(us, cdf: { GSLCDF.exponentialP($0, mean: 0.5) }) > ksCritical(n: us.count, alpha: alpha))
        let bs = draws(20_000, seed: 21) { $0.bernoulli(0.52) }
        let ones = bs.count(where: { $0 })
        let (statistic, dof) = chiSquare(observed: [bs.count - ones, ones], probabilities: [0.5, 0.5])
        #expect(statistic > GSLCDF.chisqQuantile(upperTail: alpha, dof: Double(dof)))
    }
}
