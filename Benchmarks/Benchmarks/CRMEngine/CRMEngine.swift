import Benchmark
import CRMWorkloads
import LogWorkloads
import Rapport
import RapportCRM
import RapportLog

// The CRM engine against the targets of issue 3: commands through validation into the log, in process, in bulk
// mode >= 500,000 commands/s; decoding events from the log into typed values >= 5,000,000 events/s on one core.
// The workload is the demo history (`rapport demo`): about 95 commands and 100 events per account.

private let perSecond = BenchmarkMetric.custom("per second", polarity: .prefersLarger, useScalingFactor: false)

/// Accounts in the command workload (about 190,000 commands).
private let commandAccounts = 2_000
/// Accounts in the decoded log (about 970,000 events).
private let decodedAccounts = 10_000

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, perSecond],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 5
    )

    Benchmark(
        "CommandsBulkInProcess",
        closure: { (benchmark: Benchmark, batches: [[CommandEnvelope]]) async throws in
            let directory = try ScratchDirectory("commands")
            defer { directory.remove() }
            benchmark.startMeasurement()
            let figure = try await BulkCommands.run(directory: directory.path, batches: batches)
            benchmark.stopMeasurement()
            benchmark.measurement(perSecond, Int(figure.recordsPerSecond))
        },
        setup: { BulkCommands.batches(accounts: commandAccounts) }
    )

    Benchmark(
        "DecodeEvents",
        configuration: .init(metrics: [.wallClock, perSecond, .mallocCountTotal]),
        closure: { (benchmark: Benchmark, log: EventLog) throws in
            benchmark.startMeasurement()
            let (figure, checksum) = try EventDecoding.run(log)
            benchmark.stopMeasurement()
            blackHole(checksum)
            benchmark.measurement(perSecond, Int(figure.recordsPerSecond))
        },
        setup: {
            let directory = try ScratchDirectory("decode")
            var options = EngineOptions()
            options.log.durability = .none
            let engine = try await Engine.open(directory: directory.path, options: options)
            _ = try await DemoLoader.load(into: engine, accounts: decodedAccounts, seed: 1)
            await engine.close()
            return try EventLog.openForReading(directory: directory.path)
        }
    )
}
