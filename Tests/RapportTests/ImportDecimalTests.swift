import PropertyBased
import Testing

@testable import Rapport

/// The import reads amounts as exact decimals in ten-thousandths: every number written with up to four decimals
/// reads back to itself, and anything else is refused rather than guessed.
struct ImportDecimalTests {
    /// A whole part and up to four decimals, written as a CSV file would hold them.
    @Test func everyNumberWithUpToFourDecimalsReadsBackExactly() async {
        let numbers = zip(
            Gen<Int64>.int64(in: -922_337_203_685...922_337_203_685),
            Gen<Int>.int(in: 0...4),
            Gen<Int>.int(in: 0...9_999),
            Gen<Bool>.bool
        )
        await propertyCheck(count: 1_000, input: numbers) { units, decimals, digits, plus in
            let fraction = decimals == 0 ? 0 : digits % Int(pow10(decimals))
            var text = (plus && units >= 0 ? "+" : "") + String(units)
            if decimals > 0 {
                let written = String(fraction)
                text += "." + String(repeating: "0", count: decimals - written.count) + written
            }
            let tenThousandths = Int64(fraction) * pow10(4 - decimals)
            let expected = units * 10_000 + (units < 0 || text.hasPrefix("-") ? -tenThousandths : tenThousandths)
            #expect(RowValues.decimal(text, scale: 1) == expected, "\(text)")
        }
    }

    @Test func aScaleMultipliesTheValue() {
        #expect(RowValues.decimal("12.5", scale: 1_000) == 125_000_000)
        #expect(RowValues.decimal("-0.5", scale: 1) == -5_000)
    }

    @Test(arguments: [
        "", "-", "+", ".5", "1.", "1.23456", "1.2.3", "1e5", " 1", "1 ", "1,5", "٣", "0x10", "--1",
        "922337203685478", "9223372036854775808", "1.-5",
    ])
    func refusesWhatIsNotAnExactDecimal(text: String) {
        #expect(RowValues.decimal(text, scale: 1) == nil)
    }

    @Test func refusesAScaleThatOverflows() {
        #expect(RowValues.decimal("922337203685", scale: 10_000) == nil)
    }

    private func pow10(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
