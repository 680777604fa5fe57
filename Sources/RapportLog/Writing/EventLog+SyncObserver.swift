import Synchronization

extension EventLog {
    /// Sets the function told how long each sync (`fdatasync`) of a group commit took, e.g. to keep a latency
    /// histogram; it replaces the one set before.
    ///
    /// It is called on the writer's thread between the sync and the acknowledgement of the appends it covers, so it
    /// must return quickly and must not wait for the log.
    ///
    /// - Parameter observer: The function, or `nil` to stop observing.
    public func observeSyncs(_ observer: (@Sendable (Duration) -> Void)?) {
        core.syncObserver.withLock { $0 = observer.map(SyncObserver.init(report:)) }
    }
}
