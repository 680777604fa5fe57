public import RapportLog

/// Bulk loading: appends of many records each, under durability `none`, synced once when the log closes.
public enum BulkAppend {
    /// Writes `appends` into a new log and closes it, which syncs it.
    ///
    /// Like a bulk loader, it keeps `inFlight` appends under way at once, each in a task of its own, starting the
    /// next as soon as one is acknowledged: the appender's share of the work (validating and encoding an append)
    /// then overlaps with the writer's, and the writer always finds appends waiting.
    ///
    /// - Parameters:
    ///   - directory: An empty data directory.
    ///   - appends: The appends, each of many records.
    ///   - inFlight: The most appends under way at once.
    /// - Returns: The records written and the time from opening to the end of `close()`.
    /// - Throws: ``LogError`` from the log.
    public static func run(directory: String, appends: [[ProposedRecord]], inFlight: Int = 32) async throws
        -> Throughput
    {
        let clock = ContinuousClock()
        let start = clock.now
        let log = try EventLog.open(directory: directory, options: LogOptions(durability: .none))
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func startNext() {
                let append = appends[next]
                group.addTask { _ = try await log.append(append) }
                next += 1
            }
            while next < min(inFlight, appends.count) {
                startNext()
            }
            while try await group.next() != nil {
                if next < appends.count {
                    startNext()
                }
            }
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
