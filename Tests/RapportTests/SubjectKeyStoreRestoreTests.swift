import Crypto
import Foundation
import RapportTestSupport
import Testing

@testable import Rapport

/// Backups are complete, checked copies that never overwrite a file unasked; a restore brings back the backup's
/// keys but never one that was destroyed since, in the current store or according to the log.
struct SubjectKeyStoreRestoreTests {
    private typealias Bytes = SubjectKeyFileBytes

    private static func restore(
        _ backup: String,
        into directory: String,
        forgotten: Set<String> = []
    ) throws -> (SubjectKeyStore.RestoreReport, [String]) {
        var notices: [String] = []
        let report = try SubjectKeyStore.restore(from: backup, into: directory, forgotten: forgotten) {
            notices.append($0)
        }
        return (report, notices)
    }

    @Test func aBackupRestoresIntoAnEmptyDirectory() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            let first = try #require(try store.key(creatingFor: "contact-c1"))
            let second = try #require(try store.key(creatingFor: "lead-L1"))
            _ = try store.key(creatingFor: "contact-c2")
            try store.destroy("contact-c2")
            let backup = directory + "/keys.backup"
            try store.backup(to: backup)
            store.close()
            let original = try Bytes.read(in: directory)
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: backup))) == original)

            let restored = directory + "/restored"
            try FileManager.default.createDirectory(atPath: restored, withIntermediateDirectories: true)
            let (report, notices) = try Self.restore(backup, into: restored)
            #expect(report.currentStore == .absent)
            #expect(report.liveKeys == 2)
            #expect(report.destroyedSubjects == 1)
            #expect(notices.count == 1)
            #expect(try Bytes.read(in: restored) == original)
            let reopened = try SubjectKeyStore.openForReading(dataDirectory: restored)
            #expect(reopened.lookup("contact-c1") == .key(first))
            #expect(reopened.lookup("lead-L1") == .key(second))
            #expect(reopened.lookup("contact-c2") == .destroyed)
            reopened.close()
        }
    }

    @Test func aBackupNeverOverwritesAFileUnasked() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            _ = try store.key(creatingFor: "contact-c1")
            let backup = directory + "/keys.backup"
            try Data("precious".utf8).write(to: URL(fileURLWithPath: backup))
            Bytes.expectKeyStoreFailure(containing: [backup, "already exists"]) { try store.backup(to: backup) }
            #expect(try String(contentsOfFile: backup, encoding: .utf8) == "precious")
            #expect(!FileManager.default.fileExists(atPath: backup + ".tmp"))

            try store.backup(to: backup, replacing: true)
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: backup))) == (try Bytes.read(in: directory)))
            store.close()
        }
    }

    @Test func aReadersBackupHoldsWhatTheWriterDestroyedSinceItOpened() async throws {
        try await withTemporaryDirectory { directory in
            let writer = try Bytes.openStore(in: directory)
            let doomed = try #require(try writer.key(creatingFor: "contact-c1"))
            let reader = try SubjectKeyStore.openForReading(dataDirectory: directory)
            #expect(reader.lookup("contact-c1") == .key(doomed))
            try writer.destroy("contact-c1")
            let backup = directory + "/keys.backup"
            try reader.backup(to: backup)
            let copy = Array(try Data(contentsOf: URL(fileURLWithPath: backup)))
            #expect(copy == (try Bytes.read(in: directory)))
            #expect(!copy.contains(doomed.withUnsafeBytes { Array($0) }))
            #expect(reader.lookup("contact-c1") == .destroyed)
            reader.close()
            writer.close()
        }
    }

    @Test func aRestoreDestroysTheKeysOfForgottenSubjects() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            let kept = try #require(try store.key(creatingFor: "contact-c1"))
            _ = try store.key(creatingFor: "contact-c2")
            let backup = directory + "/keys.backup"
            try store.backup(to: backup)
            store.close()
            try FileManager.default.removeItem(atPath: Bytes.path(in: directory))

            let (report, _) = try Self.restore(backup, into: directory, forgotten: ["contact-c2", "lead-L7"])
            #expect(report.forgottenInBackup == 1)
            #expect(report.liveKeys == 1)
            #expect(report.destroyedSubjects == 2)
            let reopened = try Bytes.openStore(in: directory)
            #expect(reopened.lookup("contact-c1") == .key(kept))
            #expect(reopened.lookup("contact-c2") == .destroyed)
            #expect(reopened.lookup("lead-L7") == .destroyed)
            #expect(try reopened.key(creatingFor: "lead-L7") == nil)
            reopened.close()
        }
    }

    @Test func aRestoreKeepsDestroyedTheKeysTheCurrentStoreDestroyedSinceTheBackup() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            let kept = try #require(try store.key(creatingFor: "contact-c1"))
            let doomed = try #require(try store.key(creatingFor: "contact-c2"))
            let backup = directory + "/keys.backup"
            try store.backup(to: backup)
            try store.destroy("contact-c2")
            let added = try #require(try store.key(creatingFor: "lead-L1"))
            store.close()

            let (report, notices) = try Self.restore(backup, into: directory)
            #expect(notices.isEmpty)
            #expect(report.currentStore == .merged)
            #expect(report.destroyedSinceBackup == 1)
            #expect(report.keysAddedSinceBackup == 1)
            #expect(report.liveKeys == 2)
            let bytes = try Bytes.read(in: directory)
            #expect(!bytes.contains(doomed.withUnsafeBytes { Array($0) }))
            let reopened = try Bytes.openStore(in: directory)
            #expect(reopened.lookup("contact-c1") == .key(kept))
            #expect(reopened.lookup("contact-c2") == .destroyed)
            #expect(reopened.lookup("lead-L1") == .key(added))
            reopened.close()
        }
    }

    @Test func aRestoreReplacesADamagedCurrentStoreAndSaysSo() async throws {
        try await withTemporaryDirectory { directory in
            let store = try Bytes.openStore(in: directory)
            let key = try #require(try store.key(creatingFor: "contact-c1"))
            let backup = directory + "/keys.backup"
            try store.backup(to: backup)
            store.close()
            try Bytes.modify(in: directory) { $0[Bytes.range(ofSlot: 0).lowerBound + 3] ^= 1 }

            let (report, notices) = try Self.restore(backup, into: directory, forgotten: ["contact-c9"])
            #expect(report.currentStore == .replaced)
            #expect(notices.count == 1)
            #expect(notices.first?.contains("slot 0 at byte 128") == true, "\(notices)")
            #expect(notices.first?.contains("any key created since the backup is lost") == true)
            let reopened = try Bytes.openStore(in: directory)
            #expect(reopened.lookup("contact-c1") == .key(key))
            #expect(reopened.lookup("contact-c9") == .destroyed)
            reopened.close()
        }
    }

    @Test func aDamagedBackupIsNotRestored() async throws {
        try await withTemporaryDirectory { directory in
            try Bytes.makeStore(in: directory, subjects: ["contact-c1", "contact-c2"])
            let before = try Bytes.read(in: directory)
            let torn = directory + "/torn.backup"
            try Data(before + [1, 2, 3]).write(to: URL(fileURLWithPath: torn))
            Bytes.expectKeyStoreFailure(containing: [torn, "3 bytes past byte 384", "a backup is written whole"]) {
                _ = try Self.restore(torn, into: directory)
            }
            var flipped = before
            flipped[Bytes.range(ofSlot: 1).lowerBound + 100] ^= 1
            let damaged = directory + "/damaged.backup"
            try Data(flipped).write(to: URL(fileURLWithPath: damaged))
            Bytes.expectKeyStoreFailure(containing: [damaged, "slot 1 at byte 256", "use another backup"]) {
                _ = try Self.restore(damaged, into: directory)
            }
            Bytes.expectKeyStoreFailure(containing: ["does not exist"]) {
                _ = try Self.restore(directory + "/none.backup", into: directory)
            }
            #expect(try Bytes.read(in: directory) == before)
        }
    }

    @Test func aSubjectWithDifferentKeysInBackupAndStoreIsNotRestored() async throws {
        try await withTemporaryDirectory { directory in
            let other = directory + "/other"
            try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
            let elsewhere = try Bytes.openStore(in: other)
            _ = try elsewhere.key(creatingFor: "contact-c1")
            let backup = directory + "/keys.backup"
            try elsewhere.backup(to: backup)
            elsewhere.close()
            try Bytes.makeStore(in: directory, subjects: ["contact-c1"])
            let before = try Bytes.read(in: directory)

            Bytes.expectKeyStoreFailure(containing: ["subject contact-c1 has one key", "nothing was restored"]) {
                _ = try Self.restore(backup, into: directory)
            }
            #expect(try Bytes.read(in: directory) == before)
        }
    }
}
