import Foundation
import RapportTestSupport
import Testing

@testable import Rapport

/// Every way a key store file can be missing or damaged is an error at opening that names the file and, for a
/// slot, its number and byte offset; only a torn append at the end is cut away, with a notice.
struct SubjectKeyStoreDamageTests {
    private typealias Bytes = SubjectKeyFileBytes

    private static let subjects = ["contact-c1", "contact-c2", "contact-c3", "lead-L1", "lead-L2"]

    /// Expects opening for writing and for reading both to fail with a message holding every fragment.
    private static func expectBothOpeningsFail(in directory: String, containing fragments: [String]) {
        Bytes.expectKeyStoreFailure(containing: fragments) {
            _ = try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: true) { _ in }
        }
        Bytes.expectKeyStoreFailure(containing: fragments) {
            _ = try SubjectKeyStore.openForReading(dataDirectory: directory)
        }
    }

    @Test func aMissingStoreIsAnErrorUnlessCreated() async throws {
        try await withTemporaryDirectory { directory in
            Bytes.expectKeyStoreFailure(containing: [Bytes.path(in: directory), "is missing", "rapport keys restore"]) {
                _ = try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: false) { _ in }
            }
            #expect(!FileManager.default.fileExists(atPath: Bytes.path(in: directory)))
            let created = try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: true) { _ in }
            created.close()
            #expect(try Bytes.read(in: directory) == SubjectKeyFile.header)
            #expect(!FileManager.default.fileExists(atPath: Bytes.path(in: directory) + ".tmp"))
        }
    }

    @Test func aMissingStoreForReadingSaysPersonalFieldsCannotBeRead() async {
        await withTemporaryDirectory { directory in
            Bytes.expectKeyStoreFailure(
                containing: [
                    Bytes.path(in: directory), "is missing", "cannot be read without it", "rapport keys restore",
                ]
            ) {
                _ = try SubjectKeyStore.openForReading(dataDirectory: directory)
            }
            #expect(!FileManager.default.fileExists(atPath: Bytes.path(in: directory)))
        }
    }

    @Test func aFileShorterThanItsHeaderIsAnError() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.write(Array(SubjectKeyFile.header.prefix(100)), in: directory)
            Self.expectBothOpeningsFail(in: directory, containing: ["100 bytes long", "128-byte header"])
        }
    }

    @Test func aBadMagicStringIsAnError() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: Self.subjects)
            try Bytes.modify(in: directory) {
                $0[7] = UInt8(ascii: "2")
                Bytes.resealHeader(in: &$0)
            }
            Self.expectBothOpeningsFail(in: directory, containing: ["magic string RPKEYS01"])
        }
    }

    @Test func aBadHeaderChecksumIsAnError() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: Self.subjects)
            try Bytes.modify(in: directory) { $0[40] = 1 }
            Self.expectBothOpeningsFail(in: directory, containing: ["damaged header", "checksum"])
        }
    }

    @Test func anotherFormatVersionIsAnError() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: Self.subjects)
            try Bytes.modify(in: directory) {
                $0[8] = 2
                Bytes.resealHeader(in: &$0)
            }
            Self.expectBothOpeningsFail(in: directory, containing: ["format 2", "reads format 1 only"])
        }
    }

    @Test func anotherSlotSizeIsAnError() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: Self.subjects)
            try Bytes.modify(in: directory) {
                $0[10] = 64
                Bytes.resealHeader(in: &$0)
            }
            Self.expectBothOpeningsFail(in: directory, containing: ["slots are 64 bytes long"])
        }
    }

    @Test func aSlotWithABadChecksumInTheMiddleNamesItsNumberAndOffset() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: Self.subjects)
            try Bytes.modify(in: directory) { $0[Bytes.range(ofSlot: 2).lowerBound + 5] ^= 0x20 }
            Self.expectBothOpeningsFail(
                in: directory,
                containing: [Bytes.path(in: directory), "is damaged", "slot 2 at byte 384", "checksum"]
            )
        }
    }

    /// A slot rule broken with a checksum that matches, so that only the rule can catch it.
    @Test(arguments: [
        (2, 0, 7, "has state 7") as (Int, Int, UInt8, String),
        (1, 1, 0, "has subject length 0"),
        (3, 1, 89, "has subject length 89"),
        (4, 60, 1, "padding after its subject"),
        (0, 122, 1, "reserved bytes 122..<124"),
        (2, 2, 0xFF, "not valid UTF-8"),
    ])
    func aSlotBreakingARuleIsDamage(slot: Int, byte: Int, value: UInt8, rule: String) async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: Self.subjects)
            try Bytes.modify(in: directory) {
                $0[Bytes.range(ofSlot: slot).lowerBound + byte] = value
                Bytes.reseal(slot: slot, in: &$0)
            }
            let offset = SubjectKeyFile.offset(ofSlot: slot)
            Self.expectBothOpeningsFail(in: directory, containing: ["slot \(slot) at byte \(offset)", rule])
        }
    }

    @Test func aDestroyedSlotWithKeyBytesIsDamage() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: Self.subjects)
            try Bytes.modify(in: directory) {
                $0[Bytes.range(ofSlot: 1).lowerBound] = 2
                Bytes.reseal(slot: 1, in: &$0)
            }
            Self.expectBothOpeningsFail(
                in: directory,
                containing: ["slot 1 at byte 256", "destroyed (state 2) but its key bytes are not all zero"]
            )
        }
    }

    @Test func aSubjectInTwoSlotsIsDamage() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: Self.subjects)
            try Bytes.modify(in: directory) { $0 += $0[Bytes.range(ofSlot: 1)] }
            Self.expectBothOpeningsFail(
                in: directory,
                containing: ["slot 5 at byte 768", "holds subject contact-c2, which slot 1 already holds"]
            )
        }
    }

    @Test func anAllZeroSlotBeforeOthersIsDamage() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: Self.subjects)
            try Bytes.modify(in: directory) {
                $0.replaceSubrange(Bytes.range(ofSlot: 3), with: repeatElement(0, count: SubjectKeyFile.slotSize))
            }
            Self.expectBothOpeningsFail(in: directory, containing: ["slot 3 at byte 512", "all zero bytes"])
        }
    }

    @Test(arguments: [1, 127, 128 + 50, 3 * 128])
    func aTornAppendIsCutAwayWhenOpeningForWriting(extra: Int) async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            let keys = try Self.subjects.map { try #require(try store.key(creatingFor: $0)) }
            store.close()
            let whole = try Bytes.read(in: directory)
            let partial = extra % SubjectKeyFile.slotSize
            try Bytes.write(
                whole + Array(repeating: 0, count: extra - partial) + Array(repeating: 7, count: partial),
                in: directory
            )

            var notices: [String] = []
            let reopened = try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: false) {
                notices.append($0)
            }
            #expect(notices.count == 1)
            #expect(notices.first?.contains("\(extra) bytes past byte \(whole.count)") == true, "\(notices)")
            #expect(try Bytes.read(in: directory) == whole)
            for (subject, key) in zip(Self.subjects, keys) { #expect(reopened.lookup(subject) == .key(key)) }
            let next = try #require(try reopened.key(creatingFor: "contact-c9"))
            reopened.close()
            #expect(try Bytes.openStore(in: directory).lookup("contact-c9") == .key(next))
        }
    }
}
