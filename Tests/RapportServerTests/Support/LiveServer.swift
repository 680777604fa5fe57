import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport

@testable import RapportServer

/// A server listening on a free port over a data directory, with one token per role: for the event stream tests,
/// which need a real socket.
struct LiveServer: Sendable {
    /// The server.
    let server: RapportServer
    /// The port it listens on.
    let port: Int
    /// One token per role.
    let tokens: [Role: String]
    /// The test client, for ordinary requests.
    let client: any TestClientProtocol

    /// The engine served.
    var engine: Engine { server.engine }

    /// Runs `body` against a server over a new temporary directory.
    ///
    /// - Parameters:
    ///   - durability: How the log syncs.
    ///   - configure: Changes the server's options.
    ///   - body: The test.
    static func run(
        durability: Durability = .none,
        configure: (inout ServerOptions) -> Void = { _ in },
        _ body: @Sendable (LiveServer) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { directory in
            try await run(in: directory, durability: durability, configure: configure, body)
        }
    }

    /// Runs `body` against a server over a data directory, which may hold an earlier run's log; the server shuts
    /// down gracefully (closing the engine) when `body` returns.
    ///
    /// - Parameters:
    ///   - directory: The data directory; its tokens file is created on the first run.
    ///   - durability: How the log syncs.
    ///   - configure: Changes the server's options.
    ///   - body: The test.
    static func run(
        in directory: String,
        durability: Durability = .none,
        configure: (inout ServerOptions) -> Void = { _ in },
        _ body: @Sendable (LiveServer) async throws -> Void
    ) async throws {
        var engineOptions = EngineOptions()
        engineOptions.log.durability = durability
        engineOptions.snapshotOnClose = false
        let engine = try await Engine.open(directory: directory, options: engineOptions)
        let tokens = try issueTokens(in: directory)
        var options = ServerOptions(tokensPath: directory + "/tokens.json")
        options.port = 0
        configure(&options)
        let server = try RapportServer(engine: engine, options: options)
        do {
            try await server.application(logger: Logger(label: "test")).test(.live) { client in
                try await body(LiveServer(server: server, port: client.port ?? 0, tokens: tokens, client: client))
            }
        } catch {
            await engine.close()
            throw error
        }
        await engine.close()
    }

    private static func issueTokens(in directory: String) throws -> [Role: String] {
        let tokensPath = directory + "/test-tokens.json"
        if let data = FileManager.default.contents(atPath: tokensPath) {
            return try JSONDecoder().decode([Role: String].self, from: data)
        }
        let file = TokenFile(path: directory + "/tokens.json")
        var tokens: [Role: String] = [:]
        for role in Role.allCases {
            tokens[role] = try file.create(role: role, label: nil).token
        }
        try JSONEncoder().encode(tokens).write(to: URL(fileURLWithPath: tokensPath))
        return tokens
    }

    /// Sends a request with a role's token.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - uri: The path and query.
    ///   - role: Whose token to send.
    ///   - body: The body text.
    /// - Returns: The response.
    func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        as role: Role = .admin,
        body: String? = nil
    ) async throws -> TestResponse {
        try await client.execute(
            uri: uri,
            method: method,
            headers: [.authorization: "Bearer \(tokens[role] ?? "")"],
            body: body.map { ByteBuffer(string: $0) }
        )
    }

    /// Opens an event stream.
    ///
    /// - Parameters:
    ///   - path: The path and query, e.g. `/events/stream?from=0`.
    ///   - role: Whose token to send.
    ///   - lastEventId: The `Last-Event-ID` header to send.
    /// - Returns: The reader, after the response head arrived.
    func stream(_ path: String, as role: Role = .subscriber, lastEventId: UInt64? = nil) async throws
        -> EventStreamReader
    {
        try await EventStreamReader.open(
            url: "http://127.0.0.1:\(port)\(path)",
            token: tokens[role] ?? "",
            lastEventId: lastEventId
        )
    }

    /// Opens accounts `acct-<first>` to `acct-<last>` through the engine in batches: one `AccountOpened` event each.
    ///
    /// - Parameter range: The account numbers.
    /// - Throws: What the engine throws.
    func openAccounts(_ range: Range<Int>) async throws {
        for start in stride(from: range.lowerBound, to: range.upperBound, by: 1000) {
            let envelopes = try (start..<min(start + 1000, range.upperBound)).map { number in
                try CommandEnvelope.decode(json: Array(SampleCommands.openAccount("acct-\(number)").utf8))
            }
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                do {
                    let submitted = try engine.submitBatch(envelopes) { result in
                        continuation.resume(with: result.mapError { $0 as any Error })
                    }
                    if !submitted.appending {
                        continuation.resume()
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Waits until a condition on the server holds, checking every 20 ms: a way to wait for the server's own
    /// tasks, not a measurement of time.
    ///
    /// - Parameters:
    ///   - attempts: How many times to check before giving up.
    ///   - condition: The condition.
    /// - Returns: Whether it came to hold.
    @discardableResult
    static func eventually(attempts: Int = 500, _ condition: () async throws -> Bool) async rethrows -> Bool {
        for _ in 0..<attempts {
            if try await condition() {
                return true
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }
}
