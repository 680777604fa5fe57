import Synchronization

extension EventLog {
    /// Takes a checkpoint of the log as it stands: the stream index and the segments' states at the current end,
    /// so that a later opening can start from them (see ``LogCheckpoint``).
    ///
    /// The segment file holding the last batch is synced first, so a checkpoint never stands for bytes that a
    /// crash could still take away, whatever the durability.
    ///
    /// - Returns: The checkpoint at ``endPosition``.
    /// - Throws: ``LogError/Code/ioFailure`` when the segment can not be synced.
    package func checkpoint() throws -> LogCheckpoint {
        let (segments, streams, end, head) = core.state.withLock { state in
            (state.segments, state.streams, state.endPosition, state.headHash)
        }
        let seen = segments.filter { $0.endPosition > $0.base }
        try seen.last?.file.sync()
        return try LogCheckpoint(
            position: end,
            headHash: head,
            indexInterval: core.options.indexInterval,
            segments: seen.map(LogCheckpoint.Segment.init),
            streams: streams
        )
    }
}
