import RapportLog

/// What a data directory holds, read through the engine: to show a command left the log unchanged.
struct LogSnapshot: Equatable {
    var records: [LogRecord]
    var headHash: ChainHash
    var isIntact: Bool

    /// The number of records.
    var recordCount: Int { records.count }

    init(_ directory: String) throws {
        let log = try EventLog.openForReading(directory: directory)
        records = try log.read(from: 0, limit: .max)
        headHash = log.headHash
        isIntact = try LogVerifier(directory: directory).verify().isIntact
    }
}
