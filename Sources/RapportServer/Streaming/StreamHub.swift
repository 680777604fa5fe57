import HTTPTypes
import Metrics
import Rapport
import RapportLog
import ServiceLifecycle
import Synchronization

/// The open event streams of one server: it admits each within its token's limit, wakes them all when new records
/// are durable, knows how far behind each is, and ends them when the log closes.
///
/// One task (this service's) waits on the log for every stream, so a commit costs the log one wake-up and each
/// stream one ring, whatever the number of streams.
final class StreamHub: Service, Sendable {
    /// One open stream.
    struct Entry {
        var tokenId: String
        var subscriber: String
        var signal: StreamSignal
        /// The position the stream reads next: everything before it was sent or passed over by its filter.
        var next: UInt64
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var perToken: [String: Int] = [:]
        var nextId: UInt64 = 0
        var stopped = false
    }

    /// The log followed.
    let log: EventLog
    /// The most streams one token may hold open.
    let maximumPerToken: Int
    /// The frames of the most recent events, shared by the streams.
    let frames: FrameCache
    private let metrics: ServerMetrics
    private let state = Mutex(State())

    /// How many of the newest events' frames the streams share: enough for every live stream, which reads within
    /// a few pages of the log's end.
    static let sharedFrames = 16_384

    /// Creates a hub with no stream open.
    ///
    /// - Parameters:
    ///   - log: The log followed.
    ///   - maximumPerToken: The most streams one token may hold open.
    ///   - metrics: Where appended events are counted.
    ///   - keys: The keys that open the events' personal values.
    init(log: EventLog, maximumPerToken: Int, metrics: ServerMetrics, keys: PersonalDataKeys) {
        self.log = log
        self.frames = FrameCache(capacity: StreamHub.sharedFrames, keys: keys)
        self.maximumPerToken = maximumPerToken
        self.metrics = metrics
    }

    /// Admits a new stream.
    ///
    /// - Parameters:
    ///   - tokenId: The id of the token it is opened with.
    ///   - subscriber: Its name in the metrics.
    ///   - next: The first position it reads.
    /// - Returns: Its lease, which gives the place back when released or dropped.
    /// - Throws: ``Problem`` 429 `too_many_streams` when the token holds its limit, 503 `shutting_down` once the
    ///   log is closed.
    func open(tokenId: String, subscriber: String, next: UInt64) throws -> StreamLease {
        let signal = StreamSignal()
        let outcome = state.withLock { state -> Result<UInt64, Problem> in
            guard !state.stopped else {
                return .failure(Problem(.serviceUnavailable, code: "shutting_down", "the server is shutting down"))
            }
            let held = state.perToken[tokenId, default: 0]
            guard held < maximumPerToken else {
                return .failure(
                    Problem(
                        .tooManyRequests,
                        code: "too_many_streams",
                        "token \(tokenId) already holds \(held) open event streams; at most \(maximumPerToken) are "
                            + "allowed, so close one first"
                    )
                )
            }
            state.nextId += 1
            state.perToken[tokenId] = held + 1
            state.entries[state.nextId] = Entry(tokenId: tokenId, subscriber: subscriber, signal: signal, next: next)
            return .success(state.nextId)
        }
        return StreamLease(hub: self, id: try outcome.get(), signal: signal)
    }

    /// Notes how far a stream has read.
    ///
    /// - Parameters:
    ///   - id: The stream.
    ///   - next: The position it reads next.
    func advance(_ id: UInt64, to next: UInt64) {
        state.withLock { $0.entries[id]?.next = next }
    }

    /// Gives a stream's place back.
    ///
    /// - Parameter id: The stream.
    func close(_ id: UInt64) {
        state.withLock { state in
            guard let entry = state.entries.removeValue(forKey: id) else { return }
            let held = state.perToken[entry.tokenId, default: 1] - 1
            state.perToken[entry.tokenId] = held > 0 ? held : nil
        }
    }

    /// The open streams, each with its subscriber's name and how many durable records it has not read yet.
    var lags: [(subscriber: String, lag: UInt64)] {
        let end = log.endPosition
        return state.withLock { state in
            state.entries.values.map { ($0.subscriber, end > $0.next ? end - $0.next : 0) }
        }
    }

    /// The number of streams a token holds open.
    ///
    /// - Parameter tokenId: The token's id.
    /// - Returns: The number.
    func openStreams(of tokenId: String) -> Int {
        state.withLock { $0.perToken[tokenId, default: 0] }
    }

    /// Follows the log until the server shuts down: each time new records are durable, counts them, encodes their
    /// frames once for all streams (when any is open) and rings every stream; once the log is closed, tells every
    /// stream to end. A frame that could not be encoded here is left to the stream that reads it, which reports
    /// the failure to its client.
    func run() async throws {
        let start = log.endPosition
        await cancelWhenGracefulShutdown { [self] in
            var seen = start
            while await log.waitForRecords(after: seen) {
                let end = log.endPosition
                metrics.eventsAppended.increment(by: Int64(clamping: end - seen))
                if hasStreams, end - seen <= UInt64(Self.sharedFrames) {
                    try? frames.encode(from: seen, to: end, of: log)
                }
                seen = end
                ringAll(.records)
            }
        }
        state.withLock { $0.stopped = true }
        ringAll(.shutdown)
        try? await gracefulShutdown()
    }

    private var hasStreams: Bool {
        state.withLock { !$0.entries.isEmpty }
    }

    private func ringAll(_ reasons: StreamSignal.Reasons) {
        let signals = state.withLock { state in state.entries.values.map(\.signal) }
        for signal in signals {
            signal.ring(reasons)
        }
    }
}
