import Synchronization

/// What the public log, its writer and its readers share.
final class LogCore: Sendable {
    let directory: DataDirectory
    let options: LogOptions
    let state: Mutex<LogState>

    init(directory: DataDirectory, options: LogOptions, state: LogState) {
        self.directory = directory
        self.options = options
        self.state = Mutex(state)
    }
}
