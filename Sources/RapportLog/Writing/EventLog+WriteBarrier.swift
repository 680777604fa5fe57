import Synchronization

extension EventLog {
    /// Sets a function the writer runs before it writes each group of batches, e.g. to make durable a file the
    /// records depend on, so that no record can reach the disk before it; it replaces the one set before.
    ///
    /// When the function throws, the group's appends fail with `io_failure` and nothing of them is written; later
    /// appends run it again. It runs on the writer's thread and holds up every append meanwhile: keep it short.
    ///
    /// - Parameter barrier: The function, or `nil` for none.
    public func beforeWriting(_ barrier: (@Sendable () throws -> Void)?) {
        core.writeBarrier.withLock { $0 = barrier.map(WriteBarrier.init(run:)) }
    }
}
