import PropertyBased
import Testing

@testable import RapportCRM

/// A dictionary in parts holds what a standard dictionary given the same changes holds, and shares its binary form.
struct ShardedDictionaryTests {
    /// Changes by key number: a value to store, `nil` to remove, a negative value to add to the stored one, or
    /// one above a thousand to add to the stored one or to zero.
    static let changes = zip(Gen<Int>.int(in: 0...400), Gen<Int>.int(in: -3...1_100))
        .map { number, value in (number, value == 0 ? nil : value) }
        .array(of: 0...600)

    @Test func holdsWhatADictionaryGivenTheSameChangesHolds() async {
        await propertyCheck(input: Self.changes) { changes in
            var sharded = ShardedDictionary<RecordId, Int>()
            var plain: [RecordId: Int] = [:]
            for (number, change) in changes {
                let key = RecordId(unchecked: "r-\(number)")
                switch change {
                case .none:
                    sharded[key] = nil
                    plain[key] = nil
                case .some(let amount) where amount < 0:
                    let changed = sharded.modifyValue(forKey: key) { $0 += amount }
                    #expect(changed == plain.modifyValue(forKey: key) { $0 += amount })
                case .some(let amount) where amount > 1_000:
                    sharded[key, default: 0] += amount
                    plain[key, default: 0] += amount
                    #expect(sharded[key, default: -1] == plain[key, default: -1])
                case .some(let value):
                    #expect(sharded.updateValue(value, forKey: key) == plain.updateValue(value, forKey: key))
                }
                #expect(sharded[key] == plain[key])
                #expect(sharded.contains(key) == (plain[key] != nil))
            }
            #expect(sharded.count == plain.count)
            #expect(sharded.isEmpty == plain.isEmpty)
            #expect(Dictionary(uniqueKeysWithValues: sharded.map { ($0.key, $0.value) }) == plain)
            #expect(Set(sharded.keys) == Set(plain.keys))
            #expect(sharded.values.sorted() == plain.values.sorted())
        }
    }

    @Test func readsADictionarysBinaryFormAndWritesOneADictionaryReads() async throws {
        await propertyCheck(input: Self.changes) { changes in
            var plain: [RecordId: Int] = [:]
            for (number, change) in changes { plain[RecordId(unchecked: "r-\(number)")] = change.map(abs) }
            var writer = ByteWriter()
            plain.write(to: &writer)
            let sharded = try writer.bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                return try ShardedDictionary<RecordId, Int>.read(from: &reader)
            }
            #expect(Dictionary(uniqueKeysWithValues: sharded.map { ($0.key, $0.value) }) == plain)
            var again = ByteWriter()
            sharded.write(to: &again)
            let read = try again.bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                return try [RecordId: Int].read(from: &reader)
            }
            #expect(read == plain)
            var rebuilt = ShardedDictionary<RecordId, Int>()
            for (key, value) in plain.shuffled() { rebuilt[key] = value }
            #expect(rebuilt == sharded)
            #expect(rebuilt.hashValue == sharded.hashValue)
        }
    }

    @Test func reservingRoomKeepsTheEntries() {
        var sharded = ShardedDictionary<RecordId, Int>()
        for number in 0..<500 { sharded[RecordId(unchecked: "r-\(number)")] = number }
        let before = sharded
        sharded.reserveCapacity(100_000)
        #expect(sharded == before)
        #expect(sharded.count == 500)
        sharded[RecordId(unchecked: "r-500")] = 500
        #expect(sharded.count == 501)
        #expect(sharded[RecordId(unchecked: "r-7")] == 7)
    }

    @Test func aCountLargerThanTheBytesLeftIsRefused() {
        #expect(throws: BinaryFormatError.self) {
            try [UInt8]([0x05, 0x01]).withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                return try ShardedDictionary<RecordId, Int>.read(from: &reader)
            }
        }
    }

    @Test func idsSpreadOverEveryPart() {
        let parts = Set((0..<10_000).map { RecordId(unchecked: "A\($0)-C\($0 % 7)").shardHash & 63 })
        #expect(parts.count == 64)
    }

    /// Command ids share long prefixes, suffixes and their length, and differ only in the middle.
    @Test func textsThatDifferOnlyInTheMiddleSpreadOverEveryPart() {
        let digests = (0..<10_000).map { String(100_000 + $0 * 7_919, radix: 16) }
        let parts = Set(digests.map { "import:crm:\($0):0:OpenOpportunity".shardHash & 63 })
        #expect(parts.count == 64)
        let ids = Set((0..<10_000).map { RecordId(unchecked: "account-\(100_000 + $0)-eu-west").shardHash & 63 })
        #expect(ids.count == 64)
    }
}
