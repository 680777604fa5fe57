import Foundation
import HTTPTypes
import HummingbirdTesting
import Rapport
import RapportLog
import RapportServer
import Testing

struct EventRouteTests {
    /// Opens three accounts and renames the first: positions 0 to 3.
    static func writeHistory(_ server: ServerHarness) async throws {
        for id in ["a1", "a2", "a3"] {
            _ = try await server.send(.post, "/commands", body: SampleCommands.openAccount(id))
        }
        _ = try await server.send(
            .post,
            "/commands",
            body: SampleCommands.renameAccount("a1", to: "B", expectedVersion: 1)
        )
    }

    @Test func eventsArePagedInLogOrderAsCloudEvents() async throws {
        try await ServerHarness.run { server in
            try await Self.writeHistory(server)
            let first = try await server.send(.get, "/events?limit=3", as: .auditor)
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "application/cloudevents-batch+json")
            #expect(first.array.compactMap { $0["position"] as? Int } == [0, 1, 2])
            #expect(first.array.allSatisfy { $0["specversion"] as? String == "1.0" })
            #expect(first.headers[HTTPField.Name("Rapport-Next-Position")!] == "3")
            let rest = try await server.send(.get, "/events?from=3", as: .subscriber)
            #expect(rest.array.compactMap { $0["type"] as? String } == ["AccountUpdated"])
            #expect(rest.headers[HTTPField.Name("Rapport-Next-Position")!] == "4")
        }
    }

    @Test func eventsAreFilteredByTypeAndCategory() async throws {
        try await ServerHarness.run { server in
            try await Self.writeHistory(server)
            let updated = try await server.send(.get, "/events?type=AccountUpdated", as: .auditor)
            #expect(updated.array.compactMap { $0["position"] as? Int } == [3])
            let accounts = try await server.send(.get, "/events?category=account", as: .auditor)
            #expect(accounts.array.count == 4)
            let cases = try await server.send(.get, "/events?category=case", as: .auditor)
            #expect(cases.array.isEmpty)
            #expect(cases.headers[HTTPField.Name("Rapport-Next-Position")!] == "4")
        }
    }

    @Test(arguments: ["/events?limit=0", "/events?limit=abc", "/events?from=-1", "/events?category=planet"])
    func aBadQueryIs400NamingTheParameter(uri: String) async throws {
        try await ServerHarness.run { server in
            let response = try await server.send(.get, uri, as: .auditor)
            #expect(response.status == .badRequest)
            #expect(response.object["code"] as? String == "invalid_query")
            #expect(response.object["field"] != nil)
        }
    }

    @Test func aStreamsEventsComeInVersionOrder() async throws {
        try await ServerHarness.run { server in
            try await Self.writeHistory(server)
            let response = try await server.send(.get, "/streams/account-a1", as: .auditor)
            #expect(response.status == .ok)
            #expect(response.array.compactMap { $0["streamversion"] as? Int } == [1, 2])
            #expect(response.headers[HTTPField.Name("Rapport-Next-Version")!] == "3")
            let later = try await server.send(.get, "/streams/account-a1?fromVersion=2", as: .auditor)
            #expect(later.array.compactMap { $0["position"] as? Int } == [3])
        }
    }

    @Test func anUnknownStreamIs404AndAnInvalidNameIs400() async throws {
        try await ServerHarness.run { server in
            let missing = try await server.send(.get, "/streams/account-nobody", as: .auditor)
            #expect(missing.status == .notFound)
            #expect(missing.object["code"] as? String == "stream_not_found")
            let invalid = try await server.send(.get, "/streams/planet-x", as: .auditor)
            #expect(invalid.status == .badRequest)
            #expect(invalid.object["field"] as? String == "id")
        }
    }
}
