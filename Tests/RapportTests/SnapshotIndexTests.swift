import Foundation
import PropertyBased
import RapportCRM
import RapportLog
import RapportProjections
import RapportTestSupport
import Testing

@testable import Rapport

/// A snapshot holds the log's index: opening from it gives the same log as reading every batch, and an index
/// that is damaged, disagrees with the log or is missing (format 1) only costs the time of reading the log.
struct SnapshotIndexTests {
    /// A demo history, the share of it run before the snapshot, and whether closing takes another one.
    static let histories = zip(
        Gen<UInt64>.uint64(in: 0...10_000),
        Gen<Int>.int(in: 1...2),
        Gen<Double>.double(in: 0...1),
        Gen<Bool>.bool
    )

    @Test func openingFromASnapshotsIndexGivesTheSameLogAsReadingEveryBatch() async {
        await propertyCheck(count: 6, input: Self.histories) { seed, accounts, share, snapshotOnClose in
            try await withTemporaryDirectory { directory in
                let data = directory + "/data"
                var options = EngineHistory.options()
                options.snapshotOnClose = snapshotOnClose
                let commands = EngineHistory.commands(seed: seed, accounts: accounts)
                let split = Int(Double(commands.count) * share)
                let engine = try await Engine.open(directory: data, options: options)
                try await EngineHistory.run(Array(commands.prefix(split)), on: engine)
                try await engine.takeSnapshot()
                try await EngineHistory.run(Array(commands.dropFirst(split)), on: engine)
                await engine.close()
                let newest = try #require(SnapshotStore(dataDirectory: data).listings().first?.header)

                let notices = NoticeLog()
                let reopened = try await Engine.open(directory: data, options: EngineHistory.options(notices: notices))
                #expect(reopened.log.recoveryReport.indexCheckpoint == newest.position)
                #expect(notices.all.isEmpty)
                try await expectSameAsReadingEveryBatch(reopened, directory: directory)
            }
        }
    }

