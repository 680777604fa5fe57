import Foundation
import PropertyBased
import Testing

@testable import RapportCRM

/// An id's hash in a hashed table depends on every byte, on its length and on the table's seed, and spreads ids
/// that differ only in a few digits over the buckets as a random hash would.
struct RecordIdHashingTests {
    /// Ids of every allowed length, of the letters and digits ids are made of.
    static let ids = Gen<Character?>.element(of: Array("abcXYZ0123456789._:-")).map { $0! }
        .string(of: 1...RecordId.maximumLength)
        .map { RecordId(unchecked: $0) }

    static let seeds = Gen<Int>.int(in: Int.min...Int.max)

    @Test func equalIdsHashAlikeHoweverTheirTextWasMade() async {
        await propertyCheck(input: Self.ids, Self.seeds) { id, seed in
            let remade = RecordId(unchecked: String(decoding: Array(id.text.utf8), as: UTF8.self))
            let joined = RecordId(unchecked: String(id.text.prefix(3)) + String(id.text.dropFirst(3)))
            #expect(remade._rawHashValue(seed: seed) == id._rawHashValue(seed: seed))
            #expect(joined._rawHashValue(seed: seed) == id._rawHashValue(seed: seed))
            #expect(remade.hashValue == id.hashValue)
        }
    }

    @Test func everyByteAndTheLengthCount() async {
        let places = Gen<Int>.int(in: 0..<RecordId.maximumLength)
        await propertyCheck(input: Self.ids, Self.seeds, places) { id, seed, place in
            var bytes = Array(id.text.utf8)
            let index = place % bytes.count
            bytes[index] = bytes[index] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
            let changed = RecordId(unchecked: String(decoding: bytes, as: UTF8.self))
            #expect(changed._rawHashValue(seed: seed) != id._rawHashValue(seed: seed), "\(id) and \(changed)")
            if id.text.utf8.count < RecordId.maximumLength {
                let longer = RecordId(unchecked: id.text + "0")
                #expect(longer._rawHashValue(seed: seed) != id._rawHashValue(seed: seed), "\(id) and \(longer)")
            }
        }
    }

    @Test func theSeedChangesTheHash() async {
        await propertyCheck(input: Self.ids, Self.seeds) { id, seed in
            #expect(id._rawHashValue(seed: seed) != id._rawHashValue(seed: seed ^ 1))
        }
    }

    @Test(arguments: ["A", "account-", "C-2024-"])
    func numberedIdsFillTheBucketsAsRandomHashesWould(prefix: String) {
        let bucketBits = 17
        let count = 100_000
        var buckets = [Int](repeating: 0, count: 1 << bucketBits)
        for number in 1...count {
            let hash = RecordId(unchecked: "\(prefix)\(number)")._rawHashValue(seed: 0x5EED)
            buckets[hash & (buckets.count - 1)] += 1
        }
        let load = Double(count) / Double(buckets.count)
        let emptyShare = Double(buckets.count { $0 == 0 }) / Double(buckets.count)
        #expect(abs(emptyShare - exp(-load)) < 0.01, "empty buckets: \(emptyShare)")
        #expect(buckets.max()! <= 10)
    }
}
