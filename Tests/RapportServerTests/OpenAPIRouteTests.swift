import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportServer
import Testing

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
}
