import Foundation
import PropertyBased
import Testing

@testable import RapportCRM

/// Values read from checked JSON text: fields found by name, escapes resolved, numbers refused out of range with
/// the field's path, and every field present that no type reads refused by the ledger.
struct StrictJSONDecoderTests {
    /// A type that names a field it never reads, and reads one field through two containers.
    struct Partial: Decodable {
        enum CodingKeys: String, CodingKey, CaseIterable { case name, website, inner }
        enum InnerKeys: String, CodingKey { case a, b, c }

        var name: String
        var a: Int

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            let inner = try container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
            a = try inner.decode(Int.self, forKey: .a)
            let again = try container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
            _ = try again.decodeIfPresent(Int.self, forKey: .c)
        }
    }

    struct Line: Decodable, Equatable {
        var productId: String
        var quantity: Int32
    }

    struct Order: Decodable, Equatable {
        var lines: [Line]
        var tags: [String]?
        var total: Decimal?
        var ratio: Float?
        var flag: Bool?
    }

    /// Reads a value of a type from JSON text with every field audited, under a subject.
    static func read<T: Decodable>(_ type: T.Type, _ json: String, subject: String = "a test") throws -> T {
        try Array(json.utf8).withUnsafeBytes { bytes in
            let document = JSONDocument(bytes, nodes: try JSONSyntax.object(bytes))
            do {
                return try StrictJSONDecoder(document, node: 0, ledger: FieldLedger(subject: subject))
                    .decodeEveryField(type)
            } catch {
                throw DomainError(decoding: error, malformed: DomainError(.malformedCommand, "unreadable"))
            }
        }
    }

    static func refusal<T: Decodable>(_ type: T.Type, _ json: String) -> DomainError? {
        #expect(throws: DomainError.self) { try Self.read(type, json) }
    }

    @Test func theFirstFieldNoTypeReadsIsRefusedByPathThenName() {
        let refusal = Self.refusal(Partial.self, #"{"name":"n","inner":{"c":3,"b":2,"a":1}}"#)
        #expect(refusal?.code == .unknownField)
        #expect(refusal?.field == "inner.b")
        #expect(refusal?.message == "inner.b is not a field of a test")
        let top = Self.refusal(Partial.self, #"{"website":"w","name":"n","inner":{"b":2,"a":1}}"#)
        #expect(top?.field == "website")
    }

    @Test func fieldsReadThroughAnyContainerOnAnObjectCount() throws {
        let partial = try Self.read(Partial.self, #"{"name":"n","inner":{"a":1,"c":3}}"#)
        #expect(partial.name == "n")
        #expect(partial.a == 1)
    }

    @Test func aFieldNoCodingKeyNamesIsRefusedWithTheFieldsTheTypeHas() {
        let refusal = Self.refusal(Partial.self, #"{"name":"n","zeta":1,"inner":{"a":1},"alpha":2}"#)
        #expect(refusal?.field == "alpha")
        #expect(refusal?.message == "alpha is not a field of a test; it has name, website, inner")
    }

    @Test(
        arguments: [
            (#"{"lines":[{"productId":"p","quantity":1.5}],"bogus":1}"#, "bogus"),
            (#"{"lines":[{"quantity":1,"colour":2}]}"#, "lines[0].colour"),
            (#"{"lines":[{"productId":"p","quantity":1},{"zz":1,"quantity":"x","aa":2}]}"#, "lines[1].aa"),
        ]
    )
    func aFieldNoCodingKeyNamesIsRefusedBeforeWhatFailsInsideItsObject(json: String, field: String) {
        let refusal = Self.refusal(Order.self, json)
        #expect(refusal?.code == .unknownField)
        #expect(refusal?.field == field)
    }

    @Test func readsArraysOfObjectsAndScalars() throws {
        let json = #"""
            {"lines":[{"productId":"p\u0031","quantity":2},{"quantity":-3,"productId":"p2"}],
             "tags":["a","b\n"],"total":0.30000000000000004,"ratio":1.5e2,"flag":true}
            """#
        let order = try Self.read(Order.self, json)
        #expect(order.lines == [Line(productId: "p1", quantity: 2), Line(productId: "p2", quantity: -3)])
        #expect(order.tags == ["a", "b\n"])
        #expect(order.total == Decimal(string: "0.30000000000000004"))
        #expect(order.ratio == 150)
        #expect(order.flag == true)
    }

    @Test func absentAndNullOptionalFieldsAreNil() throws {
        let order = try Self.read(Order.self, #"{"lines":[],"tags":null,"flag":null}"#)
        #expect(order == Order(lines: [], tags: nil, total: nil, ratio: nil, flag: nil))
    }

    @Test func aKeyWithEscapesIsFoundByItsText() throws {
        let line = try Self.read(Line.self, #"{"product\u0049d":"p","quantity":1}"#)
        #expect(line == Line(productId: "p", quantity: 1))
    }

    @Test(
        arguments: [
            (#"{"lines":[{"productId":"p","quantity":1.5}]}"#, "lines[0].quantity", "whole number from"),
            (#"{"lines":[{"productId":"p","quantity":2147483648}]}"#, "lines[0].quantity", "-2147483648 to 2147483647"),
            (#"{"lines":[{"productId":"p","quantity":"2"}]}"#, "lines[0].quantity", "whole number from"),
            (#"{"lines":[{"productId":"p","quantity":null}]}"#, "lines[0].quantity", "whole number from"),
            (#"{"lines":[{"productId":7,"quantity":1}]}"#, "lines[0].productId", "must be a string"),
            (#"{"lines":[{"productId":"p","quantity":1},{"quantity":1}]}"#, "lines[1].productId", "is required"),
            (#"{"lines":{}}"#, "lines", "lines must be an array"),
            (#"{"lines":[7]}"#, "lines[0]", "lines[0] must be an object"),
            (#"{"lines":[],"tags":[1]}"#, "tags[0]", "must be a string"),
            (#"{"lines":[],"ratio":1e39}"#, "ratio", "must be a number of at most"),
            (#"{"lines":[],"flag":"yes"}"#, "flag", "must be true or false"),
        ]
    )
    func refusesAValueOfTheWrongKindOrRangeWithItsPath(json: String, field: String, rule: String) {
        let refusal = #expect(throws: DomainError.self) { try Self.read(Order.self, json) }
        #expect(refusal?.field == field)
        #expect(refusal?.message.contains(rule) == true, "\(String(describing: refusal))")
    }

    @Test(
        arguments: [
            ("0", 0), ("-0", 0), ("255", 255), ("2.0", 2), ("1e2", 100), ("25E-1", nil), ("256", nil), ("-1", nil),
            ("0.5", nil),
        ] as [(String, Int?)]
    )
    func readsAWholeNumberWrittenAnyWayWhenItIsInRange(text: String, value: Int?) throws {
        let read = try? Self.read([String: UInt8].self, #"{"n":\#(text)}"#)
        #expect(read?["n"].map(Int.init) == value)
    }

    @Test func everyIntegerReadsBackFromItsText() async {
        await propertyCheck(input: Gen<Int64>.int64(in: Int64.min...Int64.max)) { number throws in
            #expect(try Self.read([String: Int64].self, #"{"n":\#(number)}"#)["n"] == number)
        }
    }

    /// JSON number texts of every shape: a sign, whole digits, a fraction and an exponent, each present or not.
    static let numberText = zip(
        Gen<Bool>.bool(),
        Gen<Character?>.element(of: Array("0123456789")).map { $0! }.string(of: 1...22),
        Gen<Character?>.element(of: Array("0123456789")).map { $0! }.string(of: 0...8),
        Gen<Int>.int(in: -30...30).optional
    ).map { negative, whole, fraction, exponent in
        let significant = whole.drop { $0 == "0" }
        return (negative ? "-" : "") + (significant.isEmpty ? "0" : String(significant))
            + (fraction.isEmpty ? "" : "." + fraction)
            + (exponent.map { "e\($0)" } ?? "")
    }

    @Test func readsNumbersAsFoundationsDecoderDoes() async {
        await propertyCheck(count: 500, input: Self.numberText) { text throws in
            let json = #"{"n":\#(text)}"#
            let foundation = try? JSONDecoder().decode([String: Money].self, from: Data(json.utf8))
            #expect((try? Self.read([String: Money].self, json)) == foundation, "\(text)")
            let integer = try? JSONDecoder().decode([String: Int32].self, from: Data(json.utf8))
            #expect((try? Self.read([String: Int32].self, json)) == integer, "\(text)")
            // Foundation refuses a zero followed by an exponent without a sign ("0e1"), which is valid JSON (RFC
            // 8259 allows an exponent after any integer part); every text here is a valid number, so the standard
            // library's reading of it stands in for Foundation's where Foundation has none.
            let double =
                (try? JSONDecoder().decode([String: Double].self, from: Data(json.utf8)))
                ?? Double(text).flatMap { $0.isFinite ? ["n": $0] : nil }
            #expect((try? Self.read([String: Double].self, json)) == double, "\(text)")
        }
    }

    @Test func readsAZeroWithAnExponent() throws {
        for text in ["0e1", "0E1", "0e+1", "-0e5", "0.0e1"] {
            let read = try Self.read([String: Double].self, #"{"n":\#(text)}"#)
            #expect(read == ["n": 0], "\(text)")
        }
    }

    @Test(
        arguments: [
            ("0.30000000000000004", 3_000), ("1e3", 10_000_000), ("1E-4", 1), ("-0", 0), ("0.00005", 1),
            ("-0.00005", -1), ("0.00015", 2), ("0.00025", 3), ("0.000049999999", 0), ("19.99", 199_900),
            ("999999999999.99994", 9_999_999_999_999_999), ("-1000000000000.00004", -10_000_000_000_000_000),
            ("0.00000000001e7", 1), ("5e-5", 1), ("5e-6", 0), ("0.0000", 0), ("1000000000000", 10_000_000_000_000_000),
        ] as [(String, Int64)]
    )
    func readsAmountsRoundedToTheNearestTenThousandthFromTheirDigits(text: String, tenThousandths: Int64) throws {
        #expect(try Self.read([String: Money].self, #"{"n":\#(text)}"#)["n"] == Money(tenThousandths: tenThousandths))
    }

    @Test(arguments: ["1e300", "-1e300", "1e400", "1e13", "-1e13", "1000000000000.0001", "1e-400", #""12""#, "null"])
    func refusesAmountsBeyondTheMaximumAsMoneyDoes(text: String) {
        let refusal = Self.refusal([String: Money].self, #"{"n":\#(text)}"#)
        #expect(refusal?.field == "n")
        #expect(refusal?.message.hasPrefix("n must be an amount: a number of at most 1000000000000 in size") == true)
    }

    @Test func anArrayReadPastItsEndIsRefused() {
        struct Pair: Decodable {
            init(from decoder: any Decoder) throws {
                var container = try decoder.container(keyedBy: AnyCodingKey.self)
                    .nestedUnkeyedContainer(forKey: AnyCodingKey(stringValue: "pair"))
                _ = try container.decode(Int.self)
                _ = try container.decode(Int.self)
            }
        }
        #expect(throws: DecodingError.self) {
            try Array(#"{"pair":[1]}"#.utf8).withUnsafeBytes { bytes in
                let document = JSONDocument(bytes, nodes: try JSONSyntax.object(bytes))
                try StrictJSONDecoder(document, node: 0, ledger: FieldLedger(subject: "a test")).decodeEveryField(
                    Pair.self
                )
            }
        }
    }

    @Test(arguments: [3, 16, 17, 40])
    func aFieldGivenTwiceIsFoundInObjectsOfAnySize(fields: Int) {
        let names = (0..<fields).map { "f\($0)" }
        let json = "{" + (names + [names[fields / 2]]).map { #""\#($0)":1"# }.joined(separator: ",") + "}"
        let escaped = json.replacingOccurrences(of: #""f\#(fields / 2)":1}"#, with: #""\u0066\#(fields / 2)":1}"#)
        for text in [json, escaped] {
            let refusal = #expect(throws: DomainError.self) {
                try Array(text.utf8).withUnsafeBytes { _ = try JSONSyntax.object($0) }
            }
            #expect(refusal?.field == "f\(fields / 2)", "\(text)")
        }
    }
}
