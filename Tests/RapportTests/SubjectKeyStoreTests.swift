import Crypto
import Foundation
import RapportLog
import RapportTestSupport
import Testing

@testable import Rapport

/// The subject key store's behaviour: keys kept across openings, destroyed in place on disk and never created
/// again, readers that follow a writer, and the file layout docs/KEY-STORE.md describes.
struct SubjectKeyStoreTests {
    private typealias Bytes = SubjectKeyFileBytes

    private static func keyBytes(_ key: SymmetricKey) -> [UInt8] {
        key.withUnsafeBytes { Array($0) }
    }

    @Test func keysSurviveReopening() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            let first = try #require(try store.key(creatingFor: "contact-c17"))
            let second = try #require(try store.key(creatingFor: "lead-L9"))
            #expect(first != second)
            #expect(try store.key(creatingFor: "contact-c17") == first)
            store.close()

            let reopened = try Bytes.openStore(in: directory)
            #expect(reopened.lookup("contact-c17") == .key(first))
            #expect(reopened.lookup("lead-L9") == .key(second))
            #expect(reopened.lookup("contact-c18") == .unknown)
            #expect(reopened.liveCount == 2)
            #expect(reopened.destroyedCount == 0)
            #expect(try Bytes.read(in: directory).count == SubjectKeyFile.offset(ofSlot: 2))
        }
    }

    @Test func theFileHoldsTheDocumentedLayout() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            let key = try #require(try store.key(creatingFor: "contact-c17"))
            store.close()
            let bytes = try Bytes.read(in: directory)
            #expect(bytes.count == 256)
            #expect(Array(bytes[0..<8]) == Array("RPKEYS01".utf8))
            #expect(Array(bytes[8..<12]) == [1, 0, 128, 0])
            #expect(bytes[12..<124].allSatisfy { $0 == 0 })
            let slot = Array(bytes[128..<256])
            #expect(slot[0] == 1)
            #expect(slot[1] == 11)
            #expect(Array(slot[2..<13]) == Array("contact-c17".utf8))
            #expect(slot[13..<90].allSatisfy { $0 == 0 })
            #expect(Array(slot[90..<122]) == Self.keyBytes(key))
            #expect(slot[122..<124].allSatisfy { $0 == 0 })
            for block in [Array(bytes[0..<128]), slot] {
                let stored =
                    UInt32(block[124]) | UInt32(block[125]) << 8 | UInt32(block[126]) << 16
                    | UInt32(block[127]) << 24
                #expect(block[0..<124].withUnsafeBytes { CRC32C.checksum($0) } == stored)
            }
        }
    }

    @Test func destroyingAKeyZeroesItsBytesOnDisk() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            let doomed = Self.keyBytes(try #require(try store.key(creatingFor: "contact-c1")))
            let kept = Self.keyBytes(try #require(try store.key(creatingFor: "contact-c2")))
            let before = try Bytes.read(in: directory)
            #expect(before.contains(doomed))
            try store.destroy("contact-c1")
            let after = try Bytes.read(in: directory)
            #expect(after.count == before.count)
            #expect(!after.contains(doomed))
            #expect(after.contains(kept))
            #expect(after[Bytes.range(ofSlot: 0)].first == 2)
            #expect(store.lookup("contact-c1") == .destroyed)
            #expect(store.liveCount == 1)
            #expect(store.destroyedCount == 1)
            store.close()
        }
    }

    @Test func aDestroyedSubjectNeverGetsAKeyAgain() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            _ = try store.key(creatingFor: "lead-L9")
            try store.destroy("lead-L9")
            #expect(try store.key(creatingFor: "lead-L9") == nil)
            store.close()

            let reopened = try Bytes.openStore(in: directory)
            #expect(try reopened.key(creatingFor: "lead-L9") == nil)
            #expect(reopened.lookup("lead-L9") == .destroyed)
            #expect(try Bytes.read(in: directory).count == SubjectKeyFile.offset(ofSlot: 1))
            reopened.close()
        }
    }

    @Test func destroyingAnUnknownSubjectLeavesATombstone() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            try store.destroy("contact-c404")
            #expect(store.lookup("contact-c404") == .destroyed)
            #expect(store.destroyedCount == 1)
            store.close()

            let bytes = try Bytes.read(in: directory)
            #expect(bytes.count == SubjectKeyFile.offset(ofSlot: 1))
            #expect(bytes[Bytes.range(ofSlot: 0)].first == 2)
            let reopened = try Bytes.openStore(in: directory)
            #expect(try reopened.key(creatingFor: "contact-c404") == nil)
            #expect(reopened.subjects().map(\.subject) == ["contact-c404"])
            #expect(reopened.subjects().map(\.destroyed) == [true])
            reopened.close()
        }
    }

    @Test func destroyingTwiceChangesNothing() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            _ = try store.key(creatingFor: "contact-c1")
            try store.destroy("contact-c1")
            let once = try Bytes.read(in: directory)
            try store.destroy("contact-c1")
            #expect(try Bytes.read(in: directory) == once)
            #expect(store.destroyedCount == 1)
            store.close()
        }
    }

    @Test func aReaderSeesKeysAWriterAddsAfterItOpened() async throws {
        try await withTemporaryDirectory { directory in
            let writer = try Bytes.openStore(in: directory)
            let early = try #require(try writer.key(creatingFor: "contact-c1"))
            let reader = try SubjectKeyStore.openForReading(dataDirectory: directory)
            #expect(reader.isReadOnly)
            #expect(reader.lookup("contact-c1") == .key(early))
            #expect(reader.lookup("contact-c2") == .unknown)

            let late = try #require(try writer.key(creatingFor: "contact-c2"))
            try writer.destroy("lead-L1")
            #expect(reader.lookup("contact-c2") == .key(late))
            #expect(reader.lookup("lead-L1") == .destroyed)
            #expect(reader.liveCount == 2)
            reader.close()
            writer.close()
        }
    }

    @Test func aReaderLeavesAPartialSlotAlone() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: ["contact-c1"])
            try Bytes.modify(in: directory) { $0 += [1, 2, 3] }
            let reader = try SubjectKeyStore.openForReading(dataDirectory: directory)
            #expect(reader.liveCount == 1)
            #expect(reader.lookup("contact-c2") == .unknown)
            reader.close()
            #expect(try Bytes.read(in: directory).count == SubjectKeyFile.offset(ofSlot: 1) + 3)
        }
    }

    @Test func aReadOnlyStoreRefusesChanges() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: ["contact-c1"])
            let before = try Bytes.read(in: directory)
            let reader = try SubjectKeyStore.openForReading(dataDirectory: directory)
            Bytes.expectKeyStoreFailure(containing: ["open for reading only", "create a key for contact-c2"]) {
                _ = try reader.key(creatingFor: "contact-c2")
            }
            Bytes.expectKeyStoreFailure(containing: ["open for reading only", "destroy the key of contact-c1"]) {
                try reader.destroy("contact-c1")
            }
            #expect(try Bytes.read(in: directory) == before)
            reader.close()
        }
    }

    @Test func aClosedStoreRefusesUse() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            _ = try store.key(creatingFor: "contact-c1")
            store.close()
            store.close()
            #expect(store.lookup("contact-c1") == .unknown)
            #expect(store.liveCount == 0)
            Bytes.expectKeyStoreFailure(containing: ["is closed"]) { _ = try store.key(creatingFor: "contact-c1") }
            Bytes.expectKeyStoreFailure(containing: ["is closed"]) { try store.destroy("contact-c1") }
            Bytes.expectKeyStoreFailure(containing: ["is closed"]) { try store.sync() }
            Bytes.expectKeyStoreFailure(containing: ["is closed"]) { try store.writeCreatedKeys() }
            Bytes.expectKeyStoreFailure(containing: ["is closed"]) { try store.backup(to: directory + "/copy") }
        }
    }

    @Test(arguments: [
        (String(repeating: "a", count: 1), true),
        (String(repeating: "a", count: 88), true),
        (String(repeating: "é", count: 44), true),
        ("", false),
        (String(repeating: "a", count: 89), false),
        (String(repeating: "é", count: 45), false),
    ])
    func subjectsHoldOneTo88BytesOfUTF8(subject: String, fits: Bool) async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            if fits {
                let key = try #require(try store.key(creatingFor: subject))
                store.close()
                #expect(try Bytes.openStore(in: directory).lookup(subject) == .key(key))
            } else {
                let creating = #expect(throws: RapportError.self) { try store.key(creatingFor: subject) }
                let destroying = #expect(throws: RapportError.self) { try store.destroy(subject) }
                for error in [creating, destroying] {
                    #expect(error?.code == .invalidInput)
                    #expect(error?.message.contains("\(subject.utf8.count) bytes of UTF-8") == true)
                }
                #expect(store.subjects().isEmpty)
                store.close()
            }
        }
    }

    @Test func keysCreatedWithSyncOnRequestAreKept() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory, durability: .syncOnRequest)
            let keys = try (0..<300).map { try #require(try store.key(creatingFor: "contact-c\($0)")) }
            try store.sync()
            store.close()
            let reopened = try Bytes.openStore(in: directory)
            for (index, key) in keys.enumerated() {
                #expect(reopened.lookup("contact-c\(index)") == .key(key))
            }
            #expect(reopened.subjects().map(\.subject) == (0..<300).map { "contact-c\($0)" })
            reopened.close()
            let distinct = Set(keys.map { $0.withUnsafeBytes { Array($0) } })
            #expect(distinct.count == keys.count)
        }
    }

    @Test func keysCreatedWithSyncOnRequestReachTheFileWhenWrittenOrWhenEnoughWait() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory, durability: .syncOnRequest)
            let first = try #require(try store.key(creatingFor: "contact-c1"))
            let reader = try SubjectKeyStore.openForReading(dataDirectory: directory)
            #expect(reader.lookup("contact-c1") == .unknown)
            try store.writeCreatedKeys()
            #expect(reader.lookup("contact-c1") == .key(first))

            let waiting = SubjectKeyStore.unwrittenLimit / SubjectKeyFile.slotSize
            for index in 2..<(waiting + 1) { _ = try store.key(creatingFor: "contact-c\(index)") }
            #expect(try Bytes.read(in: directory).count == SubjectKeyFile.offset(ofSlot: 1))
            let last = try #require(try store.key(creatingFor: "contact-c\(waiting + 1)"))
            #expect(try Bytes.read(in: directory).count == SubjectKeyFile.offset(ofSlot: waiting + 1))
            #expect(reader.lookup("contact-c\(waiting + 1)") == .key(last))
            reader.close()
            store.close()
        }
    }

    @Test func aDestroyAfterKeysWaitingToBeWrittenKeepsThemAll() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory, durability: .syncOnRequest)
            let kept = try #require(try store.key(creatingFor: "contact-c1"))
            _ = try store.key(creatingFor: "contact-c2")
            try store.destroy("contact-c2")
            try store.destroy("lead-L1")
            #expect(try Bytes.read(in: directory).count == SubjectKeyFile.offset(ofSlot: 3))
            store.close()
            let reopened = try Bytes.openStore(in: directory)
            #expect(reopened.lookup("contact-c1") == .key(kept))
            #expect(reopened.lookup("contact-c2") == .destroyed)
            #expect(reopened.lookup("lead-L1") == .destroyed)
            reopened.close()
        }
    }

    @Test func closingWritesTheKeysStillWaiting() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory, durability: .syncOnRequest)
            let key = try #require(try store.key(creatingFor: "lead-L7"))
            store.close()
            let reopened = try Bytes.openStore(in: directory)
            #expect(reopened.lookup("lead-L7") == .key(key))
            reopened.close()
        }
    }
}
