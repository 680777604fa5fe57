public import RapportLog

/// Bulk loading: appends of many records each, under durability `none`, synced once when the log closes.
public enum BulkAppend {
    /// Writes `appends` into a new log and closes it, which syncs it.
    ///
    /// The appends are shared out among `feeders` concurrent tasks, each awaiting its appends one by one, so that
    /// preparing the next append overlaps with the writer's work on the previous one.
    ///
    /// - Parameters:
    ///   - directory: An empty data directory.
    ///   - appends: The appends, each of many records.
    ///   - feeders: The number of concurrent appending tasks.
    /// - Returns: The records written and the time from opening to the end of `close()`.
    /// - Throws: ``LogError`` from the log.
    public static func run(directory: String, appends: [[ProposedRecord]], feeders: Int = 4) async throws -> Throughput
    {
        let clock = ContinuousClock()
        let start = clock.now
        let log = try EventLog.open(directory: directory, options: LogOptions(durability: .none))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for feeder in 0..<feeders {
                group.addTask {
                    for index in stride(from: feeder, to: appends.count, by: feeders) {
                        _ = try await log.append(appends[index])
                    }
                }
            }
            try await group.waitForAll()
        }
        await log.close()
        return Throughput(records: appends.reduce(0) { $0 + $1.count }, elapsed: clock.now - start)
    }

    /// Fills a new log with the benchmark records `0..<count`, in appends of 1,000.
    ///
    /// - Parameters:
    ///   - directory: An empty data directory.
    ///   - count: The number of records.
    /// - Throws: ``LogError`` from the log.
    public static func fill(directory: String, count: Int) async throws {
        var start = 0
        let step = 100_000
        let log = try EventLog.open(directory: directory, options: LogOptions(durability: .none))
        while start < count {
            for append in BenchmarkRecords.appends(start..<min(start + step, count), recordsPerAppend: 1000) {
                _ = try await log.append(append)
            }
            start += step
        }
        await log.close()
    }
}
