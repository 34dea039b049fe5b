import Foundation
import RandomStreams
import Testing

// The checks MODEL.md section 10 asks of every GSL distribution: sample mean and variance within
// tolerances derived from the sample size, and a goodness-of-fit test against GSL's own cdf.

/// Draws per distribution: large enough for tight tolerances, small enough for < 1 s in a debug build.
let drawCount = 200_000

/// Tolerances are 4 standard errors (two-sided ≈ 6·10⁻⁵ by chance); goodness of fit is tested at α = 0.001.
let standardErrors = 4.0
let alpha = 0.001

/// The true moments of a distribution: mean, variance and fourth central moment μ4 = E[(X − μ)⁴].
struct TrueMoments {
    var mean: Double
    var variance: Double
    var mu4: Double
}

/// Mean and unbiased variance of a sample (two passes, for accuracy).
struct SampleMoments {
    var mean: Double
    var variance: Double

    init(_ xs: [Double]) {
        let n = Double(xs.count)
        mean = xs.reduce(0, +) / n
        var ss = 0.0
        for x in xs { ss += (x - mean) * (x - mean) }
        variance = ss / (n - 1)
    }
}

/// Sample mean within tol = 4·sqrt(Var/n) of the true mean, and sample variance within
/// tol = 4·sqrt(Var(s²)) of the true variance, where Var(s²) = μ4/n − σ⁴(n − 3)/(n(n − 1)) exactly,
/// ≈ (μ4 − σ⁴)/n for large n. (The exact form matters where μ4 = σ⁴, a fair coin: there the large-n
/// form gives a tolerance of 0, but s² still varies, by 2σ⁴/(n(n − 1)).)
func expectMoments(_ xs: [Double], _ truth: TrueMoments, _ label: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let n = Double(xs.count)
    let sample = SampleMoments(xs)
    let meanTol = standardErrors * (truth.variance / n).squareRoot()
    let sigma4 = truth.variance * truth.variance
    let varianceOfS2 = truth.mu4 / n - sigma4 * (n - 3) / (n * (n - 1))
    let varianceTol = standardErrors * varianceOfS2.squareRoot()
    #expect(abs(sample.mean - truth.mean) <= meanTol,
            "\(label): mean \(sample.mean) vs \(truth.mean) ± \(meanTol)", sourceLocation: sourceLocation)
    #expect(abs(sample.variance - truth.variance) <= varianceTol,
            "\(label): variance \(sample.variance) vs \(truth.variance) ± \(varianceTol)",
            sourceLocation: sourceLocation)
}

/// One-sample Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)|, checked at both sides of each step.
func ksStatistic(_ xs: [Double], cdf: (Double) -> Double) -> Double {
    let sorted = xs.sorted()
    let n = Double(sorted.count)
    var d = 0.0
    for (i, x) in sorted.enumerated() {
        let f = cdf(x)
        d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
    }
    return d
}

/// Asymptotic critical value of D at level α: sqrt(−ln(α/2)/2)/sqrt(n) (≈ 1.949/sqrt(n) at α = 0.001).
func ksCritical(n: Int, alpha: Double) -> Double {
    (-log(alpha / 2) / 2).squareRoot() / Double(n).squareRoot()
}

/// D below its critical value at α = 0.001.
func expectKolmogorovSmirnov(_ xs: [Double], _ label: String, cdf: (Double) -> Double,
                             sourceLocation: SourceLocation = #_sourceLocation) {
    let d = ksStatistic(xs, cdf: cdf)
    let critical = ksCritical(n: xs.count, alpha: alpha)
    #expect(d < critical, "\(label): KS D = \(d), critical \(critical)", sourceLocation: sourceLocation)
}

/// Pearson's chi-square of observed category counts against exact category probabilities (which sum to 1).
/// Neighbouring categories are merged, left to right, until each bin expects at least 5 draws; a short
/// remainder joins the last bin. Returns the statistic and its degrees of freedom (bins − 1).
func chiSquare(observed: [Int], probabilities: [Double]) -> (statistic: Double, dof: Int) {
    precondition(observed.count == probabilities.count)
    let n = Double(observed.reduce(0, +))
    var bins: [(observed: Double, expected: Double)] = []
    var pending = (observed: 0.0, expected: 0.0)
    for (o, p) in zip(observed, probabilities) {
        pending.observed += Double(o)
        pending.expected += n * p
        if pending.expected >= 5 {
            bins.append(pending)
            pending = (0, 0)
        }
    }
    if pending.expected > 0 || pending.observed > 0 {
        if bins.isEmpty { bins.append(pending) } else {
            bins[bins.count - 1].observed += pending.observed
            bins[bins.count - 1].expected += pending.expected
        }
    }
    let statistic = bins.reduce(0.0) { $0 + ($1.observed - $1.expected) * ($1.observed - $1.expected) / $1.expected }
    return (statistic, bins.count - 1)
}

/// Chi-square below its critical value at α = 0.001 (from GSL's `gsl_cdf_chisq_Qinv`).
func expectChiSquare(observed: [Int], probabilities: [Double], _ label: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
    let (statistic, dof) = chiSquare(observed: observed, probabilities: probabilities)
    #expect(dof >= 1, "\(label): too few bins", sourceLocation: sourceLocation)
    let critical = GSLCDF.chisqQuantile(upperTail: alpha, dof: Double(dof))
    #expect(statistic < critical, "\(label): chi-square \(statistic) on \(dof) df, critical \(critical)",
            sourceLocation: sourceLocation)
}

/// `count` draws from a generator seeded with `seed`.
func draws<T>(_ count: Int = drawCount, seed: UInt64, _ draw: (GSLGenerator) -> T) -> [T] {
    let rng = GSLGenerator(seed: seed)
    return (0..<count).map { _ in draw(rng) }
}
