import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import RapportServer

struct OpenAPIRouteTests {
    /// schemas/openapi.yaml, read from the source tree.
    static let document: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("schemas/openapi.yaml"), encoding: .utf8)) ?? ""
    }()

    @Test(arguments: Role.allCases)
    func everyRoleGetsTheDocumentByteForByte(role: Role) async throws {
        #expect(Self.document.hasPrefix("openapi: 3.1.0\n"))
        try await ServerHarness.run { server in
            let response = try await server.send(.get, "/openapi.yaml", as: role)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/yaml")
            #expect(response.text == Self.document)
        }
    }

    @Test func withoutATokenTheDocumentIs401() async throws {
        try await ServerHarness.run { server in
            let response = try await server.send(.get, "/openapi.yaml", as: nil)
            #expect(response.status == .unauthorized)
            #expect(response.object["code"] as? String == "unauthorized")
        }
    }

    @Test(
        arguments: [
            (HTTPRequest.Method.delete, "/pipeline", "GET"),
            (.post, "/health", "GET"),
            (.get, "/commands", "POST"),
            (.put, "/accounts/A1", "GET"),
            (.head, "/subscriptions/orders/ack", "POST"),
            (.patch, "/streams/account-A1/history", "GET"),
            (HTTPRequest.Method("QUERY")!, "/events", "GET"),
        ]
    )
    func aMethodTheDocumentDoesNotListIs405WithTheAllowedOnes(
        method: HTTPRequest.Method,
        path: String,
        allowed: String
    ) async throws {
        try await ServerHarness.run { server in
            let response = try await server.send(method, path, as: nil)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == allowed)
            if method != .head {
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.object["code"] as? String == "method_not_allowed")
            }
        }
    }

    @Test func everyDocumentedPathHasItsMethodsAndAnUnknownPathIs404() async throws {
        let paths = Set(
            Self.document.split(separator: "\n").filter { $0.hasPrefix("  /") }.map { $0.dropFirst(2).dropLast() }
        )
        #expect(Set(MethodNotAllowedMiddleware.documented.map { Substring($0.template) }) == paths)
        #expect(MethodNotAllowedMiddleware.documented.allSatisfy { !$0.methods.isEmpty })
        try await ServerHarness.run { server in
            let health = try await server.send(.get, "/health", as: nil)
            #expect(health.status == .ok)
            let unknown = try await server.send(.delete, "/nothing/here", as: nil)
            #expect(unknown.status == .notFound)
            let longer = try await server.send(.get, "/accounts/A1/history/more", as: nil)
            #expect(longer.status == .notFound)
        }
    }
}
