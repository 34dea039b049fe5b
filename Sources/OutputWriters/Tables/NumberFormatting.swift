import Foundation

/// A number as the CSV files write it: plain decimal notation, never an exponent, no trailing zeros.
///
/// The rule, chosen to be readable in Excel and identical on every machine:
/// - |x| ≥ 1: rounded to 4 decimals (20537000, 8.37, 1234.5679);
/// - 0 < |x| < 1: rounded to 6 significant digits (0.123457, 0.000123);
/// - trailing zeros and a trailing point are removed; zero (and −0) is written "0".
/// Rounding is printf's (correctly rounded, ties to even on the binary value).
/// NaN and infinities are a bug upstream: the table writers reject them with
/// `OutputError.nonFiniteValue` before calling this, and this function stops the program.
public func formatNumber(_ x: Double) -> String {
    precondition(x.isFinite, "formatNumber : valeur non finie (\(x)) ; elle ne doit jamais être écrite")
    if x == 0 { return "0" }
    let text: String
    if abs(x) >= 1 {
        text = String(format: "%.4f", x)
    } else {
        text = fixedNotation(sixSignificantDigits: x)
    }
    return trimmingFractionZeros(text)
}

/// `x` (|x| < 1, non-zero) to 6 significant digits in fixed notation. printf's `%e` does the
/// rounding (so 0.9999996 becomes 1 rather than 0.999999|6); the digits are then placed by hand,
/// which avoids guessing the exponent from a logarithm that may be off by one near powers of 10.
private func fixedNotation(sixSignificantDigits x: Double) -> String {
    let scientific = String(format: "%.5e", abs(x))  // "d.ddddde-XX"
    let parts = scientific.split(separator: "e")
    let digits = parts[0].replacingOccurrences(of: ".", with: "")  // 6 digits
    let exponent = Int(parts[1])!
    let sign = x < 0 ? "-" : ""
    if exponent >= 0 {  // rounded up to 1.00000
        return sign + digits.prefix(exponent + 1) + "." + digits.dropFirst(exponent + 1)
    }
    return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
}

private func trimmingFractionZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var result = Substring(text)
    while result.last == "0" { result.removeLast() }
    if result.last == "." { result.removeLast() }
    return result == "-0" ? "0" : String(result)
}

/// A number for reading on screen, the French way: decimal comma and a narrow no-break space
/// (U+202F, the French typographic norm and CLDR's) between thousands: 20 537 000 ; 8,37.
/// A value that rounds to zero is written without a sign; NaN and infinities as "n.d."
/// (non disponible), since a display should show rather than stop.
public func formatFrench(_ x: Double, decimals: Int, groupSeparator: String = "\u{202F}") -> String {
    guard x.isFinite else { return "n.d." }
    var text = String(format: "%.*f", max(0, decimals), x)
    var negative = false
    if text.hasPrefix("-") {
        text.removeFirst()
        negative = text.contains { $0 != "0" && $0 != "." }  // "-0.0" is zero
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let integer = Array(parts[0])
    var grouped = ""
    for (i, digit) in integer.enumerated() {
        if i > 0 && (integer.count - i) % 3 == 0 { grouped += groupSeparator }
        grouped.append(digit)
    }
    let fraction = parts.count > 1 ? "," + parts[1] : ""
    return (negative ? "-" : "") + grouped + fraction
}
