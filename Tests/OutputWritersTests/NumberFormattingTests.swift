import OutputWriters
import Testing

@Suite("Number formatting")
struct NumberFormattingTests {
    @Test(arguments: [
        (0.0, "0"),
        (-0.0, "0"),
        (1.0, "1"),
        (-1.0, "-1"),
        (8.37, "8.37"),
        (-4.5, "-4.5"),
        (20_537_000.0, "20537000"),
        (1e7, "10000000"),
        (1e20, "100000000000000000000"),
        (-1_234_567.891, "-1234567.891"),
        (1.23456789, "1.2346"),
        (12_345.678949, "12345.6789"),
        (99_999.99999, "100000"),
        (2.00001, "2"),
        (0.5, "0.5"),
        (0.000123, "0.000123"),
        (0.1234567, "0.123457"),
        (-0.000000123456789, "-0.000000123457"),
        (1e-10, "0.0000000001"),
        (0.99999996, "1"),
        (-0.99999996, "-1"),
        (0.1, "0.1"),
        (0.001, "0.001"),
        (0.0012345649, "0.00123456"),
    ])
    func csvNumbers(value: Double, expected: String) {
        let text = formatNumber(value)
        #expect(text == expected)
        #expect(!text.contains("e") && !text.contains("E"))
    }

    @Test func neverExponentOverManyMagnitudes() {
        var x = 1.234567890123e-15
        while x < 1e22 {
            for v in [x, -x] {
                let text = formatNumber(v)
                #expect(!text.lowercased().contains("e"), "\(v) → \(text)")
                #expect(!text.hasSuffix("0") || !text.contains("."), "trailing zero: \(text)")
                #expect(abs(Double(text)! - v) <= max(abs(v) * 1e-5, 5e-5), "\(v) → \(text)")
            }
            x *= 7.3
        }
    }

    @Test func nonFiniteStopsTheProgram() async {
        await #expect(processExitsWith: .failure) { _ = formatNumber(.nan) }
        await #expect(processExitsWith: .failure) { _ = formatNumber(-.infinity) }
    }

    @Test(arguments: [
        (20_537_000.0, 0, "20\u{202F}537\u{202F}000"),
        (8.37, 2, "8,37"),
        (-1_234.5, 1, "-1\u{202F}234,5"),
        (999.6, 0, "1\u{202F}000"),
        (123.0, 0, "123"),
        (1_000.0, 0, "1\u{202F}000"),
        (-0.04, 1, "0,0"),
        (0.0, 2, "0,00"),
        (12.345, 1, "12,3"),
        (-123_456.0, 0, "-123\u{202F}456"),
    ])
    func frenchDisplay(value: Double, decimals: Int, expected: String) {
        #expect(formatFrench(value, decimals: decimals) == expected)
    }

    @Test func frenchDisplayOptions() {
        #expect(formatFrench(20_537_000, decimals: 0, groupSeparator: " ") == "20 537 000")
        #expect(formatFrench(.nan, decimals: 1) == "n.d.")
        #expect(formatFrench(.infinity, decimals: 1) == "n.d.")
    }
}
