import Foundation
import PropertyBased
import Testing

@testable import RapportServer

/// The answers of `POST /commands` written as bytes are byte for byte what `JSONEncoder` writes for them with
/// sorted keys, for one command and for a list, texts needing escapes included.
struct CommandResponseJSONTests {
    /// Texts of printable ASCII and the characters JSON escapes.
    static let text = Gen<Character?>.element(of: Array("aZ0-_:./\"\\\u{1}\té")).map { $0! }.string(of: 0...12)

    static let responses = Generator<[CommandResponse], Shrink.None<[CommandResponse]>> { rng in
        (0..<Int.random(in: 1...4, using: &rng)).map { _ in
            var response = CommandResponse(events: [])
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                response.events.append(
                    CommandResponse.Event(
                        position: UInt64.random(in: 0...UInt64.max, using: &rng),
                        stream: Self.text.run(using: &rng),
                        version: UInt64.random(in: 1...UInt64.max, using: &rng),
                        type: Self.text.run(using: &rng)
                    )
                )
            }
            return response
        }
    }

    @Test func answersAreTheEncodersByteForByte() async {
        await propertyCheck(count: 300, input: Self.responses) { responses in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let single = String(decoding: try encoder.encode(responses[0]), as: UTF8.self)
            let list = String(decoding: try encoder.encode(responses), as: UTF8.self)
            #expect(String(decoding: responses[0].json(), as: UTF8.self) == single)
            #expect(String(decoding: CommandResponse.json(responses), as: UTF8.self) == list)
        }
    }
}
