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
    /// Upper tail of the standard normal, for test statistics.
    public static func gaussianQ(_ x: Double) -> Double { gsl_cdf_ugaussian_Q(x) }
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

