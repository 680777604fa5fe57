import Benchmark
import CRMWorkloads
import LogWorkloads
import Rapport
import RapportCRM
import RapportLog
import RapportProjections

// The CRM engine against its targets: commands through validation into the log, in process, in bulk mode
// >= 500,000 commands/s; decoding events from the log into typed values >= 5,000,000 events/s on one core;
// rebuilding every read model from zero >= 5,000,000 events/s on one core.
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
        setup: { try await demoLog("decode") }
    )

    Benchmark(
        "RebuildReadModels",
        closure: { (benchmark: Benchmark, log: EventLog) throws in
            benchmark.startMeasurement()
            let (figure, models) = try ReadModelRebuild.run(log)
            benchmark.stopMeasurement()
            blackHole(models)
            benchmark.measurement(perSecond, Int(figure.recordsPerSecond))
        },
        setup: { try await demoLog("rebuild") }
    )

    Benchmark(
        "FoldReadModels",
        closure: { (benchmark: Benchmark, events: [RecordedEvent]) in
            benchmark.startMeasurement()
            let (figure, models) = ReadModelRebuild.fold(events)
            benchmark.stopMeasurement()
            blackHole(models)
            benchmark.measurement(perSecond, Int(figure.recordsPerSecond))
        },
        setup: {
            let log = try await demoLog("fold")
            return try EventReading.events(in: log, from: 0, limit: .max)
        }
    )
}

/// The demo history of ``decodedAccounts`` accounts, written through the engine into a scratch directory and
/// opened for reading.
private func demoLog(_ name: String) async throws -> EventLog {
    let directory = try ScratchDirectory(name)
    var options = EngineOptions()
    options.log.durability = .none
    options.snapshotOnClose = false
    let engine = try await Engine.open(directory: directory.path, options: options)
    _ = try await DemoLoader.load(into: engine, accounts: decodedAccounts, seed: 1)
    await engine.close()
    return try EventLog.openForReading(directory: directory.path)
}
