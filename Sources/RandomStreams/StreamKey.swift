/// The name of one random stream: (seed, replication, entity, purpose, period), as MODEL.md section 2 asks.
///
/// Every entity (a household) has its own stream per purpose and period, seeded from a hash of the
/// key. So the draws an entity sees do not depend on which thread runs it or on what other entities
/// did, and two scenarios run with the same seed share random numbers (common random numbers).
public struct StreamKey: Hashable, Sendable {
    public var seed: UInt64
    public var replication: UInt32
    public var entity: UInt64
    public var purpose: UInt32
    public var period: Int32

    public init(seed: UInt64, replication: Int, entity: UInt64, purpose: UInt32, period: Int) {
        self.seed = seed
        self.replication = UInt32(truncatingIfNeeded: replication)
        self.entity = entity
        self.purpose = purpose
        self.period = Int32(truncatingIfNeeded: period)
    }

    /// A 64-bit seed mixing every field through SplitMix64, so that neighbouring keys give unrelated streams.
    @inlinable public var seed64: UInt64 { family.seed64(purpose: purpose) }

    /// The seed handed to `GSLGenerator.reseed`: `seed64`, never zero (see `StreamFamily.seedForGSL`).
    @inlinable public var seedForGSL: UInt64 { family.seedForGSL(purpose: purpose) }

    @inlinable var family: StreamFamily {
        StreamFamily(seed: seed, replication: Int(replication), entity: entity, period: Int(period))
    }
}

/// SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijective mix of 64 bits.
public enum SplitMix64 {
    @inlinable public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The hash of (seed, replication) that begins every stream's: the same for every entity of a
/// replication, so worked out once, not per entity.
public struct StreamRoot: Sendable, Equatable {
    @usableFromInline let hash: UInt64

    @inlinable public init(seed: UInt64, replication: Int) {
        let h = SplitMix64.mix(seed ^ 0x5241_4D55_5349_4D00)  // "RAMUSIM\0"
        hash = SplitMix64.mix(h ^ UInt64(UInt32(truncatingIfNeeded: replication)))
    }
}

/// The streams of one entity in one period, for several purposes: the hash of (seed, replication,
/// entity) is computed once and each purpose adds one mixing step (`StreamKey` hashes through it).
public struct StreamFamily: Sendable {
    @usableFromInline let prefix: UInt64
    @usableFromInline let period: Int32

    @inlinable public init(seed: UInt64, replication: Int, entity: UInt64, period: Int) {
        self.init(StreamRoot(seed: seed, replication: replication), entity: entity, period: period)
    }

    @inlinable public init(_ root: StreamRoot, entity: UInt64, period: Int) {
        prefix = SplitMix64.mix(root.hash ^ entity)
        self.period = Int32(truncatingIfNeeded: period)
    }

    /// The 64-bit seed of the stream for `purpose`.
    @inlinable public func seed64(purpose: UInt32) -> UInt64 {
        SplitMix64.mix(prefix ^ (UInt64(purpose) << 32 | UInt64(UInt32(bitPattern: period))))
    }

    /// `seed64`, never zero: GSL's own seeding reads 0 as "use the default seed", so zero is kept out of
    /// every seed path.
    @inlinable public func seedForGSL(purpose: UInt32) -> UInt64 {
        let s = seed64(purpose: purpose)
        return s == 0 ? 0x9E37_79B9_7F4A_7C15 : s
    }
}
