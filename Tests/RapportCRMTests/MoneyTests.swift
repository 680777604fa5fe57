import Foundation
import PropertyBased
import RapportCRM
import Testing

struct MoneyTests {
    @Test(
        arguments: [
            (10_545_000, "1054.5"), (-1, "-0.0001"), (120_000, "12"), (0, "0"), (1, "0.0001"), (10, "0.001"),
            (-12_345_678, "-1234.5678"), (10_000_000_000_000_000, "1000000000000"),
            (Int64.max, "922337203685477.5807"), (Int64.min, "-922337203685477.5808"),
        ] as [(Int64, String)]
    )
    func describesItselfWithTheDecimalsItNeeds(tenThousandths: Int64, text: String) {
        #expect(Money(tenThousandths: tenThousandths).description == text)
    }

    @Test(
        arguments: [
            (0.1 + 0.2, 3_000), (12.345_67, 123_457), (-12.345_67, -123_457), (1054.5, 10_545_000), (0.000_04, 0),
            (0.000_06, 1), (19.99, 199_900), (-0.0, 0), (1e12, 10_000_000_000_000_000),
            (-1e12, -10_000_000_000_000_000),
        ] as [(Double, Int64)]
    )
    func roundsADoubleToTheNearestTenThousandth(value: Double, tenThousandths: Int64) {
        #expect(Money(value) == Money(tenThousandths: tenThousandths))
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, .greatestFiniteMagnitude, 1.000_1e12, -1.000_1e12, 1e300])
    func refusesADoubleThatIsNotAnAmount(value: Double) {
        #expect(Money(value) == nil)
    }

    @Test func computesExactly() {
        let price = Money(tenThousandths: 1)
        #expect((0..<10).reduce(Money.zero) { sum, _ in sum + price } == Money(tenThousandths: 10))
        #expect(Money(units: 3) - Money(tenThousandths: 1) == Money(tenThousandths: 29_999))
        #expect(Money(units: 12) * 3 == Money(units: 36))
        #expect(Money(units: -1) < .zero)
        #expect(Money.maximum == Money(units: 1_000_000_000_000))
        #expect(Money(tenThousandths: 10_545_000).doubleValue == 1054.5)
    }

    @Test(
        arguments: [
            (10_545_000, "1054.5"), (-1, "-0.0001"), (0, "0"), (120_000, "12"),
            (10_000_000_000_000_000, "1000000000000"), (-10_000_000_000_000_000, "-1000000000000"),
            (9_999_999_999_999_999, "999999999999.9999"), (-9_999_999_999_999_999, "-999999999999.9999"),
        ] as [(Int64, String)]
    )
    func writesJSONAsAnExactNumber(tenThousandths: Int64, json: String) throws {
        let money = Money(tenThousandths: tenThousandths)
        #expect(try Self.json(money) == json)
        #expect(try Self.decode(json) == money)
    }

    @Test(
        arguments: [
            ("0.30000000000000004", 3_000), ("1e3", 10_000_000), ("1E-4", 1), ("-0", 0), ("0.00005", 1),
            ("-0.00005", -1), ("0.00015", 2), ("0.00025", 3), ("0.000049999999", 0), ("19.99", 199_900),
            ("999999999999.99994", 9_999_999_999_999_999), ("-1000000000000.00004", -10_000_000_000_000_000),
        ] as [(String, Int64)]
    )
    func readsJSONRoundedToTheNearestTenThousandthWithHalvesAwayFromZero(json: String, tenThousandths: Int64) throws {
        #expect(try Self.decode(json) == Money(tenThousandths: tenThousandths))
    }

    @Test(
        arguments: [
            "1e300", "-1e300", "1e400", "1e13", "-1e13", "1000000000000.0001", "-1000000000000.00005", #""12""#, "true",
            "null", "{}",
        ]
    )
    func refusesJSONThatIsNotAnAmount(json: String) {
        #expect {
            try Self.decode(json)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.hasPrefix("must be an amount: a number of at most 1000000000000 in size")
        }
    }

    @Test func refusesNaNAndInfinityEvenWhenTheDecoderAcceptsThem() {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity",
            negativeInfinity: "-Infinity",
            nan: "NaN"
        )
        for json in ["[NaN]", #"["NaN"]"#, #"["Infinity"]"#, #"["-Infinity"]"#] {
            #expect(throws: DecodingError.self, "\(json)") {
                try decoder.decode([Money].self, from: Data(json.utf8))
            }
        }
    }

    @Test func everyAmountRoundTripsThroughJSONAsItsDescription() async throws {
        let amounts = Gen<Int64>.int64(in: -Money.maximum.tenThousandths...Money.maximum.tenThousandths)
            .map { Money(tenThousandths: $0) }
        await propertyCheck(count: 1_000, input: amounts) { money throws in
            let json = try Self.json(money)
            #expect(json == money.description)
            #expect(try Self.decode(json) == money)
        }
    }

    /// The JSON text of an amount.
    static func json(_ money: Money) throws -> String {
        String(String(decoding: try JSONEncoder().encode([money]), as: UTF8.self).dropFirst().dropLast())
    }

    /// An amount read from JSON text.
    static func decode(_ json: String) throws -> Money {
        try JSONDecoder().decode([Money].self, from: Data("[\(json)]".utf8))[0]
    }
}
