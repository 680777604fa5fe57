import Foundation
import HTTPTypes
import HummingbirdTesting
import Rapport
import RapportLog
import RapportTestSupport
import RapportTime
import Testing

@testable import RapportServer

/// Durable subscriptions: acks, their refusals, and streams that resume after the checkpoint across restarts.
struct SubscriptionTests {
    static func openAccounts(_ server: ServerHarness, _ count: Int) async throws {
        for number in 0..<count {
            _ = try await server.send(.post, "/commands", body: SampleCommands.openAccount("a\(number)"))
        }
    }

    @Test func anAckIsStoredAndShown() async throws {
        try await ServerHarness.run { server in
            try await Self.openAccounts(server, 5)
            let unknown = try await server.send(.get, "/subscriptions/billing", as: .subscriber)
            #expect(unknown.status == .notFound)
            #expect(unknown.object["code"] as? String == "subscription_not_found")
            let ack = try await server.send(
                .post,
                "/subscriptions/billing/ack",
                as: .subscriber,
                body: #"{"position":3}"#
            )
            #expect(ack.status == .ok)
            #expect(ack.object["name"] as? String == "billing")
            #expect(ack.object["position"] as? Int == 3)
            let shown = try await server.send(.get, "/subscriptions/billing", as: .subscriber)
            #expect(shown.object["position"] as? Int == 3)
            #expect(shown.object["updatedAt"] as? String == ack.object["updatedAt"] as? String)
            let again = try await server.send(
                .post,
                "/subscriptions/billing/ack",
                as: .subscriber,
                body: #"{"position":3}"#
            )
            #expect(again.status == .ok)
            #expect(again.object["updatedAt"] as? String == ack.object["updatedAt"] as? String)
        }
    }

