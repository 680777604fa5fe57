import Hummingbird

extension StreamHub {
    /// Admits a client's event stream and answers with it: the events from `start` on, filtered, then live.
    ///
    /// - Parameters:
    ///   - start: Where the stream starts, and the last event id the client holds.
    ///   - filter: Which events the client wants.
    ///   - tokenId: The id of the token it is opened with.
    ///   - subscriber: Its name in the metrics.
    ///   - heartbeat: The time without writing after which a heartbeat is sent.
    /// - Returns: The streaming response.
    /// - Throws: ``Problem`` 429 `too_many_streams` or 503 `shutting_down`, as ``open(tokenId:subscriber:next:)``.
    func response(
        from start: StreamStart,
        filter: EventFilter,
        tokenId: String,
        subscriber: String,
        heartbeat: Duration
    ) throws -> Response {
        let lease = try open(tokenId: tokenId, subscriber: subscriber, next: start.position)
        return LiveEventStream(
            log: log,
            filter: filter,
            start: start.position,
            lastId: start.lastId,
            heartbeat: heartbeat,
            lease: lease,
            frames: frames
        ).response()
    }
}
