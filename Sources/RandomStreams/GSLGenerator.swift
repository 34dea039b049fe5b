import CGSL

/// A GSL random number generator (`gsl_rng_taus2`: 24 bytes of state, cheap to seed) that owns its
/// `gsl_rng*` and frees it. One instance per worker; it is re-seeded for each stream it serves,
/// so no generator is ever shared between threads and no draw depends on event order elsewhere.
public final class GSLGenerator {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>

    /// A taus2 generator seeded with `seed` (GSL replaces a zero seed by its default, 1).
    public init(seed: UInt64 = 1) {
        guard let r = gsl_rng_alloc(cgsl_rng_taus2()) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        rng = r
        gsl_rng_set(rng, UInt(truncatingIfNeeded: seed))
    }

    deinit { gsl_rng_free(rng) }

    /// Re-seeds the generator, starting the stream that `seed` names.
    @inlinable public func reseed(_ seed: UInt64) {
        gsl_rng_set(rng, UInt(truncatingIfNeeded: seed))
    }

    /// Re-seeds the generator to the stream of `key`.
    @inlinable public func reseed(_ key: StreamKey) { reseed(key.seedForGSL) }

    /// Uniform on [0, 1).
    @inlinable public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// Uniform on (0, 1): never 0, safe under a logarithm.
    @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

    /// Exponential with the given mean (`gsl_ran_exponential`).
    @inlinable public func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }

    /// Poisson count with mean `mu` (`gsl_ran_poisson`).
    @inlinable public func poisson(mean mu: Double) -> UInt32 { UInt32(gsl_ran_poisson(rng, mu)) }

    /// Gaussian with mean 0 and standard deviation `sigma` (`gsl_ran_gaussian_ziggurat`).
    @inlinable public func gaussian(sigma: Double) -> Double { gsl_ran_gaussian_ziggurat(rng, sigma) }

    /// Lognormal with log-mean `zeta` and log-sd `sigma` (`gsl_ran_lognormal`).
    @inlinable public func lognormal(zeta: Double, sigma: Double) -> Double {
        gsl_ran_lognormal(rng, zeta, sigma)
    }

    /// Bernoulli trial: true with probability `p` (`gsl_ran_bernoulli`).
    @inlinable public func bernoulli(_ p: Double) -> Bool { gsl_ran_bernoulli(rng, p) == 1 }

    /// Uniform integer in 0..<n (`gsl_rng_uniform_int`); `n` must be positive.
    @inlinable public func uniformInt(below n: Int) -> Int {
        Int(gsl_rng_uniform_int(rng, UInt(n)))
    }
}
