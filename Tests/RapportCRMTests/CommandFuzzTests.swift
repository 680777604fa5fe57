import Foundation
import PropertyBased
import RapportCRM
import RapportTime
import Testing

/// Commands as hostile or broken input: whatever the bytes, reading them either gives a command or refuses them
/// with a ``DomainError`` that says why; it never crashes.
struct CommandFuzzTests {
    @Test func randomBytesAreReadOrRefused() async {
        await propertyCheck(count: 200, input: Self.randomBytes) { bytes in
            Self.expectReadOrRefused(bytes)
        }
    }

    @Test func randomJSONLikeTextIsReadOrRefused() async {
        await propertyCheck(count: 200, input: Self.jsonLikeText) { bytes in
            Self.expectReadOrRefused(bytes)
        }
    }

    @Test func generatedCommandsReadBackAsWritten() async throws {
        await propertyCheck(count: 200, input: Self.openAccount) { envelope in
            let json = try envelope.encodedJSON()
            #expect(try CommandEnvelope.decode(json: json) == envelope)
        }
    }

    @Test func everyPrefixOfACommandIsRefusedAsCutShort() async throws {
        await propertyCheck(count: 20, input: Self.openAccount) { envelope in
            let json = Array(try envelope.encodedJSON())
            for length in 0..<json.count {
                let refusal = Self.expectReadOrRefused(json[..<length])
                #expect(refusal?.code == .malformedCommand, "\(length) bytes: \(String(describing: refusal))")
            }
        }
    }

    @Test func commandsWithBytesChangedAreReadOrRefused() async {
        let changes = Generator<[(Int, UInt8)], Shrink.None<[(Int, UInt8)]>> { rng in
            (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                (Int.random(in: 0..<Int.max, using: &rng), UInt8.random(in: 0...255, using: &rng))
            }
        }
        await propertyCheck(count: 200, input: Self.openAccount, changes) { envelope, changes in
            var json = Array(try envelope.encodedJSON())
            for (position, byte) in changes {
                json[position % json.count] = byte
            }
            Self.expectReadOrRefused(json)
        }
    }

    @Test func commandsWithBytesInsertedOrRemovedAreReadOrRefused() async {
        let edits = Generator<[(Int, [UInt8])], Shrink.None<[(Int, [UInt8])]>> { rng in
            (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                let inserted = Self.punctuation.randomElement(using: &rng)!
                return (Int.random(in: 0..<Int.max, using: &rng), Bool.random(using: &rng) ? inserted : [])
            }
        }
        await propertyCheck(count: 200, input: Self.openAccount, edits) { envelope, edits in
            var json = Array(try envelope.encodedJSON())
            for (position, inserted) in edits {
                let index = position % json.count
                if inserted.isEmpty {
                    json.remove(at: index)
                } else {
                    json.insert(contentsOf: inserted, at: index)
                }
            }
            Self.expectReadOrRefused(json)
        }
    }

