import CGSL
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// A GSL random number generator (`gsl_rng_taus2`: 24 bytes of state, cheap to seed) that owns its
/// `gsl_rng*` and frees it. One instance per worker; it is re-seeded for each stream it serves,
/// so no generator is ever shared between threads and no draw depends on event order elsewhere.
public final class GSLGenerator {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    /// taus2's state, three `unsigned long` words s1, s2, s3 (GSL `rng/taus.c`, `taus_state_t`).
    @usableFromInline let state: UnsafeMutablePointer<CUnsignedLong>
    /// taus2's `get_double`, called straight: `gsl_rng_uniform` is a call that only makes this call.
    @usableFromInline let getDouble: @convention(c) (UnsafeMutableRawPointer?) -> Double
    @usableFromInline let rawState: UnsafeMutableRawPointer

    /// A taus2 generator on the stream that `seed` names (see `reseed(_:)`).
    public init(seed: UInt64 = 1) {
        guard let r = gsl_rng_alloc(cgsl_rng_taus2()) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        // reseed writes taus2's state words itself: check that the state is what it assumes.
        precondition(gsl_rng_size(r) == 3 * MemoryLayout<CUnsignedLong>.size,
                     "unexpected gsl_rng_taus2 state layout")
        rng = r
        rawState = gsl_rng_state(r)
        state = rawState.bindMemory(to: CUnsignedLong.self, capacity: 3)
        guard let get = r.pointee.type.pointee.get_double else { fatalError("gsl_rng_taus2 has no get_double") }
        getDouble = get
        reseed(seed)
    }

    deinit { gsl_rng_free(rng) }

    /// Re-seeds the generator, starting the stream that `seed` names; distinct seeds give distinct streams.
    ///
    /// Why not `gsl_rng_set`: taus2's seeding keeps only the low 32 bits of its seed (`s1 = 69069·s mod 2^32`),
    /// which would fold our 64-bit stream keys onto 2^32 streams, so that at full scale thousands of
    /// households would share a stream. Instead the 64 bits of `seed`, mixed, fill the bits of the three
    /// words that taus2's recurrence keeps (the top 31, 29 and 28 bits of s1, s2, s3), so the map from
    /// seed to state is one to one. No warm-up steps: GSL's seeding needs them to decorrelate states made
    /// by an LCG from neighbouring seeds, but SplitMix64 already does that (and households re-seed three
    /// streams every year, so eighteen wasted draws per household-year showed in the profile).
    @inlinable public func reseed(_ seed: UInt64) {
        let a = SplitMix64.mix(seed)        // bijective: distinct seeds, distinct a
        let b = SplitMix64.mix(a ^ 0x7461_7573_3200_0000)  // "taus2": only fills bits a cannot
        var s1 = (a & 0x7FFF_FFFF) << 1                           // 31 bits of a
        var s2 = ((a >> 31) & 0x1FFF_FFFF) << 3                   // next 29 bits
        var s3 = ((a >> 60) | (b & 0x00FF_FFFF) << 4) << 4        // last 4 bits of a, 24 of b
        // L'Ecuyer's conditions s1 ≥ 2, s2 ≥ 8, s3 ≥ 16: a word whose kept bits are all zero would stay zero.
        if s1 == 0 { s1 = 2 }
        if s2 == 0 { s2 = 8 }
        if s3 == 0 { s3 = 16 }
        writeTausState(s1, s2, s3)
    }

    /// Writes taus2's three state words.
    @usableFromInline func writeTausState(_ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        state[0] = CUnsignedLong(truncatingIfNeeded: s1)
        state[1] = CUnsignedLong(truncatingIfNeeded: s2)
        state[2] = CUnsignedLong(truncatingIfNeeded: s3)
    }

    /// Writes taus2's state words and warms the generator up six steps, exactly as GSL's `taus2_set`
    /// does (used to check that our view of GSL's state layout is right).
    @usableFromInline func setTausState(_ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        writeTausState(s1, s2, s3)
        for _ in 0..<6 { _ = gsl_rng_get(rng) }
    }

    /// Re-seeds the generator to the stream of `key`.
    @inlinable public func reseed(_ key: StreamKey) { reseed(key.seedForGSL) }

    /// Uniform on [0, 1).
    @inlinable public func uniform() -> Double { getDouble(rawState) }

    /// Uniform on (0, 1): never 0, safe under a logarithm.
    @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

    /// Exponential with the given mean (`gsl_ran_exponential`).
    @inlinable public func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }

    /// Poisson count with mean `mu` (`gsl_ran_poisson`).
    @inlinable public func poisson(mean mu: Double) -> UInt32 { UInt32(gsl_ran_poisson(rng, mu)) }

    /// A Poisson count by inversion of `table`'s cdf: one uniform, the same law as `gsl_ran_poisson`
    /// (which draws means above `PoissonTable.largestMean`).
    @inlinable public func poisson(_ table: UnsafePointer<PoissonTable>) -> UInt32 {
        let mean = table.pointee.mean
        return mean > PoissonTable.largestMean ? poisson(mean: mean) : PoissonTable.count(table, at: uniform())
    }

    /// A Poisson count by inversion, its probabilities e^−μ μ^k / k! computed as the search goes: one
    /// uniform and one exponential (means above `PoissonTable.largestMean` go to `gsl_ran_poisson`).
    @inlinable public func poisson(inverting mu: Double) -> UInt32 {
        guard mu <= PoissonTable.largestMean else { return poisson(mean: mu) }
        let u = uniform()
        var p = exp(-mu), cdf = p, k: UInt32 = 0
        while u >= cdf && p > 0 {  // (p reaches 0 only if rounding left the sum short of u)
            k += 1
            p *= mu / Double(k)
            cdf += p
        }
        return k
    }

    /// Gaussian with mean 0 and standard deviation `sigma` (`gsl_ran_gaussian_ziggurat`).
    @inlinable public func gaussian(sigma: Double) -> Double { gsl_ran_gaussian_ziggurat(rng, sigma) }

    /// Lognormal with log-mean `zeta` and log-sd `sigma`: exp(zeta + sigma·Z) with Z from GSL's ziggurat
    /// Gaussian, which needs no logarithm for most draws (`gsl_ran_lognormal` uses the slower polar method).
    @inlinable public func lognormal(zeta: Double, sigma: Double) -> Double {
        exp(zeta + sigma * gsl_ran_gaussian_ziggurat(rng, 1))
    }

    /// A unit exponential (`gsl_ran_exponential(rng, 1)`: −log1p(−u) for one uniform u), returned only if
    /// it may be below `x`; nil means it is not (the uniform is drawn either way, so the stream moves on
    /// the same). As −log1p(−u) ≥ u, a uniform at or above x settles it without a logarithm: for
    /// yearly hazards of a few percent that is nearly every draw. (The margin keeps rounding on the
    /// safe side: what is returned is exactly GSL's value, and nil only where GSL's is above x.)
    @inlinable public func unitExponential(ifBelow x: Double) -> Double? {
        let u = uniform()
        if u >= x * (1 + 1e-6) { return nil }
        return -log1p(-u)
    }

    /// Bernoulli trial: true with probability `p` (`gsl_ran_bernoulli`).
    @inlinable public func bernoulli(_ p: Double) -> Bool { gsl_ran_bernoulli(rng, p) == 1 }

    /// Uniform integer in 0..<n (`gsl_rng_uniform_int`); `n` must be positive.
    @inlinable public func uniformInt(below n: Int) -> Int {
        Int(gsl_rng_uniform_int(rng, UInt(n)))
    }
}
