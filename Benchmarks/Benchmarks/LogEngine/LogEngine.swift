import Benchmark
import LogWorkloads
import RapportLog

// The log engine against the targets of issue 2, with ~100-byte payloads (see BenchmarkRecords):
// bulk append >= 2,000,000 records/s; durable append with 64 appenders >= 200,000 records/s with p99 ack < 5 ms;
// forward scan >= 10,000,000 records/s; open after a crash with a 64 MiB unsealed tail < 1 s.
// Wall-clock figures vary from machine to machine and run to run; only the malloc counts are deterministic.

private let recordsPerSecond = BenchmarkMetric.custom("records/s", polarity: .prefersLarger, useScalingFactor: false)
private let p50Ack = BenchmarkMetric.custom("p50 ack (us)", polarity: .prefersSmaller, useScalingFactor: false)
private let p99Ack = BenchmarkMetric.custom("p99 ack (us)", polarity: .prefersSmaller, useScalingFactor: false)

/// Records in the scanned log; the malloc-count scans read all of them too.
private let scannedRecords = 1_000_000

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, recordsPerSecond],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 5
    )

    Benchmark(
        "BulkAppendNone1000PerAppend32InFlight",
        closure: { (benchmark: Benchmark, appends: [[ProposedRecord]]) async throws in
            let directory = try ScratchDirectory("bulk")
            defer { directory.remove() }
            benchmark.startMeasurement()
            let figure = try await BulkAppend.run(directory: directory.path, appends: appends, inFlight: 32)
            benchmark.stopMeasurement()
            benchmark.measurement(recordsPerSecond, Int(figure.recordsPerSecond))
        },
        setup: { BenchmarkRecords.appends(0..<1_000_000, recordsPerAppend: 1000) }
    )

    for recordsPerAppend in [1, 8] {
        Benchmark(
            "DurableAppendFsync64Appenders\(recordsPerAppend)PerAppend",
            configuration: .init(metrics: [.wallClock, recordsPerSecond, p50Ack, p99Ack])
        ) { benchmark in
            let directory = try ScratchDirectory("durable")
            defer { directory.remove() }
            benchmark.startMeasurement()
            let figures = try await DurableAppend.run(
                directory: directory.path,
                appenders: 64,
                appendsPerAppender: 4096 / recordsPerAppend,
                recordsPerAppend: recordsPerAppend
            )
            benchmark.stopMeasurement()
            benchmark.measurement(recordsPerSecond, Int(figures.throughput.recordsPerSecond))
            benchmark.measurement(p50Ack, Int(figures.p50Microseconds))
            benchmark.measurement(p99Ack, Int(figures.p99Microseconds))
        }
    }

    Benchmark(
        "ForwardScan",
        configuration: .init(metrics: [.wallClock, recordsPerSecond], maxIterations: 10),
        closure: { (benchmark: Benchmark, log: EventLog) throws in
            let (figure, checksum) = try ForwardScan.run(log)
            blackHole(checksum)
            benchmark.measurement(recordsPerSecond, Int(figure.recordsPerSecond))
        },
        setup: { try await scanFixture() },
        teardown: { try ScratchDirectory("scan").remove() }
    )

    // Deterministic: a scan allocates a few buffers, never per record, so these counts do not grow with the log.
    Benchmark(
        "ForwardScanMallocs",
        configuration: .init(
            metrics: [.mallocCountTotal, .mallocBytesCount],
            warmupIterations: 1,
            maxIterations: 3,
            thresholds: [.mallocCountTotal: .init(absolute: [.p100: 0])]
        ),
        closure: { (_: Benchmark, log: EventLog) throws in
            blackHole(try ForwardScan.run(log).checksum)
        },
        setup: { try await scanFixture() },
        teardown: { try ScratchDirectory("scan").remove() }
    )

    Benchmark(
        "OpenAfterCrash64MiBUnsealedTail",
        configuration: .init(metrics: [.wallClock], maxIterations: 5),
        closure: { (benchmark: Benchmark, directory: ScratchDirectory) async throws in
            try CrashedTail.tear(directory: directory.path)
            benchmark.startMeasurement()
            let log = try EventLog.open(directory: directory.path)
            benchmark.stopMeasurement()
            guard log.recoveryReport.truncation != nil else {
                benchmark.error("the torn batch was not found at open")
                return
            }
            await log.close()
        },
        setup: {
            let directory = try ScratchDirectory("open")
            _ = try await CrashedTail.prepare(directory: directory.path, bytes: 64 << 20)
            return directory
        },
        teardown: { try ScratchDirectory("open").remove() }
    )
}

/// A log of ``scannedRecords`` benchmark records, opened for reading.
private func scanFixture() async throws -> EventLog {
    let directory = try ScratchDirectory("scan")
    try await BulkAppend.fill(directory: directory.path, count: scannedRecords)
    return try EventLog.openForReading(directory: directory.path)
}
