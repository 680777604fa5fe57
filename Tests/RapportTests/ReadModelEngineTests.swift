import Foundation
import PropertyBased
import RapportCRM
import RapportLog
import RapportProjections
import RapportTestSupport
import Testing

@testable import Rapport

/// The engine's read models: live, rebuilt from zero, and from a snapshot plus the tail give the same models;
/// a model asked as of a position is the live model as it was when the log ended there.
struct ReadModelEngineTests {
    /// A demo seed, a number of accounts and a snapshot interval.
    struct Case: Sendable {
        var seed: UInt64
        var accounts: Int
        var interval: UInt64
    }

    static let histories = Generator<Case, Shrink.None<Case>> { rng in
        Case(
            seed: UInt64.random(in: 0...UInt64.max, using: &rng),
            accounts: Int.random(in: 1...3, using: &rng),
            interval: UInt64.random(in: 5...200, using: &rng)
        )
    }

    @Test func liveRebuiltAndSnapshotPlusTailAgree() async {
        await propertyCheck(count: 12, input: Self.histories) { history in
            try await withTemporaryDirectory { directory in
                let commands = EngineHistory.commands(seed: history.seed, accounts: history.accounts)
                let engine = try await Engine.open(
                    directory: directory,
                    options: EngineHistory.options(snapshotInterval: history.interval)
                )
                try await EngineHistory.run(commands, on: engine)
                let live = try EngineHistory.liveModels(of: engine)
                let end = engine.log.endPosition
                _ = try engine.rebuild()
                #expect(try EngineHistory.liveModels(of: engine) == live, "a rebuild from zero differs from live")
                for name in ReadModels.names {
                    _ = try engine.rebuild(models: [name])
                    #expect(try EngineHistory.liveModels(of: engine) == live, "a rebuild of \(name) alone differs")
                }
                await engine.close()

                let reopened = try await Engine.open(directory: directory, options: EngineHistory.options())
                #expect(reopened.opening.snapshotPosition == end)
                #expect(try EngineHistory.liveModels(of: reopened) == live, "the snapshot plus the tail differs")
                #expect(reopened.decisionState == engine.decisionState)
                await reopened.close()

                let snapshots = SnapshotStore(dataDirectory: directory).listings()
                #expect(snapshots.count >= 1)
                if let newest = snapshots.first {
                    try damage(newest.path)
                }
                let notices = NoticeLog()
                let fallback = try await Engine.open(
                    directory: directory,
                    options: EngineHistory.options(notices: notices)
                )
                #expect(
                    try EngineHistory.liveModels(of: fallback) == live,
                    "the fallback after a damaged snapshot differs"
                )
                #expect(fallback.decisionState == engine.decisionState)
                #expect(fallback.opening.skippedSnapshots.map(\.path) == [snapshots[0].path])
                #expect(notices.all.contains { $0.hasPrefix("skipped snapshot \(snapshots[0].path)") })
                await fallback.close()
            }
        }
    }

    @Test func modelsAtAPositionAreTheLiveModelsWhenTheLogEndedThere() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(
                directory: directory,
                options: EngineHistory.options(snapshotInterval: 40)
            )
            var seen: [UInt64: ReadModels] = [:]
            try await EngineHistory.run(EngineHistory.commands(seed: 11, accounts: 2), on: engine) { engine in
                let end = engine.log.endPosition
                if end % 7 == 0 || seen.isEmpty { seen[end - 1] = try EngineHistory.liveModels(of: engine) }
            }
            #expect(seen.count > 5)
            for (position, expected) in seen {
                let projected = try engine.models(in: TimeWindow(at: position))
                #expect(projected.models == expected, "at \(position)")
                #expect(projected.progress.position == position + 1)
            }
            await engine.close()
        }
    }

    @Test func knownAtIsThePositionOfTheLastEventRecordedByThen() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            let commands = EngineHistory.commands(seed: 5, accounts: 1)
            try await EngineHistory.run(Array(commands.prefix(commands.count / 2)), on: engine)
            let middle = engine.log.endPosition
            let before = try EngineHistory.liveModels(of: engine)
            let recordedAt = try engine.log.record(at: middle - 1).recordedAt
            try await Task.sleep(for: .milliseconds(5))
            try await EngineHistory.run(Array(commands.suffix(from: commands.count / 2)), on: engine)
            #expect(engine.log.endPosition > middle)
            let known = try engine.models(in: TimeWindow(knownAt: recordedAt))
            #expect(known.models == before)
            #expect(known.progress.position >= middle)
            await engine.close()
        }
    }

    @Test func asOfFoldsOnlyEventsThatOccurredByThen() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(
                directory: directory,
                options: EngineHistory.options(snapshotInterval: 50)
            )
            try await EngineHistory.run(EngineHistory.commands(seed: 3, accounts: 3), on: engine)
            let events = try EventReading.events(in: engine.log, from: 0, limit: .max, keys: engine.keys)
            let times = events.map(\.occurredAt).sorted()
            let cut = times[times.count / 2]
            var expected = ReadModels()
            for event in events where event.occurredAt <= cut { expected.apply(event) }
            let asOf = try engine.models(in: TimeWindow(asOf: cut))
            #expect(asOf.models == expected)
            let context = try engine.withReadModels(in: TimeWindow(asOf: cut)) { _, context in context }
            #expect(context.asOf == cut)
            await engine.close()
        }
    }

    @Test func anUnknownModelIsRefusedByName() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            let error = #expect(throws: RapportError.self) { try engine.rebuild(models: ["pipline"]) }
            #expect(error?.code == .invalidInput)
            #expect(error?.message.contains("\"pipline\" is not a read model") == true)
            await engine.close()
        }
    }

    /// Flips a byte in the middle of a file.
    private func damage(_ path: String) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
