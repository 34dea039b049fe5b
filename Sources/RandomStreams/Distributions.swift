import CGSL
import Foundation

/// GSL's cumulative distribution functions, for tests that check samples against their distribution.
public enum GSLCDF {
    public static func exponentialP(_ x: Double, mean: Double) -> Double { gsl_cdf_exponential_P(x, mean) }
    public static func lognormalP(_ x: Double, zeta: Double, sigma: Double) -> Double {
        gsl_cdf_lognormal_P(x, zeta, sigma)
    }
    public static func gaussianP(_ x: Double, sigma: Double) -> Double { gsl_cdf_gaussian_P(x, sigma) }
    public static func poissonP(_ k: UInt32, mean: Double) -> Double { gsl_cdf_poisson_P(k, mean) }
    public static func uniformP(_ x: Double) -> Double { gsl_cdf_flat_P(x, 0, 1) }
    /// The chi-square value exceeded with probability `alpha` on `dof` degrees of freedom
    /// (`gsl_cdf_chisq_Qinv`), the critical value of a goodness-of-fit test at level `alpha`.
    public static func chisqQuantile(upperTail alpha: Double, dof: Double) -> Double {
        gsl_cdf_chisq_Qinv(alpha, dof)
    }
}

/// Lognormal parameters from the mean and standard deviation of the distribution itself
/// (MODEL.md gives care costs as mean / sd in FCFA): sigma² = ln(1 + sd²/mean²), zeta = ln(mean) − sigma²/2.
public struct LognormalShape: Sendable, Equatable {
    public var zeta: Double
    public var sigma: Double

    public init(mean: Double, sd: Double) {
        precondition(mean > 0 && sd > 0, "lognormal needs a positive mean and standard deviation")
        let s2 = log(1 + (sd * sd) / (mean * mean))
        sigma = s2.squareRoot()
        zeta = log(mean) - s2 / 2
    }

    public init(zeta: Double, sigma: Double) {
        self.zeta = zeta
        self.sigma = sigma
    }
}


/// A Poisson law with a fixed mean, tabulated for drawing by inversion: one uniform per count, where
/// GSL's `gsl_ran_poisson` multiplies count + 1 of them. Made once per mean that many draws share (a need
/// rate over a year). The cdf is summed from the probabilities e^−μ μ^k / k!, each from the one before
/// (tests hold it to GSL's `gsl_cdf_poisson_P` within 1e-13: calling GSL for each entry cost a
/// millisecond per policy segment); past the table, GSL's cdf itself.
public struct PoissonTable: Sendable {
    public static let size = 24
    public let mean: Double
    /// cdf[k] = P(N ≤ k) for k < `size`.
    @usableFromInline let cdf: InlineArray<24, Double>
    /// guide[j]: the count for u = j / 32, where the search for any u ≥ j / 32 can start (Chen and Asau's
    /// guide table): about one step then, whatever the mean, instead of a step per count.
    @usableFromInline let guide: InlineArray<32, UInt8>

    public init(mean: Double) {
        precondition(mean >= 0 && mean.isFinite, "a Poisson mean must be finite and non-negative")
        self.mean = mean
        var c = InlineArray<24, Double>(repeating: 1)  // a mean of 0 gives 0 always (GSL's cdf refuses it)
        if mean > 0 {
            var p = exp(-mean), sum = 0.0
            for k in 0..<Self.size {
                sum += p
                c[k] = min(sum, 1)
                p *= mean / Double(k + 1)
            }
        }
        cdf = c
        var g = InlineArray<32, UInt8>(repeating: UInt8(Self.size))
        var k = 0
        for j in 0..<32 {
            while k < Self.size && Double(j) / 32 >= c[k] { k += 1 }
            g[j] = UInt8(k)
        }
        guide = g
    }

    /// P(N ≤ k), for k < `size`.
    public func cumulative(_ k: Int) -> Double { cdf[k] }

    /// Above this mean the table holds too little of the law: draws go to `gsl_ran_poisson`.
    public static let largestMean = 12.0

    /// The count whose cdf interval holds `u` (uniform on [0, 1)): the least k with u < P(N ≤ k).
    /// Read through a pointer: a table is 232 bytes, and copying it per draw cost more than the draw.
    @inlinable public static func count(_ table: UnsafePointer<PoissonTable>, at u: Double) -> UInt32 {
        let cdf = UnsafeRawPointer(table.pointer(to: \.cdf)!).assumingMemoryBound(to: Double.self)
        let guide = UnsafeRawPointer(table.pointer(to: \.guide)!).assumingMemoryBound(to: UInt8.self)
        assert(u >= 0 && u < 1, "a Poisson count by inversion needs a uniform in [0, 1)")
        var k = Int(guide[Int(u * 32)])
        while k < size {
            if u < cdf[k] { return UInt32(k) }
            k += 1
        }
        // Past the table (P(N ≥ 24) is below 1e-13 for a mean of 2, 0.2 % for 12): GSL's cdf, one
        // count at a time.
        var n = UInt32(size)
        while n < UInt32.max && u >= gsl_cdf_poisson_P(n, table.pointee.mean) { n += 1 }
        return n
    }
}
