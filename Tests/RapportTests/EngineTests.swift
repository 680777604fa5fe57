import Foundation
import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import RapportTime
import Testing

/// The engine on a real log: commands become durable events, refusals append nothing, and reopening rebuilds the
/// same state and remembers command ids.
struct EngineTests {
    private static func openAccount(_ id: String, commandId: String? = nil, expectedVersion: UInt64? = nil)
        throws -> CommandEnvelope
    {
        CommandEnvelope(
            .account(
                .open(OpenAccount(accountId: try RecordId(id), name: "Account \(id)", ownerId: try RecordId("u1")))
            ),
            actor: "user-1",
            commandId: commandId,
            expectedVersion: expectedVersion,
            occurredAt: Timestamp(rfc3339: "2025-03-01T09:00:00Z")
        )
    }

    @Test func acceptedCommandsAreDurableEventsAndReopeningRebuildsTheSameState() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory)
            var positions: [UInt64] = []
            for index in 0..<50 {
                positions += try await engine.execute(try Self.openAccount("a\(index)")).positions
            }
            #expect(positions == Array(0..<50))
            let before = engine.decisionState
            await engine.close()

            let reopened = try await Engine.open(directory: directory)
            #expect(reopened.decisionState == before)
            #expect(reopened.version(of: StreamName(.account, try RecordId("a7"))) == 1)
            let next = try await reopened.execute(try Self.openAccount("b"))
            #expect(next.positions == [50])
            await reopened.close()
        }
    }

    @Test func aRefusedCommandAppendsNothing() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory)
            _ = try await engine.execute(try Self.openAccount("a"))
            let error = await #expect(throws: DomainError.self) {
                try await engine.execute(try Self.openAccount("a"))
            }
            #expect(error?.code == .accountExists)
            #expect(engine.log.endPosition == 1)
            await engine.close()
        }
    }

    @Test func aWrongExpectedVersionIsAVersionConflictNamingTheCurrentVersion() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory)
            _ = try await engine.execute(try Self.openAccount("a"))
            let error = await #expect(throws: DomainError.self) {
                try await engine.execute(try Self.openAccount("b", expectedVersion: 3))
            }
            #expect(error?.code == .versionConflict)
            #expect(error?.currentVersion == 0)
            #expect(error?.field == "expectedVersion")
            #expect(engine.log.endPosition == 1)
            await engine.close()
        }
    }

    @Test func aRepeatedCommandIdReturnsTheFirstResultAlsoAfterARestart() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory)
            _ = try await engine.execute(try Self.openAccount("a"))
            let first = try await engine.execute(try Self.openAccount("b", commandId: "cmd-1"))
            let again = try await engine.execute(try Self.openAccount("b", commandId: "cmd-1"))
            #expect(first == again)
            #expect(first.positions == [1])
            #expect(engine.log.endPosition == 2)
            await engine.close()

            let reopened = try await Engine.open(directory: directory)
            let afterRestart = try await reopened.execute(try Self.openAccount("b", commandId: "cmd-1"))
            #expect(afterRestart == first)
            #expect(reopened.log.endPosition == 2)
            await reopened.close()
        }
    }

    @Test func aBatchAppendsTheAcceptedCommandsTogetherAndReportsEachRefusal() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory)
            let batch = try ["a", "b", "a", "c"].map { try Self.openAccount($0) }
            let durable = AsyncStream<Result<Void, RapportError>>.makeStream()
            let (outcomes, appending) = try engine.submitBatch(batch) { outcome in
                durable.continuation.yield(outcome)
                durable.continuation.finish()
            }
            #expect(appending)
            let positions = outcomes.map { (try? $0.get())?.positions }
            #expect(positions == [[0], [1], nil, [2]])
            if case .failure(let refusal) = outcomes[2] {
                #expect(refusal.code == .accountExists)
            }
            for await outcome in durable.stream {
                #expect((try? outcome.get()) != nil)
            }
            #expect(engine.log.endPosition == 3)
            await engine.close()
        }
    }

    @Test func eventsCarryTheirEnvelopeAndReadBackAsCloudEvents() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory)
            var envelope = try Self.openAccount("a", commandId: "cmd-9")
            envelope.correlationId = "request-4"
            _ = try await engine.execute(envelope)
            let events = try EventReading.events(in: engine.log, from: 0, limit: 10, keys: engine.keys)
            #expect(events.count == 1)
            let event = try #require(events.first)
            #expect(event.stream.description == "account-a")
            #expect(event.metadata.actor == "user-1")
            #expect(event.metadata.commandId == "cmd-9")
            #expect(event.metadata.correlationId == "request-4")
            #expect(event.metadata.causationId == "cmd-9")
            #expect(event.occurredAt.rfc3339 == "2025-03-01T09:00:00.000000Z")
            #expect(event.id.uuidString.lowercased().dropFirst(14).hasPrefix("7"), "a version 7 UUID")
            let json = try #require(JSONSerialization.jsonObject(with: event.cloudEventJSON()) as? [String: Any])
            #expect(json["specversion"] as? String == "1.0")
            #expect(json["type"] as? String == "AccountOpened")
            #expect(json["subject"] as? String == "account-a")
            #expect(json["time"] as? String == "2025-03-01T09:00:00.000000Z")
            #expect(json["position"] as? Int == 0)
            #expect(json["correlationid"] as? String == "request-4")
            #expect((json["data"] as? [String: Any])?["name"] as? String == "Account a")
            await engine.close()
        }
    }

    @Test func openingALogThatHoldsOtherRecordsNamesThePosition() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            _ = try await log.append([ProposedRecord(streamId: "account-x", type: "Note", payload: Array("{}".utf8))])
            await log.close()
            let error = await #expect(throws: RapportError.self) { try await Engine.open(directory: directory) }
            #expect(error?.code == .unreadableEvent)
            #expect(error?.message.contains("position 0") == true)
            let reopened = try EventLog.open(directory: directory)
            await reopened.close()
        }
    }
}
