public import RapportLog

/// Durable appends under `fsync` from many concurrent appenders, each timing every one of its appends.
public enum DurableAppend {
    /// What a run measured.
    public struct Figures: Sendable {
        /// Records acknowledged and the time the whole run took.
        public var throughput: Throughput
        /// The number of appends made.
        public var appends: Int
        /// Acknowledgement latencies of single appends, in microseconds.
        public var p50Microseconds: Double
        public var p99Microseconds: Double
        public var maximumMicroseconds: Double
    }

    /// Runs `appenders` tasks that each make `appendsPerAppender` appends of `recordsPerAppend` records, one after
    /// the other, against one log opened with `durability` (`fsync` unless told otherwise: the other modes show
    /// what the appending machinery costs without waiting for the disk).
    ///
    /// - Parameters:
    ///   - directory: An empty data directory.
    ///   - appenders: The number of concurrent appenders.
    ///   - appendsPerAppender: The appends each makes.
    ///   - recordsPerAppend: The records in each append.
    ///   - durability: The log's durability.
    /// - Returns: The figures.
    /// - Throws: ``LogError`` from the log.
    public static func run(
        directory: String,
        appenders: Int,
        appendsPerAppender: Int,
        recordsPerAppend: Int,
        durability: Durability = .fsync
    ) async throws -> Figures {
        let perAppender = appendsPerAppender * recordsPerAppend
        let work = (0..<appenders).map { appender in
            BenchmarkRecords.appends(
                (appender * perAppender)..<((appender + 1) * perAppender),
                recordsPerAppend: recordsPerAppend
            )
        }
        let log = try EventLog.open(directory: directory, options: LogOptions(durability: durability))
        let clock = ContinuousClock()
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for appends in work {
                group.addTask {
                    var latencies: [Duration] = []
                    latencies.reserveCapacity(appends.count)
                    for append in appends {
                        let sent = clock.now
                        _ = try await log.append(append)
                        latencies.append(clock.now - sent)
                    }
                    return latencies
                }
            }
            var all: [Duration] = []
            for try await latencies in group {
                all += latencies
            }
            return all.sorted()
        }
        let elapsed = clock.now - start
        await log.close()
        func percentile(_ fraction: Double) -> Double {
            latencies[min(latencies.count - 1, Int(Double(latencies.count) * fraction))].seconds * 1e6
        }
        return Figures(
            throughput: Throughput(records: appenders * perAppender, elapsed: elapsed),
            appends: latencies.count,
            p50Microseconds: percentile(0.5),
            p99Microseconds: percentile(0.99),
            maximumMicroseconds: (latencies.last ?? .zero).seconds * 1e6
        )
    }
}
