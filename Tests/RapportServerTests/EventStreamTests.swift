import Foundation
import HTTPTypes
import HummingbirdTesting
import Rapport
import RapportLog
import Testing

@testable import RapportServer

/// `GET /events/stream` against a live server: catch-up, live delivery, resuming, filters and heartbeats.
struct EventStreamTests {
    /// The log's records as (position, type), read from the log itself.
    static func expected(_ server: LiveServer) throws -> [(UInt64, String)] {
        try server.engine.log.read(from: 0, limit: 1_000_000).map { ($0.position, $0.type) }
    }

    @Test(.timeLimit(.minutes(1)))
    func catchUpThenLiveDeliveryComeInLogOrder() async throws {
        try await LiveServer.run { server in
            try await server.openAccounts(0..<5)
            let reader = try await server.stream("/events/stream?from=0")
            #expect(reader.status == 200)
            #expect(reader.contentType == "text/event-stream")
            let caughtUp = try await reader.events(5)
            for id in ["late-1", "late-2", "late-3"] {
                let response = try await server.send(
                    .post,
                    "/commands",
                    as: .writer,
                    body: SampleCommands.openAccount(id)
                )
                #expect(response.status == .created)
            }
            let live = try await reader.events(3)
            let blocks = caughtUp + live
            let expected = try Self.expected(server)
            #expect(blocks.compactMap(\.position) == expected.map(\.0))
            #expect(blocks.compactMap(\.event) == expected.map(\.1))
            #expect(blocks.compactMap { $0.object["position"] as? Int } == expected.map { Int($0.0) })
            #expect(blocks.allSatisfy { $0.object["specversion"] as? String == "1.0" })
            #expect(
                live.map { $0.object["subject"] as? String } == ["account-late-1", "account-late-2", "account-late-3"]
            )
            try await reader.close()
        }
    }

    /// Far enough behind, a stream reads several pages at once and the next batch while it writes one: every event
    /// still comes once, in order, through the switch back to single pages and to live delivery.
    @Test(.timeLimit(.minutes(1)))
    func aStreamFarBehindCatchesUpInBatchesWithoutLosingOrRepeatingAnEvent() async throws {
        try await LiveServer.run { server in
            let history = LiveEventStream.pageEvents * (2 * LiveEventStream.catchUpReaders + 1) + 7
            try await server.openAccounts(0..<history)
            let reader = try await server.stream("/events/stream?from=0")
            let caughtUp = try await reader.events(history)
            try await server.openAccounts(history..<(history + 3))
            let live = try await reader.events(3)
            #expect((caughtUp + live).compactMap(\.position) == Array(0..<UInt64(history + 3)))
            #expect(caughtUp.last?.object["subject"] as? String == "account-acct-\(history - 1)")
            try await reader.close()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func withoutFromOnlyNewEventsAreSent() async throws {
        try await LiveServer.run { server in
            try await server.openAccounts(0..<4)
            let reader = try await server.stream("/events/stream")
            let opening = try await reader.next()
            #expect(opening?.comments == ["rapport event stream from position 4"])
            try await server.openAccounts(4..<6)
            let blocks = try await reader.events(2)
            #expect(blocks.compactMap(\.position) == [4, 5])
            try await reader.close()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func resumingWithLastEventIdGetsEveryEventExactlyOnce() async throws {
        try await LiveServer.run { server in
            try await server.openAccounts(0..<20)
            let first = try await server.stream("/events/stream?from=0")
            let before = try await first.events(7)
            try await first.close()
            try await server.openAccounts(20..<25)
            let lastId = try #require(before.last?.position)
            let second = try await server.stream("/events/stream?from=0", lastEventId: lastId)
            let opening = try await second.next()
            #expect(opening?.comments == ["rapport event stream from position \(lastId + 1)"])
            let after = try await second.events(25 - before.count)
            #expect((before + after).compactMap(\.position) == Array(0..<25))
            try await second.close()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func eventsAreFilteredByTypeAndCategory() async throws {
        try await LiveServer.run { server in
            try await server.openAccounts(0..<3)
            let contact = """
                {"type":"AddContact","actor":"user-1","data":{"contactId":"c-1","accountId":"acct-1","lastName":"Lee"}}
                """
            #expect(try await server.send(.post, "/commands", as: .writer, body: contact).status == .created)
            _ = try await server.send(
                .post,
                "/commands",
                as: .writer,
                body: SampleCommands.renameAccount("acct-0", to: "Renamed", expectedVersion: 1)
            )
            let all = try server.engine.log.read(from: 0, limit: 100)
            let onContacts = all.filter { $0.streamId.hasPrefix("contact-") }
            let contactType = try #require(onContacts.first?.type)
            let contacts = try await server.stream("/events/stream?from=0&category=contact", as: .auditor)
            let contactEvents = try await contacts.events(onContacts.count)
            #expect(contactEvents.compactMap(\.position) == onContacts.map(\.position))
            let types: Set = ["AccountUpdated", contactType]
            let typed = all.filter { types.contains($0.type) }
            let updates = try await server.stream("/events/stream?from=0&type=AccountUpdated,\(contactType)")
            let updateEvents = try await updates.events(typed.count)
            #expect(updateEvents.compactMap(\.position) == typed.map(\.position))
            #expect(typed.count >= 2)
            try await contacts.close()
            try await updates.close()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func anIdleStreamSendsHeartbeatsCarryingThePositionItScannedTo() async throws {
        try await LiveServer.run(configure: { $0.heartbeatSeconds = 0.1 }) { server in
            try await server.openAccounts(0..<10)
            let reader = try await server.stream("/events/stream?from=0&type=NoSuchType")
            _ = try await reader.next()
            let heartbeat = try #require(try await reader.next())
            #expect(heartbeat.comments == ["heartbeat"])
            #expect(heartbeat.position == 9)
            #expect(heartbeat.data == nil)
            let next = try #require(try await reader.next())
            #expect(next.comments == ["heartbeat"])
            #expect(next.id == nil)
            try await reader.close()
        }
    }

    @Test(
        arguments: [
            ("/events/stream?from=abc", nil, 400, "invalid_query", "from"),
            ("/events/stream?category=planet", nil, 400, "invalid_query", "category"),
            ("/events/stream?from=4", nil, 422, "position_out_of_range", "from"),
            ("/events/stream", "x", 400, "invalid_last_event_id", "Last-Event-ID"),
            ("/events/stream", "-1", 400, "invalid_last_event_id", "Last-Event-ID"),
            ("/events/stream", "3", 422, "position_out_of_range", "Last-Event-ID"),
        ] as [(String, String?, Int, String, String)]
    )
    func aBadStartIsRefusedNamingTheField(uri: String, lastEventId: String?, status: Int, code: String, field: String)
        async throws
    {
        try await ServerHarness.run { server in
            for id in ["a1", "a2", "a3"] {
                _ = try await server.send(.post, "/commands", body: SampleCommands.openAccount(id))
            }
            var headers: HTTPFields = [:]
            if let lastEventId {
                headers[HTTPField.Name("Last-Event-ID")!] = lastEventId
            }
            let response = try await server.send(.get, uri, as: .subscriber, headers: headers)
            #expect(response.status.code == status)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.object["code"] as? String == code)
            #expect(response.object["field"] as? String == field)
        }
    }

    @Test(arguments: [Role.writer, .analyst])
    func otherRolesMayNotStream(role: Role) async throws {
        try await ServerHarness.run { server in
            let response = try await server.send(.get, "/events/stream", as: role)
            #expect(response.status == .forbidden)
        }
    }
}
