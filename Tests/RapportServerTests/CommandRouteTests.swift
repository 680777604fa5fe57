import Foundation
import HTTPTypes
import HummingbirdTesting
import Rapport
import RapportCRM
import RapportLog
import RapportServer
import Testing

struct CommandRouteTests {
    @Test func anAcceptedCommandIsAnsweredWithItsDurableEvents() async throws {
        try await ServerHarness.run { server in
            let response = try await server.send(
                .post,
                "/commands",
                as: .writer,
                body: SampleCommands.openAccount("a1")
            )
            #expect(response.status == .created)
            let events = try #require(response.object["events"] as? [[String: Any]])
            #expect(events.count == 1)
            #expect(events[0]["position"] as? Int == 0)
            #expect(events[0]["stream"] as? String == "account-a1")
            #expect(events[0]["type"] as? String == "AccountOpened")
            #expect(server.engine.log.endPosition == 1)
        }
    }

    @Test func aVersionConflictIs409WithTheCurrentVersion() async throws {
        try await ServerHarness.run { server in
            _ = try await server.send(.post, "/commands", body: SampleCommands.openAccount("a1"))
            _ = try await server.send(
                .post,
                "/commands",
                body: SampleCommands.renameAccount("a1", to: "B", expectedVersion: 1)
            )
            let stale = SampleCommands.renameAccount("a1", to: "C", expectedVersion: 1)
            let response = try await server.send(.post, "/commands", body: stale)
            #expect(response.status == .conflict)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.object["code"] as? String == "version_conflict")
            #expect(response.object["currentVersion"] as? Int == 2)
            #expect(response.object["status"] as? Int == 409)
            #expect(server.engine.log.endPosition == 2)
        }
    }

    @Test func aRuleBrokenIs422NamingTheField() async throws {
        try await ServerHarness.run { server in
            let misspelled = """
                {"type":"OpenAccount","actor":"u","data":{"accountId":"a1","name":"A","ownerId":"u","naem":"x"}}
                """
            let response = try await server.send(.post, "/commands", body: misspelled)
            #expect(response.status == .unprocessableContent)
            #expect(response.object["code"] as? String == "unknown_field")
            #expect(response.object["field"] as? String == "data.naem")
            #expect(server.engine.log.endPosition == 0)
        }
    }

    @Test(arguments: ["", "   ", "{", "[1]", "{\"type\":\"OpenAccount\"} x", "nul"])
    func textThatIsNotACommandIs400(body: String) async throws {
        try await ServerHarness.run { server in
            let response = try await server.send(.post, "/commands", body: body)
            #expect(response.status == .badRequest)
            #expect(response.object["code"] as? String == "malformed_command")
            #expect(server.engine.log.endPosition == 0)
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await ServerHarness.run(configure: { $0.maximumBodyBytes = 2048 }) { server in
            let body = "[" + (0..<40).map { SampleCommands.openAccount("a\($0)") }.joined(separator: ",") + "]"
            let response = try await server.send(.post, "/commands", body: body)
            #expect(response.status == .contentTooLarge)
            #expect(response.object["code"] as? String == "body_too_large")
            #expect(server.engine.log.endPosition == 0)
        }
    }

    @Test func aListOverTheBatchLimitIs413AndRunsNothing() async throws {
        try await ServerHarness.run(configure: { $0.maximumBatchCommands = 3 }) { server in
            let body = "[" + (0..<4).map { SampleCommands.openAccount("a\($0)") }.joined(separator: ",") + "]"
            let response = try await server.send(.post, "/commands", body: body)
            #expect(response.status == .contentTooLarge)
            #expect(response.object["code"] as? String == "batch_too_large")
            #expect(server.engine.log.endPosition == 0)
        }
    }

    @Test func aListRunsInOrderAndAnswersEachResult() async throws {
        try await ServerHarness.run { server in
            let body =
                "[" + SampleCommands.openAccount("a1") + ","
                + SampleCommands.renameAccount("a1", to: "Renamed", expectedVersion: 1) + "]"
            let response = try await server.send(.post, "/commands", body: body)
            #expect(response.status == .created)
            let results = response.array
            #expect(results.count == 2)
            let positions = results.compactMap { ($0["events"] as? [[String: Any]])?.first?["position"] as? Int }
            #expect(positions == [0, 1])
        }
    }

    @Test func aListStopsAtItsFirstRefusalKeepingWhatRanBefore() async throws {
        try await ServerHarness.run { server in
            let body =
                "["
                + [
                    SampleCommands.openAccount("a1"),
                    SampleCommands.renameAccount("a1", to: "Stale", expectedVersion: 7),
                    SampleCommands.openAccount("a2"),
                ].joined(separator: ",") + "]"
            let response = try await server.send(.post, "/commands", body: body)
            #expect(response.status == .conflict)
            #expect(response.object["index"] as? Int == 1)
            #expect(response.object["field"] as? String == "[1].expectedVersion")
            let completed = try #require(response.object["completed"] as? [[String: Any]])
            #expect(completed.count == 1)
            #expect(server.engine.log.endPosition == 1)
        }
    }

    @Test func aMalformedElementRefusesTheWholeListNamingIt() async throws {
        try await ServerHarness.run { server in
            let body = "[" + SampleCommands.openAccount("a1") + ", {\"type\": 1, \"type\": 2}]"
            let response = try await server.send(.post, "/commands", body: body)
            #expect(response.status == .badRequest)
            #expect(response.object["field"] as? String == "[1].type")
            #expect(server.engine.log.endPosition == 0)
        }
    }

    @Test func anIdempotencyKeyReturnsTheFirstResultOnARetry() async throws {
        try await ServerHarness.run { server in
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "retry-1"]
            let body = SampleCommands.openAccount("a1")
            let first = try await server.send(.post, "/commands", body: body, headers: key)
            let second = try await server.send(.post, "/commands", body: body, headers: key)
            #expect(first.status == .created)
            #expect(second.status == .created)
            #expect(first.text == second.text)
            #expect(server.engine.log.endPosition == 1)
        }
    }

    @Test func anIdempotencyKeyThatDiffersFromTheCommandIdIsRefused() async throws {
        try await ServerHarness.run { server in
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "key-1"]
            let body = SampleCommands.openAccount("a1", commandId: "other")
            let response = try await server.send(.post, "/commands", body: body, headers: key)
            #expect(response.status == .badRequest)
            #expect(response.object["code"] as? String == "idempotency_key_mismatch")
            #expect(response.object["field"] as? String == "commandId")
            #expect(server.engine.log.endPosition == 0)
        }
    }

    @Test(arguments: ["", String(repeating: "k", count: 200), "with space"])
    func aMalformedIdempotencyKeyIsRefused(key: String) async throws {
        try await ServerHarness.run { server in
            let headers: HTTPFields = [HTTPField.Name("Idempotency-Key")!: key]
            let response = try await server.send(
                .post,
                "/commands",
                body: SampleCommands.openAccount("a1"),
                headers: headers
            )
            #expect(response.status == .badRequest)
            #expect(response.object["code"] as? String == "invalid_idempotency_key")
            #expect(server.engine.log.endPosition == 0)
        }
    }
}
