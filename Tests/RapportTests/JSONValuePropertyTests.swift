import Foundation
import PropertyBased
import Rapport
import Testing

/// The canonical JSON text the tools store and print: it parses back to the same value, and the same value
/// always gives the same bytes, whatever order its object members were built in.
struct JSONValuePropertyTests {
    /// Random JSON values, nested up to three levels, built from a seed.
    private static let anyValue = Gen<UInt64>.uint64(in: 0...UInt64.max).map { seed in
        var generator = SplitMix(seed: seed)
        return randomValue(depth: 3, using: &generator)
    }

    @Test func canonicalTextParsesBackToTheSameValue() async {
        await propertyCheck(count: 500, input: Self.anyValue) { value in
            let text = value.canonicalText
            #expect(JSONValue.parse(text) == value)
            #expect(JSONValue.parse(text)?.canonicalText == text)
        }
    }

    @Test func objectsGiveTheSameBytesWhateverTheirMemberOrder() async {
        await propertyCheck(count: 300, input: Self.anyValue, Self.anyValue) { first, second in
            let keys = ["zeta", "alpha", "Émile", "b", "a1", "a10", "a2"]
            let forward = Dictionary(uniqueKeysWithValues: keys.map { ($0, first) } + [("last", second)])
            let backward = Dictionary(uniqueKeysWithValues: ([("last", second)] + keys.map { ($0, first) }).reversed())
            #expect(JSONValue.object(forward).canonicalText == JSONValue.object(backward).canonicalText)
            let text = JSONValue.object(forward).canonicalString
            let positions = ["\"a1\"", "\"a10\"", "\"a2\"", "\"alpha\"", "\"b\"", "\"last\"", "\"zeta\""]
                .compactMap { text.range(of: $0)?.lowerBound }
            #expect(positions == positions.sorted())
        }
    }

    @Test(arguments: [
        ("12345678901234567890", JSONValue.unsignedInteger(12_345_678_901_234_567_890)),
        ("-9223372036854775808", .integer(.min)),
        ("true", .bool(true)),
        ("1", .integer(1)),
        ("0.1", .double(0.1)),
        (#""x/y""#, .string("x/y")),
        ("null", .null),
    ])
    func scalarsKeepTheirKind(text: String, expected: JSONValue) {
        #expect(JSONValue.parse(text.utf8) == expected)
        #expect(expected.canonicalString == text)
    }

    private static func randomValue(depth: Int, using generator: inout SplitMix) -> JSONValue {
        let kind = generator.next() % (depth > 0 ? 8 : 6)
        switch kind {
        case 0: return .null
        case 1: return .bool(generator.next() % 2 == 0)
        case 2: return .integer(Int64(bitPattern: generator.next()))
        // Never integral: JSON does not tell 5.0 from 5, which reads back as an integer.
        case 3: return .double((Double(Int64(bitPattern: generator.next()) >> 11) + 0.5) / 1024)
        case 4, 5: return .string(randomText(using: &generator))
        case 6:
            return .array((0..<generator.next() % 4).map { _ in randomValue(depth: depth - 1, using: &generator) })
        default:
            let members = (0..<generator.next() % 4).map { _ in
                (randomText(using: &generator), randomValue(depth: depth - 1, using: &generator))
            }
            return .object(Dictionary(members, uniquingKeysWith: { first, _ in first }))
        }
    }

    private static func randomText(using generator: inout SplitMix) -> String {
        let alphabet = Array("aZ09 _-\"\\/\n\té漢😀\u{7f}\u{1}")
        return String((0..<generator.next() % 8).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}

/// A small, fast, seedable generator (SplitMix64), so one seed stands for one whole random value.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
