import Foundation
import RapportProjections
import RapportTestSupport
import Testing

@testable import Rapport

/// The newest snapshot read ahead while the log opens: what it reads, when it reads nothing, and that a snapshot
/// read ahead which turns out not to fit the log gives way to an older one.
struct SnapshotReadAheadTests {
    @Test func readsTheNewestSnapshotWithItsDecisionStateOnce() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            let commands = EngineHistory.commands(seed: 31, accounts: 2)
            try await EngineHistory.run(Array(commands.prefix(30)), on: engine)
            try await engine.takeSnapshot()
            try await EngineHistory.run(Array(commands.dropFirst(30)), on: engine)
            let newest = try await engine.takeSnapshot()
            await engine.close()

            let store = SnapshotStore(dataDirectory: directory)
            let readAhead = try #require(SnapshotReadAhead.start(in: store))
            #expect(readAhead.path == store.path(for: newest.position))
            let (header, snapshot) = try readAhead.take()
            let (_, direct) = try store.read(at: readAhead.path, includeDecisions: true)
            #expect(header == newest)
            #expect(snapshot.decisions == direct.decisions)
            #expect(snapshot.models == direct.models)
            #expect(snapshot.results == direct.results)
            #expect(snapshot.decisionsPosition == newest.decisionsPosition)
            let second = #expect(throws: RapportError.self) { try readAhead.take() }
            #expect(second?.code == .snapshotFailure)
            #expect(second?.message.contains("taken from its read ahead already") == true)
        }
    }

    @Test func readsNothingWithoutSnapshotsOrWhenTheNewestIsOfOtherReadModelVersions() async throws {
        try await withTemporaryDirectory { directory in
            let store = SnapshotStore(dataDirectory: directory)
            #expect(SnapshotReadAhead.start(in: store) == nil)

            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await EngineHistory.run(EngineHistory.commands(seed: 32, accounts: 1), on: engine)
            await engine.close()
            let path = try #require(store.listings().first?.path)
            try SnapshotFiles.rewriteHeader(at: path) { $0.modelVersions[FunnelModel.name] = FunnelModel.version + 1 }
            #expect(SnapshotReadAhead.start(in: store) == nil)
        }
    }

    @Test func aDamagedNewestSnapshotReadAheadThrowsWhatReadingItThrows() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await EngineHistory.run(EngineHistory.commands(seed: 33, accounts: 1), on: engine)
            await engine.close()
            let store = SnapshotStore(dataDirectory: directory)
            let listing = try #require(store.listings().first)
            let path = listing.path
            let sections = try #require(listing.header?.sections)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            // A byte near the end of the decision state, which the results and the log's index follow.
            let decisionsEnd = bytes.count - Int(sections[2].length + sections[3].length)
            bytes[decisionsEnd - 5] ^= 0xFF
            try bytes.write(to: URL(fileURLWithPath: path))

            let readAhead = try #require(SnapshotReadAhead.start(in: store))
            let error = #expect(throws: RapportError.self) { try readAhead.take() }
            #expect(error?.code == .snapshotFailure)
            #expect(error?.message.contains("section decisions has checksum") == true)
        }
    }

    @Test func aSnapshotReadAheadThatDoesNotFitTheLogGivesWayToAnOlderOne() async throws {
        try await withTemporaryDirectory { directory in
            let own = directory + "/own"
            let longer = directory + "/longer"
            let commands = EngineHistory.commands(seed: 34, accounts: 2)
            let ownEngine = try await Engine.open(directory: own, options: EngineHistory.options())
            try await EngineHistory.run(Array(commands.prefix(commands.count / 2)), on: ownEngine)
            let live = try EngineHistory.liveModels(of: ownEngine)
            let decisions = ownEngine.decisionState
            await ownEngine.close()
            let ownSnapshot = try #require(SnapshotStore(dataDirectory: own).listings().first?.header)
            let longerEngine = try await Engine.open(directory: longer, options: EngineHistory.options())
            try await EngineHistory.run(commands, on: longerEngine)
            await longerEngine.close()
            let foreign = try #require(SnapshotStore(dataDirectory: longer).listings().first?.path)
            let store = SnapshotStore(dataDirectory: own)
            try FileManager.default.copyItem(
                atPath: foreign,
                toPath: store.directory + "/" + URL(fileURLWithPath: foreign).lastPathComponent
            )
            #expect(SnapshotReadAhead.start(in: store)?.path != store.path(for: ownSnapshot.position))

            let reopened = try await Engine.open(directory: own, options: EngineHistory.options())
            #expect(reopened.opening.snapshotPosition == ownSnapshot.position)
            #expect(reopened.opening.skippedSnapshots.first?.reason.contains("the log holds") == true)
            #expect(try EngineHistory.liveModels(of: reopened) == live)
            #expect(reopened.decisionState == decisions)
            await reopened.close()
        }
    }
}