    @Test func movingBackIsRefusedUnlessARewindIsAsked() async throws {
        try await ServerHarness.run { server in
            try await Self.openAccounts(server, 5)
            _ = try await server.send(.post, "/subscriptions/s1/ack", as: .subscriber, body: #"{"position":4}"#)
            let back = try await server.send(.post, "/subscriptions/s1/ack", as: .subscriber, body: #"{"position":1}"#)
            #expect(back.status == .conflict)
            #expect(back.object["code"] as? String == "checkpoint_regression")
            #expect(back.object["field"] as? String == "position")
            #expect(try await server.send(.get, "/subscriptions/s1", as: .subscriber).object["position"] as? Int == 4)
            let rewind = try await server.send(
                .post,
                "/subscriptions/s1/ack",
                as: .subscriber,
                body: #"{"position":1,"rewind":true}"#
            )
            #expect(rewind.status == .ok)
            #expect(try await server.send(.get, "/subscriptions/s1", as: .subscriber).object["position"] as? Int == 1)
        }
    }

    @Test(
        arguments: [
            ("", 400, "malformed_body", nil),
            ("[1]", 400, "malformed_body", nil),
            (#"{"position":"3"}"#, 400, "invalid_field", "position"),
            (#"{"position":-1}"#, 400, "invalid_field", "position"),
            (#"{"position":1.5}"#, 400, "invalid_field", "position"),
            (#"{"position":1,"rewind":"yes"}"#, 400, "invalid_field", "rewind"),
            (#"{"rewind":true}"#, 400, "missing_field", "position"),
            (#"{"position":1,"by":"me"}"#, 400, "unknown_field", "by"),
            (#"{"position":5}"#, 422, "position_out_of_range", "position"),
        ] as [(String, Int, String, String?)]
    )
    func aBadAckIsRefusedNamingTheField(body: String, status: Int, code: String, field: String?) async throws {
        try await ServerHarness.run { server in
            try await Self.openAccounts(server, 5)
            let response = try await server.send(.post, "/subscriptions/s1/ack", as: .subscriber, body: body)
            #expect(response.status.code == status)
            #expect(response.object["code"] as? String == code)
            #expect(response.object["field"] as? String == field)
            #expect(try await server.send(.get, "/subscriptions/s1", as: .subscriber).status == .notFound)
        }
    }

    @Test func anAckOnAnEmptyLogIsOutOfRange() async throws {
        try await ServerHarness.run { server in
            let response = try await server.send(
                .post,
                "/subscriptions/s1/ack",
                as: .subscriber,
                body: #"{"position":0}"#
            )
            #expect(response.status == .unprocessableContent)
            #expect(response.object["code"] as? String == "position_out_of_range")
        }
    }

    @Test func anAckBodyOverTheLimitIs413() async throws {
        try await ServerHarness.run { server in
            let body = #"{"position":0,"#.appending(String(repeating: " ", count: 5000)) + "}"
            let response = try await server.send(.post, "/subscriptions/s1/ack", as: .subscriber, body: body)
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test(arguments: [
        String(repeating: "n", count: 65), "a%20b", "caf%C3%A9", "a+b", "a:b",
    ])
    func aBadNameIs400NamingTheField(name: String) async throws {
        try await ServerHarness.run { server in
            for (method, path) in [
                (HTTPRequest.Method.get, "/subscriptions/\(name)"),
                (.post, "/subscriptions/\(name)/ack"),
                (.get, "/subscriptions/\(name)/stream"),
            ] {
                let response = try await server.send(method, path, as: .subscriber, body: #"{"position":0}"#)
                #expect(response.status == .badRequest)
                #expect(response.object["code"] as? String == "invalid_subscription_name")
                #expect(response.object["field"] as? String == "name")
            }
        }
    }

    @Test(arguments: ["a", "Billing.v2_eu-1", String(repeating: "x", count: 64)])
    func namesOfAllowedCharactersAreAccepted(name: String) throws {
        #expect(try SubscriptionName(name).description == name)
    }

    @Test(arguments: [Role.writer, .analyst, .auditor])
    func otherRolesMayNotUseSubscriptions(role: Role) async throws {
        try await ServerHarness.run { server in
            let shown = try await server.send(.get, "/subscriptions/s1", as: role)
            let ack = try await server.send(.post, "/subscriptions/s1/ack", as: role, body: #"{"position":0}"#)
            #expect(shown.status == .forbidden)
            #expect(ack.status == .forbidden)
        }
    }

    @Test func aDamagedCheckpointIsReportedNotRead() async throws {
        try await ServerHarness.run { server in
            try await Self.openAccounts(server, 3)
            _ = try await server.send(.post, "/subscriptions/s1/ack", as: .subscriber, body: #"{"position":2}"#)
            let path = server.engine.log.directory + "/subscriptions/s1.checkpoint"
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let digit = try #require(bytes.firstIndex(of: UInt8(ascii: "2")))
            bytes[digit] = UInt8(ascii: "1")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let store = SubscriptionStore(dataDirectory: server.engine.log.directory)
            #expect(throws: Problem.self) { try store.checkpoint(of: SubscriptionName("s1")) }
        }
    }

    @Test func aCheckpointFileRoundTripsAndNamesItsSubscription() throws {
        let checkpoint = SubscriptionCheckpoint(name: "s1", position: 41, updatedAt: .now())
        let bytes = try checkpoint.fileBytes()
        #expect(try SubscriptionCheckpoint.read(bytes, name: SubscriptionName("s1")) == checkpoint)
        #expect(throws: ServerError.self) { try SubscriptionCheckpoint.read(bytes, name: SubscriptionName("s2")) }
        #expect(throws: ServerError.self) {
            try SubscriptionCheckpoint.read(Array(bytes.dropLast(3)), name: .init("s1"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aSubscriptionResumesAfterItsCheckpointAcrossARestart() async throws {
        try await withTemporaryDirectory { directory in
            try await LiveServer.run(in: directory) { server in
                try await server.openAccounts(0..<10)
                let reader = try await server.stream("/subscriptions/orders/stream")
                let first = try await reader.events(6)
                #expect(first.compactMap(\.position) == Array(0..<6))
                let ack = try await server.send(
                    .post,
                    "/subscriptions/orders/ack",
                    as: .subscriber,
                    body: #"{"position":4}"#
                )
                #expect(ack.status == .ok)
                try await reader.close()
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/subscriptions")
            #expect(files == ["orders.checkpoint"])
            try await LiveServer.run(in: directory) { server in
                #expect(
                    try await server.send(.get, "/subscriptions/orders", as: .subscriber).object["position"] as? Int
                        == 4
                )
                try await server.openAccounts(10..<12)
                let reader = try await server.stream("/subscriptions/orders/stream")
                let opening = try await reader.next()
                #expect(opening?.comments == ["rapport event stream from position 5"])
                let rest = try await reader.events(7)
                #expect(rest.compactMap(\.position) == Array(5..<12))
                let resumed = try await server.stream("/subscriptions/orders/stream", lastEventId: 9)
                #expect(try await resumed.events(2).compactMap(\.position) == [10, 11])
                let filtered = try await server.stream("/subscriptions/orders/stream?type=NoSuchType")
                _ = try await filtered.next()
                try await reader.close()
                try await resumed.close()
                try await filtered.close()
            }
        }
    }
}
