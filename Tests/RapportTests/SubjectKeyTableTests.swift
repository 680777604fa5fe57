import Crypto
import PropertyBased
import Testing

@testable import Rapport

/// The key store's table in memory: every key in one block, given back as it was put in through the block's
/// growth, overwritten when destroyed, and copied before a table shared by two owners changes.
struct SubjectKeyTableTests {
    @Test func keysComeBackAsTheyWentInWhateverTheTableGrewThrough() async {
        await propertyCheck(count: 50, input: Gen<Int>.int(in: 1...300)) { count in
            var table = SubjectKeyTable()
            let keys = (0..<count).map { _ in SymmetricKey(size: .bits256) }
            for (index, key) in keys.enumerated() {
                let added = table.append(SubjectKeySlot(subject: "contact-\(index)", key: index % 7 == 3 ? nil : key))
                #expect(added)
            }
            #expect(table.slotCount == count)
            #expect(table.liveCount == keys.indices.filter { $0 % 7 != 3 }.count)
            for (index, key) in keys.enumerated() {
                let entry = table["contact-\(index)"]
                #expect(entry?.slot == index)
                #expect(entry?.key == (index % 7 == 3 ? nil : key))
            }
            #expect(table.slots.map(\.subject) == (0..<count).map { "contact-\($0)" })
        }
    }

    @Test func aSubjectAlreadyHeldChangesNothing() {
        var table = SubjectKeyTable()
        let key = SymmetricKey(size: .bits256)
        let first = table.append(SubjectKeySlot(subject: "lead-L1", key: key))
        let again = table.append(SubjectKeySlot(subject: "lead-L1", key: SymmetricKey(size: .bits256)))
        let destroyedAgain = table.append(subject: "lead-L1", key: nil)
        #expect(first && !again && !destroyedAgain)
        #expect(table.slotCount == 1)
        #expect(table["lead-L1"]?.key == key)
    }

    @Test func destroyingAKeyOverwritesItAndLeavesACopyOfTheTableAlone() {
        var table = SubjectKeyTable()
        let kept = SymmetricKey(size: .bits256)
        let destroyed = SymmetricKey(size: .bits256)
        table.append(SubjectKeySlot(subject: "contact-a", key: kept))
        table.append(SubjectKeySlot(subject: "contact-b", key: destroyed))
        let copy = table
        table.markDestroyed("contact-b")
        #expect(table["contact-b"]?.key == nil)
        #expect(table["contact-b"]?.slot == 1)
        #expect(table.liveCount == 1)
        #expect(table["contact-a"]?.key == kept)
        #expect(copy["contact-b"]?.key == destroyed)
        #expect(copy.liveCount == 2)
    }

    @Test func theBlockOfKeysHoldsZerosForAnErasedOrDestroyedKey() {
        let block = SubjectKeyBytes(capacity: 1)
        let key = SymmetricKey(size: .bits256)
        block.append(key)
        block.append(UnsafeRawBufferPointer?.none)
        #expect(block.count == 2)
        #expect(block.key(at: 0) == key)
        #expect(block.key(at: 1) == SymmetricKey(data: [UInt8](repeating: 0, count: 32)))
        let copy = block.copy()
        block.erase(at: 0)
        #expect(block.key(at: 0) == SymmetricKey(data: [UInt8](repeating: 0, count: 32)))
        #expect(copy.key(at: 0) == key)
    }
}
