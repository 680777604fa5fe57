/// How `rapport serve` listens and what it allows each client.
public struct ServerOptions: Sendable, Hashable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The TCP port to listen on; 0 picks a free one.
    public var port = 8080
    /// The file holding the access tokens' hashes and roles.
    public var tokensPath: String
    /// The largest request body accepted, in bytes (413 above it).
    public var maximumBodyBytes = 1 << 20
    /// The most commands in one `POST /commands` array (413 above it).
    public var maximumBatchCommands = 1000
    /// The most event streams (SSE) one token may hold open at once (429 above it).
    public var maximumStreamsPerToken = 16
    /// The most events one page of `GET /events` or `GET /streams/{id}` returns.
    public var maximumPageEvents = 10_000
    /// Seconds between heartbeats on an idle event stream.
    public var heartbeatSeconds = 15.0
    /// The longest a graceful shutdown may take, in seconds, before what is still running (a client that stopped
    /// reading holding its stream's last write) is cancelled; the engine is closed after either way.
    public var shutdownGraceSeconds = 30.0

    /// Creates options with the defaults above.
    ///
    /// - Parameter tokensPath: The file holding the access tokens' hashes and roles.
    public init(tokensPath: String) {
        self.tokensPath = tokensPath
    }
}
