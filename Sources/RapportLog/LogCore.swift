import Synchronization

/// What the public log, its writer and its readers share.
final class LogCore: Sendable {
    let directory: DataDirectory
    let options: LogOptions
    let state: Mutex<LogState>
    /// Told how long each sync of a group commit took (see ``EventLog/observeSyncs(_:)``).
    let syncObserver = Mutex<(@Sendable (Duration) -> Void)?>(nil)
    /// Run before each group of batches is written (see ``EventLog/beforeWriting(_:)``).
    let writeBarrier = Mutex<(@Sendable () throws -> Void)?>(nil)

    init(directory: DataDirectory, options: LogOptions, state: LogState) {
        self.directory = directory
        self.options = options
        self.state = Mutex(state)
    }

    /// Tells the sync observer, if any, how long a sync took; called on the writer thread, outside the state lock.
    ///
    /// - Parameter duration: The time the sync took.
    func reportSync(lasting duration: Duration) {
        if let observer = syncObserver.withLock({ $0 }) {
            observer(duration)
        }
    }
}
