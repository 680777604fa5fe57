import Foundation
import RapportCRM
import RapportLog
import RapportProjections
import RapportTestSupport
import Testing

@testable import Rapport

/// A question about one read model reads and folds only that model: its answer is the one the question about
/// every model gives, and the models not asked for stay empty, from a snapshot and over the log's tail alike.
struct ReadModelSelectionTests {
    private static let single = ReadModels.names.map { ReadModels.Selection([$0]) }

    @Test func oneModelAtAnyPositionIsThatModelOfTheWholeAnswer() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.writeHistory(seed: 13, snapshotInterval: 60, in: directory)
            #expect(SnapshotStore(dataDirectory: directory).listings().count > 1)

            let end = try EventLog.openForReading(directory: directory).endPosition
            for position in stride(from: UInt64(0), to: end, by: 37) + [end - 1] {
                let whole = try Self.models(at: position, in: directory, only: .all)
                for selection in Self.single {
                    let part = try Self.models(at: position, in: directory, only: selection)
                    var expected = ReadModels()
                    expected.replace(selection, from: whole)
                    #expect(part == expected, "\(selection) at \(position)")
                }
            }
        }
    }

    @Test func oneModelInAnyTimeWindowIsThatModelFoldedFromEveryEventInTheWindow() async throws {
        try await withTemporaryDirectory { directory in
            let events = try await Self.writeHistory(seed: 21, snapshotInterval: 80, in: directory)
            let samples = stride(from: 0, to: events.count, by: max(1, events.count / 6)).map { events[$0] }
            let windows =
                samples.map { TimeWindow(knownAt: $0.recordedAt) } + samples.map { TimeWindow(asOf: $0.occurredAt) }
                + samples.map { TimeWindow(at: $0.position + 40, asOf: $0.occurredAt) }

            for window in windows {
                var naive = ReadModels()
                for event in events where window.includes(event) { naive.apply(event) }
                for selection in Self.single {
                    let part = try ReadModelQuery.answer(in: window, directory: directory, models: selection) {
                        models,
                        _ in models
                    }
                    var expected = ReadModels()
                    expected.replace(selection, from: naive)
                    #expect(part == expected, "\(selection) in \(window)")
                }
            }
        }
    }

    @Test func oneAccountsReportInAnyWindowIsItsReportFromTheWholeView() async throws {
        try await withTemporaryDirectory { directory in
            let events = try await Self.writeHistory(seed: 29, snapshotInterval: 50, in: directory)
            let accountIds = Set(events.filter { $0.stream.kind == .account }.map(\.stream.id)).sorted()
            #expect(accountIds.count >= 3)
            let samples = stride(from: 0, to: events.count, by: max(1, events.count / 8)).map { events[$0] }
            let windows =
                samples.map { TimeWindow(at: $0.position) } + samples.map { TimeWindow(asOf: $0.occurredAt) }
                + [TimeWindow(at: UInt64(events.count - 1))]
            var reports = 0
            for window in windows {
                for id in accountIds {
                    let whole = try Self.report(of: id, in: window, directory: directory, only: .all)
                    let focused = try Self.report(of: id, in: window, directory: directory, only: .account(id))
                    #expect(focused == whole, "\(id) in \(window)")
                    if whole != nil { reports += 1 }
                }
            }
            #expect(reports > windows.count)
        }
    }

    @Test func anAccountThatRecordsMovedOntoAfterTheSnapshotIsReportedAsByTheWholeView() async throws {
        try await withTemporaryDirectory { directory in
            // The engine closing after the first part leaves a snapshot before the contact moved from X onto S and
            // the merge of D into S: a view focused on S holds neither's records until it is widened to both.
            let commands = HistoryFixtures.merge
            let firstMove = try #require(commands.firstIndex { $0.contains("MoveContact") })
            try await HistoryFixtures.record(Array(commands[..<firstMove]), in: directory)
            try await HistoryFixtures.record(Array(commands[firstMove...]), in: directory)
            let end = try EventLog.openForReading(directory: directory).endPosition
            let windows = [TimeWindow(at: end - 2), TimeWindow(asOf: HistoryFixtures.time(day: 10))]
            for window in windows {
                for id in ["S", "D", "X"].map({ RecordId(unchecked: $0) }) {
                    let whole = try Self.report(of: id, in: window, directory: directory, only: .all)
                    let focused = try Self.report(of: id, in: window, directory: directory, only: .account(id))
                    #expect(focused == whole, "\(id) in \(window)")
                    #expect(whole != nil)
                }
                let survivor = try #require(
                    try Self.report(of: RecordId(unchecked: "S"), in: window, directory: directory, only: .all)
                )
                #expect(survivor.mergedAccounts.map(\.id.text) == ["D"])
            }
        }
    }

    @Test func anAccountThatRecordsOfManyAccountsMovedOntoIsReportedAsByTheWholeView() async throws {
        try await withTemporaryDirectory { directory in
            let others = ["A", "B", "C", "D"]
            var opening = [
                HistoryFixtures.command(
                    "OpenAccount",
                    by: "u1",
                    day: 1,
                    #""accountId":"S","name":"Survivor","ownerId":"u1""#
                )
            ]
            for other in others {
                opening.append(
                    HistoryFixtures.command(
                        "OpenAccount",
                        by: "u1",
                        day: 1,
                        #""accountId":"\#(other)","name":"Other \#(other)","ownerId":"u1""#
                    )
                )
                opening.append(
                    HistoryFixtures.command(
                        "AddContact",
                        by: "u1",
                        day: 2,
                        #""contactId":"c\#(other)","accountId":"\#(other)","lastName":"Lee""#
                    )
                )
            }
            // The snapshot taken on closing stands before every move: the view focused on S finds the first
            // move's account, then the others in one more pass.
            try await HistoryFixtures.record(opening, in: directory)
            let moves = others.enumerated().map { day, other in
                HistoryFixtures.command(
                    "MoveContact",
                    by: "u2",
                    day: 3 + day,
                    #""contactId":"c\#(other)","toAccountId":"S""#
                )
            }
            try await HistoryFixtures.record(moves, in: directory)
            let end = try EventLog.openForReading(directory: directory).endPosition
            let survivor = RecordId(unchecked: "S")
            // Both windows end before the last move, so that the snapshot taken after it does not fit them.
            for window in [TimeWindow(at: end - 2), TimeWindow(asOf: HistoryFixtures.time(day: 5))] {
                let whole = try #require(try Self.report(of: survivor, in: window, directory: directory, only: .all))
                let focused = try Self.report(of: survivor, in: window, directory: directory, only: .account(survivor))
                #expect(focused == whole, "\(window)")
                #expect(whole.contacts.map(\.id.text).sorted() == ["cA", "cB", "cC"])
            }
        }
    }

    private static func report(
        of id: RecordId,
        in window: TimeWindow,
        directory: String,
        only selection: ReadModels.Selection
    ) throws -> AccountReport? {
        try ReadModelQuery.answer(in: window, directory: directory, models: selection) { models, context in
            models.accounts.report(for: id, in: context)
        }
    }

    /// Runs a demo history of three accounts into a data directory, with a snapshot every `snapshotInterval` events.
    ///
    /// - Returns: The events the log holds, in order.
    @discardableResult
    private static func writeHistory(
        seed: UInt64,
        snapshotInterval: UInt64,
        in directory: String
    ) async throws -> [RecordedEvent] {
        let engine = try await Engine.open(
            directory: directory,
            options: EngineHistory.options(snapshotInterval: snapshotInterval)
        )
        try await EngineHistory.run(EngineHistory.commands(seed: seed, accounts: 3), on: engine)
        await engine.close()
        return try EventReading.events(
            in: try EventLog.openForReading(directory: directory),
            from: 0,
            limit: .max,
            keys: .forReading(dataDirectory: directory)
        )
    }

    private static func models(
        at position: UInt64,
        in directory: String,
        only selection: ReadModels.Selection
    ) throws -> ReadModels {
        try ReadModelQuery.answer(in: TimeWindow(at: position), directory: directory, models: selection) { models, _ in
            models
        }
    }

    @Test func readingSomeModelsPassesOverTheOthersBytes() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await EngineHistory.run(EngineHistory.commands(seed: 17, accounts: 2), on: engine)
            let models = try EngineHistory.liveModels(of: engine)
            await engine.close()
            var writer = ByteWriter()
            models.write(to: &writer)
            let bytes = writer.bytes
            for selection in Self.single + [.all, ReadModels.Selection([])] {
                let read = try bytes.withUnsafeBytes { raw in
                    var reader = ByteReader(raw)
                    let read = try ReadModels.read(from: &reader, only: selection)
                    #expect(reader.isAtEnd)
                    return read
                }
                var expected = ReadModels()
                expected.replace(selection, from: models)
                #expect(read == expected, "\(selection)")
            }
        }
    }
}
