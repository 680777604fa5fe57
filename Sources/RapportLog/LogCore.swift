import Synchronization

/// What the public log, its writer and its readers share.
final class LogCore: Sendable {
    let directory: DataDirectory
    let options: LogOptions
    let state: Mutex<LogState>
    /// Told how long each sync of a group commit took (see ``EventLog/observeSyncs(_:)``).
    let syncObserver = Mutex<SyncObserver?>(nil)
    /// Run before each group of batches is written (see ``EventLog/beforeWriting(_:)``).
    let writeBarrier = Mutex<WriteBarrier?>(nil)

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
            observer.report(duration)
        }
    }
}

// The two functions below are kept in structs, not as bare function values in their mutexes: a function value is
// re-abstracted on its way into and out of `withLock`'s generic `inout`, and the thunk written back wraps the one
// before, so each call made the next one deeper and slower (every sync and every group write called them).

/// The function told how long each sync took.
struct SyncObserver: Sendable {
    /// Receives the sync's duration.
    let report: @Sendable (Duration) -> Void
}

/// The function run before each group of batches is written.
struct WriteBarrier: Sendable {
    /// Makes durable what the records depend on; throws when it could not.
    let run: @Sendable () throws -> Void
}