    @Test(
        arguments: [
            String(repeating: "[", count: 100_000),
            String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            #"{"type":"OpenAccount","actor":"u","data":"# + String(repeating: "[", count: 100_000),
            String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000),
            #"{"data":"# + String(repeating: #"{"data":[{"a":"#, count: 50_000),
        ]
    )
    func deeplyNestedJSONIsRefusedWithoutCrashing(json: String) {
        let refusal = Self.expectReadOrRefused(Array(json.utf8))
        #expect(refusal?.code == .malformedCommand)
    }

    @Test func nestingIsRefusedBeyondItsLimit() {
        func command(depth: Int) -> String {
            let arrays = depth - 2
            let nested = String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays)
            return
                #"{"type":"OpenAccount","actor":"u","data":{"accountId":"a","name":"A","ownerId":"u","x":\#(nested)}}"#
        }
        let deepest = Self.expectReadOrRefused(Array(command(depth: 32).utf8))
        #expect(deepest?.code == .unknownField)
        #expect(deepest?.field == "data.x")
        let tooDeep = Self.expectReadOrRefused(Array(command(depth: 33).utf8))
        #expect(tooDeep?.code == .malformedCommand)
        #expect(tooDeep?.message.hasPrefix("the command nests objects and arrays more than 32 deep") == true)
    }

    @Test func hugeStringsAreRefusedByLength() {
        let long = String(repeating: "é", count: 500_000)
        let refusal = Self.expectReadOrRefused(
            Array(#"{"type":"OpenAccount","actor":"\#(long)","data":{"accountId":"a","name":"A","ownerId":"u"}}"#.utf8)
        )
        #expect(refusal?.code == .invalidField)
        #expect(refusal?.message == "actor must be at most 128 characters long, not 500000")
        var domain = Decisions()
        domain.expectRefusal(
            #"{"type":"OpenAccount","actor":"u","data":{"accountId":"a","name":"\#(long)","ownerId":"u"}}"#,
            code: .invalidField,
            field: "data.name"
        )
        let tooLong = Self.expectReadOrRefused(Array(#"{"type":"\#(long)\#(long)"}"#.utf8))
        #expect(tooLong?.code == .commandTooLarge)
        let escaped = String(repeating: #"\u00e9"#, count: 100_000)
        let type = Self.expectReadOrRefused(Array(#"{"type":"\#(escaped)","actor":"u","data":{}}"#.utf8))
        #expect(type?.code == .unknownCommandType)
    }

    @Test(
        arguments: [
            ("employees", String(repeating: "9", count: 500_000)),
            ("employees", "-" + String(repeating: "9", count: 500_000)),
            ("employees", "1e999999999"),
            ("annualRevenue", String(repeating: "9", count: 500_000)),
            ("annualRevenue", "1e999999999"),
            ("annualRevenue", "-1e-999999999"),
            ("annualRevenue", "0." + String(repeating: "0", count: 500_000) + "1"),
            ("annualRevenue", "1" + String(repeating: "0", count: 12) + "." + String(repeating: "0", count: 500_000)),
        ]
    )
    func hugeNumbersAreReadOrRefused(field: String, number: String) {
        let json =
            #"{"type":"OpenAccount","actor":"u","data":{"accountId":"a","name":"A","ownerId":"u","\#(field)":\#(number)}}"#
        if let refusal = Self.expectReadOrRefused(Array(json.utf8)) {
            #expect(refusal.code == .invalidField)
            #expect(refusal.field == "data.\(field)")
        }
    }

    /// Reads bytes as a command and checks that a refusal is a ``DomainError`` with a message that names its field,
    /// and that JSON Foundation refuses was refused before, with the place and the rule.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: The refusal, or nil when the bytes held a command.
    @discardableResult
    static func expectReadOrRefused(
        _ bytes: some Collection<UInt8>,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> DomainError? {
        do {
            _ = try CommandEnvelope.decode(json: bytes)
            return nil
        } catch let refusal as DomainError {
            #expect(!refusal.message.isEmpty, sourceLocation: sourceLocation)
            #expect(
                refusal.message != "the command is not valid JSON",
                "the syntax check let through what Foundation refused"
            )
            if let field = refusal.field {
                #expect(refusal.message.contains(field), "\(refusal)", sourceLocation: sourceLocation)
            }
            return refusal
        } catch {
            Issue.record("expected a DomainError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Bytes of JSON's punctuation and literals, inserted into commands and strung into random text.
    static let punctuation: [[UInt8]] =
        [
            "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\ud800", " ", "\n", "0", "-1", "1e9", "1.5", "true",
            "null", "\u{7F}", "é", "\"data\"", "\"type\"", "\"OpenAccount\"", "\"actor\"",
        ].map { Array($0.utf8) } + [[0], [0xC3], [0xFF], [0xED, 0xA0, 0x80]]

    /// Up to 300 random bytes.
    static let randomBytes = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    /// An object opening followed by random JSON tokens, which gets further into the syntax than random bytes.
    static let jsonLikeText = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        (0..<Int.random(in: 0...60, using: &rng)).reduce(into: Array("{".utf8)) { text, _ in
            text += punctuation.randomElement(using: &rng)!
        }
    }

    /// Texts of letters, digits, spaces, punctuation and characters of two to four UTF-8 bytes.
    static let text = Gen<Character?>.element(of: Array(#"aZ09 -_."\/é€日😀𝄞"#)).map { $0! }.string(of: 0...40)

    /// Record ids of one to 64 characters.
    static let id = Gen<Character?>.element(of: Array("abcXYZ019._:-")).map { $0! }.string(of: 1...64)
        .map { RecordId(unchecked: $0) }

    /// OpenAccount commands with random fields and envelopes.
    static let openAccount = zip(
        zip(id, text.map { "N" + $0 }, text.optional, id.optional),
        zip(
            Gen<Int64>.int64(in: 0...Money.maximum.tenThousandths).optional,
            Gen<Int>.int(in: 0...100_000_000).optional
        ),
        zip(text.map { "user-" + $0 }, text.map { "c" + $0 }.optional, Gen<UInt64>.uint64().optional),
        Gen<Int64>.int64(in: -62_135_596_800_000_000...253_402_300_799_999_999).optional
    )
    .map { account, figures, envelope, occurredAt in
        CommandEnvelope(
            OpenAccount(
                accountId: account.0,
                name: account.1,
                industry: account.2,
                ownerId: account.0,
                parentAccountId: account.3,
                website: account.2,
                annualRevenue: figures.0.map { Money(tenThousandths: $0) },
                employees: figures.1
            ).command,
            actor: envelope.0,
            commandId: envelope.1,
            expectedVersion: envelope.2,
            occurredAt: occurredAt.map { Timestamp(microsecondsSinceEpoch: $0) },
            correlationId: envelope.1.map { $0 + "-corr" }
        )
    }
}