    @Test func aDamagedIndexSectionIsNotUsedAndTheLogIsReadWhole() async throws {
        try await withTemporaryDirectory { directory in
            let header = try await writeHistory(in: directory + "/data", seed: 3)
            let path = SnapshotStore(dataDirectory: directory + "/data").path(for: header.position)
            let index = try #require(header.sections.last)
            let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).uint64Value
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[Int(size - index.length / 2)] ^= 0x20
            try Data(bytes).write(to: URL(fileURLWithPath: path))

            let notices = NoticeLog()
            let engine = try await Engine.open(
                directory: directory + "/data",
                options: EngineHistory.options(notices: notices)
            )
            #expect(engine.log.recoveryReport.indexCheckpoint == nil)
            #expect(engine.opening.snapshotPosition == header.position)
            #expect(notices.all.contains { $0.contains("is not used") && $0.contains("section index has checksum") })
            try await expectSameAsReadingEveryBatch(engine, directory: directory)
        }
    }

    @Test func anIndexSectionThatDisagreesWithTheLogIsSetAsideWithANotice() async throws {
        try await withTemporaryDirectory { directory in
            let data = directory + "/data"
            _ = try await writeHistory(in: directory + "/other", seed: 5)
            let header = try await writeHistory(in: data, seed: 6)
            let store = SnapshotStore(dataDirectory: data)
            let path = store.path(for: header.position)
            let other = SnapshotStore(dataDirectory: directory + "/other")
            let otherPath = try #require(other.listings().first?.path)
            let foreign = try #require(try other.readIndex(at: otherPath))
            let (_, snapshot) = try store.read(at: path, includeDecisions: true)
            let (rewritten, parts) = await SnapshotFile.encode(
                snapshot,
                index: foreign.encoded(),
                modelsLastEventId: header.modelsLastEventId,
                decisionsLastEventId: header.decisionsLastEventId,
                createdAt: header.createdAt
            )
            try store.write(header: rewritten, parts: parts)

            let notices = NoticeLog()
            let engine = try await Engine.open(directory: data, options: EngineHistory.options(notices: notices))
            #expect(engine.log.recoveryReport.indexCheckpoint == nil)
            #expect(engine.log.recoveryReport.rejectedCheckpoint != nil)
            #expect(engine.opening.snapshotPosition == header.position)
            #expect(notices.all.contains { $0.contains("does not fit the log, which was read whole") })
            try await expectSameAsReadingEveryBatch(engine, directory: directory)
        }
    }

    @Test func aSnapshotOfFormatOneWithoutAnIndexIsStillUsed() async throws {
        try await withTemporaryDirectory { directory in
            let header = try await writeHistory(in: directory + "/data", seed: 7)
            let path = SnapshotStore(dataDirectory: directory + "/data").path(for: header.position)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            var former = header
            former.sections.removeLast()
            var headerWriter = ByteWriter()
            former.write(to: &headerWriter)
            var headerBytes = headerWriter.bytes
            #expect(headerBytes[0] == 2)
            headerBytes[0] = 1
            var file = ByteWriter()
            for byte in SnapshotFile.magic { file.writeByte(byte) }
            file.writeBytes(headerBytes)
            file.writeVarint(UInt64(headerBytes.withUnsafeBytes { SnapshotFile.checksum($0) }))
            let sections = Int(former.sections.reduce(0) { $0 + $1.length })
            let start = bytes.count - Int(header.sections.reduce(0) { $0 + $1.length })
            try Data(file.bytes + bytes[start..<(start + sections)]).write(to: URL(fileURLWithPath: path))

            let notices = NoticeLog()
            let engine = try await Engine.open(
                directory: directory + "/data",
                options: EngineHistory.options(notices: notices)
            )
            #expect(engine.opening.snapshotPosition == header.position)
            #expect(engine.opening.replayedEvents == 0)
            #expect(engine.log.recoveryReport.indexCheckpoint == nil)
            #expect(engine.log.recoveryReport.rejectedCheckpoint == nil)
            #expect(notices.all.isEmpty)
            try await expectSameAsReadingEveryBatch(engine, directory: directory)
        }
    }

    @Test func readersOpenFromTheIndexAndShowTheSameRecords() async throws {
        try await withTemporaryDirectory { directory in
            let header = try await writeHistory(in: directory + "/data", seed: 8)
            let log = try LogOpening.forReading(directory: directory + "/data")
            #expect(log.recoveryReport.indexCheckpoint == header.position)
            let full = try EventLog.openForReading(directory: directory + "/data")
            for stream in ["account-A0", "opportunity-A0-O1", "case-A0-K1"] {
                #expect(
                    try RecordStateOutput.describe(stream, in: log, keys: .forReading(dataDirectory: log.directory))
                        == RecordStateOutput.describe(
                            stream,
                            in: full,
                            keys: .forReading(dataDirectory: full.directory)
                        )
                )
            }
        }
    }

    @Test func readersByPositionOpenFromTheIndexWithoutItsStreams() async throws {
        try await withTemporaryDirectory { directory in
            let header = try await writeHistory(in: directory + "/data", seed: 9)
            let notices = NoticeLog()
            let log = try LogOpening.forReading(
                directory: directory + "/data",
                streams: .notIndexed,
                notice: notices.append
            )
            #expect(log.recoveryReport.indexCheckpoint == header.position)
            #expect(log.streamIndexing == .notIndexed)
            #expect(notices.all.isEmpty)
            let full = try EventLog.openForReading(directory: directory + "/data")
            #expect(try log.read(from: 0, limit: .max) == full.read(from: 0, limit: .max))
        }
    }

    /// Runs a demo history of one account and closes the engine, which takes a snapshot at the end.
    private func writeHistory(in data: String, seed: UInt64) async throws -> SnapshotHeader {
        let engine = try await Engine.open(directory: data, options: EngineHistory.options())
        try await EngineHistory.run(EngineHistory.commands(seed: seed, accounts: 1), on: engine)
        await engine.close()
        return try #require(SnapshotStore(dataDirectory: data).listings().first?.header)
    }

    /// Checks an engine against one opened on a copy of its data directory without snapshots, which reads every
    /// batch: the same streams, versions and records, end and head, decision state and read models. Closes it.
    private func expectSameAsReadingEveryBatch(
        _ engine: Engine,
        directory: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let copy = directory + "/copy"
        try FileManager.default.copyItem(atPath: engine.log.directory, toPath: copy)
        try FileManager.default.removeItem(atPath: SnapshotStore(dataDirectory: copy).directory)
        let full = try await Engine.open(directory: copy, options: EngineHistory.options())
        #expect(full.opening.snapshotPosition == nil, sourceLocation: sourceLocation)
        #expect(engine.log.endPosition == full.log.endPosition, sourceLocation: sourceLocation)
        #expect(engine.log.headHash == full.log.headHash, sourceLocation: sourceLocation)
        #expect(engine.log.streamCount == full.log.streamCount, sourceLocation: sourceLocation)
        let streams = Set(try full.log.read(from: 0, limit: .max).map(\.streamId))
        for stream in streams {
            #expect(engine.log.version(of: stream) == full.log.version(of: stream), sourceLocation: sourceLocation)
            #expect(
                try engine.log.readStream(stream) == full.log.readStream(stream),
                sourceLocation: sourceLocation
            )
        }
        #expect(engine.decisionState == full.decisionState, sourceLocation: sourceLocation)
        #expect(
            try EngineHistory.liveModels(of: engine) == EngineHistory.liveModels(of: full),
            sourceLocation: sourceLocation
        )
        await engine.close()
        await full.close()
    }
}
