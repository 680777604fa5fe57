import PropertyBased
import Testing

@testable import RapportCRM

/// Changing a dictionary's value in place does what the optional-chained subscript did: it changes the value of a
/// key that has one, and nothing at all otherwise.
struct DictionaryInPlaceTests {
    @Test func changesTheValueOfAKeyThatHasOneAndNothingElse() async {
        let entries = Gen<Int>.int(in: 0...20).array(of: 0...12)
        await propertyCheck(count: 200, input: zip(entries, Gen<Int>.int(in: 0...20))) { keys, key in
            var dictionary = Dictionary(keys.map { ($0, [$0]) }, uniquingKeysWith: { first, _ in first })
            var expected = dictionary
            expected[key]?.append(-1)
            let found = dictionary.modifyValue(forKey: key) { $0.append(-1) }
            #expect(found == keys.contains(key))
            #expect(dictionary == expected)
        }
    }
}
