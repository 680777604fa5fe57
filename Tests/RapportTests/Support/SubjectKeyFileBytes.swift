import Foundation
import Testing

@testable import Rapport

/// The raw bytes of a data directory's key store file, for tests that inspect or damage it, and the stores and
/// errors those tests deal with.
enum SubjectKeyFileBytes {
    /// The key store file of a data directory.
    static func path(in directory: String) -> String {
        directory + "/" + SubjectKeyStore.fileName
    }

    /// The file's bytes.
    static func read(in directory: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(in: directory))))
    }

    /// Replaces the file's bytes.
    static func write(_ bytes: [UInt8], in directory: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path(in: directory)))
    }

    /// Changes the file's bytes.
    static func modify(in directory: String, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = try read(in: directory)
        change(&bytes)
        try write(bytes, in: directory)
    }

    /// The byte range of a slot in the file.
    static func range(ofSlot slot: Int) -> Range<Int> {
        let start = SubjectKeyFile.offset(ofSlot: slot)
        return start..<(start + SubjectKeyFile.slotSize)
    }

    /// Stores the right checksum in a slot whose bytes a test changed, so that only the rule it breaks is wrong.
    static func reseal(slot: Int, in bytes: inout [UInt8]) {
        var block = Array(bytes[range(ofSlot: slot)])
        SubjectKeyFile.sealChecksum(of: &block)
        bytes.replaceSubrange(range(ofSlot: slot), with: block)
    }

    /// Stores the right checksum in a header a test changed.
    static func resealHeader(in bytes: inout [UInt8]) {
        var block = Array(bytes[0..<SubjectKeyFile.headerSize])
        SubjectKeyFile.sealChecksum(of: &block)
        bytes.replaceSubrange(0..<SubjectKeyFile.headerSize, with: block)
    }

    /// Opens a data directory's store for writing, creating it, and ignoring notices.
    static func openStore(
        in directory: String,
        durability: SubjectKeyStore.Durability = .syncEachChange
    ) throws -> SubjectKeyStore {
        try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: true, durability: durability) { _ in }
    }

    /// A store with a key for each subject, closed again.
    static func makeStore(in directory: String, subjects: [String]) throws {
        let store = try openStore(in: directory)
        for subject in subjects { _ = try store.key(creatingFor: subject) }
        store.close()
    }

    /// Expects a `key_store_failure` whose message holds every fragment.
    static func expectKeyStoreFailure(
        containing fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) {
        let error = #expect(throws: RapportError.self, sourceLocation: sourceLocation) { try body() }
        #expect(error?.code == .keyStoreFailure, sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(
                error?.message.contains(fragment) == true,
                "\(error?.message ?? "")",
                sourceLocation: sourceLocation
            )
        }
    }
}
