import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Rapport
import RapportLog
import RapportServer
import RapportTestSupport

/// A server over a fresh data directory, with one token per role, driven through Hummingbird's test client.
struct ServerHarness {
    /// The engine the server runs on.
    let engine: Engine
    /// One token per role.
    let tokens: [Role: String]
    /// The test client.
    let client: any TestClientProtocol

    /// Runs `body` against a new server; the engine is closed afterwards.
    ///
    /// - Parameters:
    ///   - configure: Changes the server's options.
    ///   - body: The test.
    static func run(
        configure: (inout ServerOptions) -> Void = { _ in },
        _ body: @Sendable (ServerHarness) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { directory in
            var engineOptions = EngineOptions()
            engineOptions.log.durability = .none
            engineOptions.snapshotOnClose = false
            let engine = try await Engine.open(directory: directory, options: engineOptions)
            let file = TokenFile(path: directory + "/tokens.json")
            var tokens: [Role: String] = [:]
            for role in Role.allCases {
                tokens[role] = try file.create(role: role, label: nil).token
            }
            var options = ServerOptions(tokensPath: file.path)
            configure(&options)
            let server = try RapportServer(engine: engine, options: options)
            let application = server.application(logger: .init(label: "test"))
            let issued = tokens
            try await application.test(.router) { client in
                try await body(ServerHarness(engine: engine, tokens: issued, client: client))
            }
            await engine.close()
        }
    }

    /// Sends a request with a role's token (or none).
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - uri: The path and query.
    ///   - role: Whose token to send; `nil` for none.
    ///   - body: The body text.
    ///   - headers: More headers.
    /// - Returns: The response.
    func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        as role: Role? = .admin,
        body: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        if let role, let token = tokens[role] {
            fields[.authorization] = "Bearer \(token)"
        }
        return try await client.execute(
            uri: uri,
            method: method,
            headers: fields,
            body: body.map { ByteBuffer(string: $0) }
        )
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body parsed as a JSON object (empty when it is not one).
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// The body parsed as a JSON array (empty when it is not one).
    var array: [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [[String: Any]] ?? []
    }
}

/// Commands for the server tests.
enum SampleCommands {
    /// Opens an account.
    static func openAccount(_ id: String, commandId: String? = nil) -> String {
        let commandIdField = commandId.map { "\"commandId\":\"\($0)\"," } ?? ""
        return """
            {"type":"OpenAccount",\(commandIdField)"actor":"user-1","data":{"accountId":"\(id)","name":"Account \(id)","ownerId":"user-1"}}
            """
    }

    /// Renames an account, expecting a version.
    static func renameAccount(_ id: String, to name: String, expectedVersion: Int) -> String {
        """
        {"type":"UpdateAccount","actor":"user-2","expectedVersion":\(expectedVersion),"data":{"accountId":"\(id)","name":"\(name)"}}
        """
    }
}
