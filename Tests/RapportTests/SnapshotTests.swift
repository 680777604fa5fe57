import Foundation
import RapportCRM
import RapportLog
import RapportProjections
import RapportTestSupport
import Synchronization
import Testing

@testable import Rapport

/// Snapshots: taken on demand, every N events and on close; skipped, with a notice, when damaged, written by
/// another read model version or by another log; pruned to the newest K.
struct SnapshotTests {
    @Test func opensFromTheNewestSnapshotAndReplaysOnlyTheTail() async throws {
        try await withTemporaryDirectory { directory in
            let commands = EngineHistory.commands(seed: 21, accounts: 2)
            var options = EngineHistory.options()
            options.snapshotOnClose = false
            let engine = try await Engine.open(directory: directory, options: options)
            try await EngineHistory.run(Array(commands.prefix(40)), on: engine)
            let header = try await engine.takeSnapshot()
            #expect(header.position == engine.log.endPosition)
            #expect(
                header.modelVersions
                    == Dictionary(uniqueKeysWithValues: ReadModels.catalog.map { ($0.name, $0.version) })
            )
            try await EngineHistory.run(Array(commands.dropFirst(40)), on: engine)
            let end = engine.log.endPosition
            let live = try EngineHistory.liveModels(of: engine)
            await engine.close()

            let reopened = try await Engine.open(directory: directory, options: options)
            #expect(reopened.opening.snapshotPosition == header.position)
            #expect(reopened.opening.replayedEvents == end - header.position)
            #expect(try EngineHistory.liveModels(of: reopened) == live)
            await reopened.close()
        }
    }

    @Test func aSnapshotOfAnotherReadModelVersionIsSkippedForAnOlderOne() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            let commands = EngineHistory.commands(seed: 8, accounts: 1)
            try await EngineHistory.run(Array(commands.prefix(20)), on: engine)
            let older = try await engine.takeSnapshot()
            try await EngineHistory.run(Array(commands.dropFirst(20)), on: engine)
            let newer = try await engine.takeSnapshot()
            let live = try EngineHistory.liveModels(of: engine)
            await engine.close()

            let store = SnapshotStore(dataDirectory: directory)
            try rewriteHeader(at: store.path(for: newer.position)) {
                $0.modelVersions[PipelineModel.name] = PipelineModel.version + 1
            }
            let notices = NoticeLog()
            let reopened = try await Engine.open(directory: directory, options: EngineHistory.options(notices: notices))
            #expect(reopened.opening.snapshotPosition == older.position)
            let skipped = try #require(reopened.opening.skippedSnapshots.first)
            #expect(skipped.reason.contains("pipeline v\(PipelineModel.version + 1)"))
            #expect(notices.all.contains { $0.contains("skipped snapshot") && $0.contains("read model versions") })
            #expect(try EngineHistory.liveModels(of: reopened) == live)
            await reopened.close()
        }
    }

    @Test func aSnapshotOfAnotherLogIsSkipped() async throws {
        try await withTemporaryDirectory { directory in
            let first = directory + "/first"
            let second = directory + "/second"
            let commands = EngineHistory.commands(seed: 4, accounts: 1)
            for data in [first, second] {
                let engine = try await Engine.open(directory: data, options: EngineHistory.options())
                try await EngineHistory.run(commands, on: engine)
                await engine.close()
            }
            let store = SnapshotStore(dataDirectory: second)
            let foreign = try #require(SnapshotStore(dataDirectory: first).listings().first)
            for listing in store.listings() { try FileManager.default.removeItem(atPath: listing.path) }
            try FileManager.default.copyItem(
                atPath: foreign.path,
                toPath: store.directory + "/" + URL(fileURLWithPath: foreign.path).lastPathComponent
            )

            let reopened = try await Engine.open(directory: second, options: EngineHistory.options())
            #expect(reopened.opening.snapshotPosition == nil)
            #expect(
                reopened.opening.skippedSnapshots.first?.reason.contains("is not the one the snapshot folded") == true
            )
            await reopened.close()
        }
    }

    @Test func aTruncatedSnapshotIsSkippedAndOpeningReplaysTheWholeLog() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await EngineHistory.run(EngineHistory.commands(seed: 2, accounts: 1), on: engine)
            let live = try EngineHistory.liveModels(of: engine)
            let decisions = engine.decisionState
            await engine.close()
            let path = try #require(SnapshotStore(dataDirectory: directory).listings().first?.path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            try bytes.prefix(bytes.count - 10).write(to: URL(fileURLWithPath: path))

            let reopened = try await Engine.open(directory: directory, options: EngineHistory.options())
            #expect(reopened.opening.snapshotPosition == nil)
            #expect(reopened.opening.replayedEvents == reopened.log.endPosition)
            #expect(reopened.opening.skippedSnapshots.first?.reason.contains("runs past the file's end") == true)
            #expect(try EngineHistory.liveModels(of: reopened) == live)
            #expect(reopened.decisionState == decisions)
            await reopened.close()
        }
    }

    @Test func automaticSnapshotsArePrunedToTheNewestK() async throws {
        try await withTemporaryDirectory { directory in
            var options = EngineHistory.options(snapshotInterval: 10)
            options.keptSnapshots = 2
            let engine = try await Engine.open(directory: directory, options: options)
            let commands = EngineHistory.commands(seed: 9, accounts: 2)
            // In parts, each folded and snapshotted before the next: on a busy machine the follower could otherwise
            // fold the whole history at once and take a single snapshot.
            for start in stride(from: 0, to: commands.count, by: 50) {
                try await EngineHistory.run(Array(commands[start..<min(start + 50, commands.count)]), on: engine)
                try await Self.settle(engine, interval: options.snapshotInterval)
            }
            await engine.close()
            let listings = SnapshotStore(dataDirectory: directory).listings()
            #expect(listings.count == 2)
            #expect(listings.allSatisfy { $0.header != nil })
            let positions = listings.compactMap { $0.header?.position }
            #expect(positions == positions.sorted(by: >))
            #expect(positions.first == engine.log.endPosition)
        }
    }

    /// Waits until the engine's follower has folded every durable event and taken the snapshot they call for.
    private static func settle(_ engine: Engine, interval: UInt64) async throws {
        for _ in 0..<4_000 {
            let end = engine.log.endPosition
            if engine.projectionLag == 0, engine.lastSnapshotPosition.withLock({ $0 }) + interval > end { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("the read models did not catch up with the log within 20 s")
    }

    @Test func aSnapshotNeverStandsForEventsTheLogDoesNotHold() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await EngineHistory.run(EngineHistory.commands(seed: 1, accounts: 1), on: engine)
            let header = try await engine.takeSnapshot()
            #expect(header.position <= engine.log.endPosition)
            #expect(header.decisionsPosition == engine.log.endPosition)
            #expect(header.models.position == engine.log.endPosition)
            await engine.close()
        }
    }

    @Test func snapshotsTakenWhileCommandsRunHoldEverythingAtOnePosition() async throws {
        try await withTemporaryDirectory { directory in
            var options = EngineHistory.options()
            options.keptSnapshots = 100
            options.snapshotOnClose = false
            let engine = try await Engine.open(directory: directory, options: options)
            let commands = EngineHistory.commands(seed: 13, accounts: 3)
            let headers = try await withThrowingTaskGroup(of: [SnapshotHeader].self) { group in
                group.addTask {
                    try await EngineHistory.run(commands, on: engine)
                    return []
                }
                group.addTask {
                    var taken: [SnapshotHeader] = []
                    for _ in 0..<8 {
                        taken.append(try await engine.takeSnapshot())
                        await Task.yield()
                    }
                    return taken
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(headers.count == 8)
            for header in headers {
                #expect(header.models.position == header.decisionsPosition, "\(header)")
            }
            let live = try EngineHistory.liveModels(of: engine)
            await engine.close()
            let reopened = try await Engine.open(directory: directory, options: EngineHistory.options())
            #expect(try EngineHistory.liveModels(of: reopened) == live)
            await reopened.close()
        }
    }

    @Test func showReadsTheSameStateFromASnapshotAndItsTailAsFromTheWholeLog() async throws {
        try await withTemporaryDirectory { directory in
            var options = EngineHistory.options()
            options.snapshotOnClose = false
            let engine = try await Engine.open(directory: directory, options: options)
            let commands = EngineHistory.commands(seed: 17, accounts: 1)
            try await EngineHistory.run(Array(commands.prefix(commands.count / 2)), on: engine)
            try await engine.takeSnapshot()
            try await EngineHistory.run(Array(commands.dropFirst(commands.count / 2)), on: engine)
            await engine.close()

            let streams = ["account-A0", "opportunity-A0-O1", "case-A0-K1"]
            let log = try EventLog.openForReading(directory: directory)
            let fromSnapshot = try streams.map {
                try RecordStateOutput.describe($0, in: log, keys: .forReading(dataDirectory: log.directory))
            }
            try FileManager.default.removeItem(atPath: SnapshotStore(dataDirectory: directory).directory)
            let fromZero = try streams.map {
                try RecordStateOutput.describe($0, in: log, keys: .forReading(dataDirectory: log.directory))
            }
            #expect(fromSnapshot == fromZero)
        }
    }

    /// Changes a snapshot's header and writes the file back with a valid header checksum.
    private func rewriteHeader(at path: String, _ change: (inout SnapshotHeader) -> Void) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let (header, rest): (SnapshotHeader, [UInt8]) = try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            let header = try SnapshotFile.readHeader(from: &reader)
            return (header, Array(bytes[reader.offset...]))
        }
        var changed = header
        change(&changed)
        try Data(SnapshotFile.prefix(of: changed) + rest).write(to: URL(fileURLWithPath: path))
    }
}
