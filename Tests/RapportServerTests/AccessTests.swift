import Foundation
import HTTPTypes
import HummingbirdTesting
import Rapport
import RapportLog
import RapportServer
import RapportTestSupport
import Testing

struct AccessTests {
    /// Each endpoint with the roles it admits besides admin.
    static let endpoints: [(method: HTTPRequest.Method, uri: String, roles: Set<Role>)] = [
        (.post, "/commands", [.writer]),
        (.get, "/pipeline", [.analyst]),
        (.get, "/cases/backlog", [.analyst]),
        (.get, "/funnel", [.analyst]),
        (.get, "/accounts/a1", [.analyst]),
        (.get, "/accounts/a1/history", [.auditor]),
        (.get, "/streams/account-a1/history", [.auditor]),
        (.get, "/verify", [.auditor]),
        (.get, "/events", [.auditor, .subscriber]),
        (.get, "/streams/account-a1", [.auditor, .subscriber]),
        (.post, "/snapshots", []),
    ]

    @Test func aTokenIsKeptAsTheHexadecimalSHA256OfItsText() {
        #expect(TokenFile.hash(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TokenFile.hash(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func everyRoleGetsInOnlyWhereItIsAdmitted() async throws {
        try await ServerHarness.run { server in
            _ = try await server.send(.post, "/commands", body: SampleCommands.openAccount("a1"))
            for endpoint in Self.endpoints {
                for role in Role.allCases {
                    let body = endpoint.method == .post ? SampleCommands.openAccount("x-\(role)") : nil
                    let response = try await server.send(endpoint.method, endpoint.uri, as: role, body: body)
                    let admitted = role == .admin || endpoint.roles.contains(role)
                    if admitted {
                        #expect(response.status.kind == .successful, "\(role) \(endpoint.uri): \(response.status)")
                    } else {
                        #expect(response.status == .forbidden, "\(role) \(endpoint.uri)")
                        #expect(response.object["code"] as? String == "forbidden")
                    }
                }
            }
        }
    }

    @Test func noTokenOrAnUnknownOneIs401WithAChallenge() async throws {
        try await ServerHarness.run { server in
            for endpoint in Self.endpoints {
                let missing = try await server.send(endpoint.method, endpoint.uri, as: nil)
                #expect(missing.status == .unauthorized, "\(endpoint.uri)")
                #expect(missing.headers[.wwwAuthenticate] == "Bearer realm=\"rapport\"")
                for header in ["Bearer rpt_000000000000_00", "Basic dXNlcjpwYXNz", "Bearer", "rpt_x"] {
                    let wrong = try await server.send(
                        endpoint.method,
                        endpoint.uri,
                        as: nil,
                        headers: [.authorization: header]
                    )
                    #expect(wrong.status == .unauthorized, "\(endpoint.uri) with \(header)")
                    #expect(wrong.object["code"] as? String == "unauthorized")
                }
            }
            #expect(server.engine.log.endPosition == 0)
        }
    }

    @Test func healthIsOpenToAll() async throws {
        try await ServerHarness.run { server in
            let response = try await server.send(.get, "/health", as: nil)
            #expect(response.status == .ok)
            #expect(response.object["status"] as? String == "ok")
        }
    }

    @Test func anUnknownPathIsAProblemNotAnError() async throws {
        try await ServerHarness.run { server in
            let response = try await server.send(.get, "/no/such/path", as: nil)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func theTokensFileKeepsOnlyHashes() async throws {
        try await withTemporaryDirectory { directory in
            let file = TokenFile(path: directory + "/tokens.json")
            let created = try file.create(role: .auditor, label: "quarterly audit")
            let text = try String(contentsOfFile: file.path, encoding: .utf8)
            #expect(!text.contains(created.token))
            #expect(text.contains(TokenFile.hash(of: created.token)))
            #expect(created.token.hasPrefix("rpt_\(created.record.id)_"))
            let registry = try TokenRegistry(file: file)
            #expect(registry.caller(presenting: created.token) == Caller(tokenId: created.record.id, role: .auditor))
            #expect(registry.caller(presenting: created.token + "x") == nil)
        }
    }

    @Test func anUnreadableTokensFileIsAClearError() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/tokens.json"
            try Data("{\"tokens\": [{\"id\": 1}]}".utf8).write(to: URL(fileURLWithPath: path))
            #expect {
                _ = try TokenRegistry(file: TokenFile(path: path))
            } throws: { error in
                (error as? ServerError)?.code == .invalidTokensFile
            }
        }
    }
}
