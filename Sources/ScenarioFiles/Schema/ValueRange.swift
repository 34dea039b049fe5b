/// An interval of allowed real values; either end may be open, closed or absent.
public struct ValueRange: Sendable, Equatable {
    public var lower: Double?
    public var lowerInclusive: Bool
    public var upper: Double?
    public var upperInclusive: Bool

    public init(lower: Double?, lowerInclusive: Bool, upper: Double?, upperInclusive: Bool) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    /// [0, 1]: shares, probabilities, rates written as fractions.
    public static let fraction = closed(0, 1)
    /// > 0.
    public static let positive = ValueRange(lower: 0, lowerInclusive: false, upper: nil, upperInclusive: false)
    /// ≥ 0.
    public static let nonNegative = ValueRange(lower: 0, lowerInclusive: true, upper: nil, upperInclusive: false)

    /// [a, b].
    public static func closed(_ a: Double, _ b: Double) -> ValueRange {
        ValueRange(lower: a, lowerInclusive: true, upper: b, upperInclusive: true)
    }

    /// ]a, b].
    public static func above(_ a: Double, through b: Double) -> ValueRange {
        ValueRange(lower: a, lowerInclusive: false, upper: b, upperInclusive: true)
    }

    /// [a, b[.
    public static func from(_ a: Double, below b: Double) -> ValueRange {
        ValueRange(lower: a, lowerInclusive: true, upper: b, upperInclusive: false)
    }

    public func contains(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        if let lower, lowerInclusive ? x < lower : x <= lower { return false }
        if let upper, upperInclusive ? x > upper : x >= upper { return false }
        return true
    }

    /// French wording that follows "un nombre": "entre 0 et 1 (bornes comprises)", "strictement positif (> 0)"...
    public var descriptionFR: String {
        let a = lower.map(ParameterValue.canonicalText)
        let b = upper.map(ParameterValue.canonicalText)
        switch (a, b) {
        case let (a?, b?):
            switch (lowerInclusive, upperInclusive) {
            case (true, true): return "entre \(a) et \(b) (bornes comprises)"
            case (false, true): return "dans ]\(a) ; \(b)] (supérieur à \(a), au plus \(b))"
            case (true, false): return "dans [\(a) ; \(b)[ (au moins \(a), inférieur à \(b))"
            case (false, false): return "strictement entre \(a) et \(b)"
            }
        case let (a?, nil):
            if a == "0" { return lowerInclusive ? "positif ou nul (≥ 0)" : "strictement positif (> 0)" }
            return lowerInclusive ? "supérieur ou égal à \(a)" : "supérieur à \(a)"
        case let (nil, b?):
            return upperInclusive ? "inférieur ou égal à \(b)" : "inférieur à \(b)"
        case (nil, nil):
            return "fini"
        }
    }
}
