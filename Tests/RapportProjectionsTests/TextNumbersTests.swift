import PropertyBased
import Testing

@testable import RapportProjections

/// A pool's numbers by text, looked up through the slots of the texts asked for last, answer as the dictionary
/// alone does, whatever the texts' lengths and whether equal texts share their storage or not.
struct TextNumbersTests {
    /// One step: a lookup of one of ``texts``, after giving it the next number when `numbers` says so; the text is
    /// passed either as the same string every time or as an equal string built again.
    struct Step: Sendable {
        var text: Int
        var rebuilt: Bool
        var numbers: Bool
    }

    static let steps = Generator<[Step], Shrink.None<[Step]>> { rng in
        (0..<Int.random(in: 1...400, using: &rng)).map { _ in
            Step(
                text: Int.random(in: 0..<texts.count, using: &rng),
                rebuilt: Bool.random(using: &rng),
                numbers: Int.random(in: 0..<5, using: &rng) == 0
            )
        }
    }

    /// Texts of 0 to 40 bytes, some equal but for one byte, some not ASCII.
    static let texts = [
        "", "a", "b", "Prospecting", "Qualification", "Negotiation/Review", "Negotiation/Reviev",
        "Follow up: Technical deep dive", "Follow up: Technical deep divf", "Id. Decision Makers", "déjà vu",
        "日本語のテキスト", String(repeating: "x", count: 15), String(repeating: "x", count: 16),
        String(repeating: "x", count: 40),
    ]

    @Test func lookupsAnswerAsTheDictionaryDoes() async {
        await propertyCheck(count: 100, input: Self.steps) { steps in
            var numbers = TextNumbers<Int32>()
            var expected: [String: Int32] = [:]
            for step in steps {
                let original = Self.texts[step.text]
                let text = step.rebuilt ? String(decoding: Array(original.utf8), as: UTF8.self) : original
                if step.numbers {
                    let number = Int32(expected.count)
                    numbers.set(number, for: text)
                    expected[text] = number
                }
                #expect(numbers.number(of: text) == expected[text], "\(text)")
                #expect(numbers.contains(text) == (expected[text] != nil))
            }
            for text in Self.texts {
                #expect(numbers.number(of: text) == expected[text], "\(text)")
            }
        }
    }

    @Test func equalityAndHashingLookAtTheNumbersOnly() {
        var asked = TextNumbers<UInt32>(["Prospecting": 1, "Follow up: Technical deep dive": 2])
        let fresh = TextNumbers<UInt32>(["Prospecting": 1, "Follow up: Technical deep dive": 2])
        for text in Self.texts { _ = asked.number(of: text) }
        #expect(asked == fresh)
        #expect(asked.hashValue == fresh.hashValue)
        asked.set(3, for: "Qualification")
        #expect(asked != fresh)
    }

    @Test func aTextNumberedAgainAnswersItsNewNumber() {
        var numbers = TextNumbers<Int32>()
        let text = "Follow up: Technical deep dive"
        numbers.set(1, for: text)
        #expect(numbers.number(of: text) == 1)
        numbers.set(7, for: String(decoding: Array(text.utf8), as: UTF8.self))
        #expect(numbers.number(of: text) == 7)
    }
}
