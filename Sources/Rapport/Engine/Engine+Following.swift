import RapportLog
import Synchronization

extension Engine {
    /// Starts the task that folds each durable event into the read models and takes a snapshot every
    /// ``EngineOptions/snapshotInterval`` events. The engine owns it; ``close()`` stops it.
    func startFollowing() {
        let task = Task { [self] in
            while !Task.isCancelled {
                do {
                    let progress = try projections.catchUp(with: log)
                    let since = lastSnapshotPosition.withLock { $0 }
                    if options.snapshotInterval > 0, progress.position >= since + options.snapshotInterval {
                        try await takeSnapshot()
                    }
                    guard await log.waitForRecords(after: progress.position) else { return }
                } catch {
                    // Closing cancels the task, which can cut a snapshot short; only a failure while following says so.
                    if !Task.isCancelled { options.notice("the read models stopped following the log: \(error)") }
                    return
                }
            }
        }
        follower.withLock { $0 = task }
    }

    /// Stops the following task and waits for it to end.
    func stopFollowing() async {
        guard let task = follower.withLock({ $0.take() }) else { return }
        task.cancel()
        await task.value
    }

    /// How many durable events the read models have not folded yet.
    public var projectionLag: UInt64 {
        let end = log.endPosition
        let folded = projections.progress.position
        return end > folded ? end - folded : 0
    }
}
