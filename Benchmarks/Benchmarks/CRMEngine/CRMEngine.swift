import Benchmark
import CRMWorkloads
import Foundation
import LogWorkloads
import Rapport
import RapportCRM
import RapportLog
import RapportProjections

// The CRM engine against its targets: commands through validation into the log, in process, in bulk mode
// >= 500,000 commands/s; decoding events from the log into typed values >= 5,000,000 events/s on one core;
// rebuilding every read model from zero >= 5,000,000 events/s on one core; and that rebuild with the personal
// fields encrypted at most 20% slower than the same history with them in clear (RebuildPersonalDataSealed against
// RebuildPersonalDataPlain, and the engine's whole replay at open, ReplayEnginePersonalDataSealed against
// ReplayEnginePersonalDataPlain: two copies of the demo log written the same way, differing only in that).
// DecodeCommandJSON measures reading commands from their JSON, the per-command work of POST /commands (issue
// target: 20,000 durable commands/s over HTTP). EncodeCloudEvents measures writing events as CloudEvents JSON, the
// per-event work of an event stream catching up (issue target: a subscriber catching up at >= 300,000 events/s).
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
        closure: { (benchmark: Benchmark, log: EventLog) throws in try rebuild(log, benchmark: benchmark) },
        setup: { try await demoLog("rebuild") }
    )

    for (name, plain) in [("Sealed", false), ("Plain", true)] {
        Benchmark(
            "RebuildPersonalData\(name)",
            closure: { (benchmark: Benchmark, log: EventLog) throws in try rebuild(log, benchmark: benchmark) },
            setup: { try await personalDataTwin("rebuild-\(name)", plain: plain) }
        )

        Benchmark(
            "ReplayEnginePersonalData\(name)",
            closure: { (benchmark: Benchmark, log: EventLog) async throws in
                let figure = try await replayEngine(on: log, benchmark: benchmark)
                benchmark.measurement(perSecond, Int(figure.recordsPerSecond))
            },
            setup: { try await personalDataTwin("replay-\(name)", plain: plain) }
        )
    }

    Benchmark(
        "EncodeCloudEvents",
        configuration: .init(metrics: [.wallClock, perSecond, .mallocCountTotal]),
        closure: { (benchmark: Benchmark, events: [RecordedEvent]) throws in
            benchmark.startMeasurement()
            let (figure, bytes) = try CloudEventEncoding.run(events)
            benchmark.stopMeasurement()
            blackHole(bytes)
            benchmark.measurement(perSecond, Int(figure.recordsPerSecond))
        },
        setup: { try await demoEvents("encode") }
    )

    Benchmark(
        "DecodeCommandJSON",
        configuration: .init(metrics: [.wallClock, perSecond, .mallocCountTotal]),
        closure: { (benchmark: Benchmark, texts: [Data]) throws in
            benchmark.startMeasurement()
            let (figure, checksum) = try CommandJSONDecoding.run(texts)
            benchmark.stopMeasurement()
            blackHole(checksum)
            benchmark.measurement(perSecond, Int(figure.recordsPerSecond))
        },
        setup: { try CommandJSONDecoding.texts(accounts: commandAccounts) }
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
        setup: { try await demoEvents("fold") }
    )
}

/// Rebuilds every read model from a log's events (measured) and reports the rate.
private func rebuild(_ log: EventLog, benchmark: Benchmark) throws {
    benchmark.startMeasurement()
    let (figure, models) = try ReadModelRebuild.run(log, keys: .forReading(dataDirectory: log.directory))
    benchmark.stopMeasurement()
    blackHole(models)
    benchmark.measurement(perSecond, Int(figure.recordsPerSecond))
}

/// Opens an engine on a data directory without snapshots, which replays its whole log into the decision state and
/// the read models (measured), and closes it without taking one.
private func replayEngine(on log: EventLog, benchmark: Benchmark) async throws -> Throughput {
    var options = EngineOptions()
    options.log.durability = .none
    options.snapshotOnClose = false
    let clock = ContinuousClock()
    benchmark.startMeasurement()
    let start = clock.now
    let engine = try await Engine.open(directory: log.directory, options: options)
    let elapsed = clock.now - start
    benchmark.stopMeasurement()
    await engine.close()
    return Throughput(records: Int(engine.opening.replayedEvents), elapsed: elapsed)
}

/// A copy of the demo history written record by record, with its personal values sealed or in clear, so that the
/// two copies differ in nothing else.
private func personalDataTwin(_ name: String, plain: Bool) async throws -> EventLog {
    let demo = try await demoLog("twin-source-\(name)")
    let twin = try ScratchDirectory("twin-\(name)")
    return try await PersonalDataTwin.write(
        of: demo,
        keys: .forReading(dataDirectory: demo.directory),
        plain: plain,
        to: twin.path
    )
}

/// The events of the demo history of ``decodedAccounts`` accounts, decoded.
private func demoEvents(_ name: String) async throws -> [RecordedEvent] {
    let log = try await demoLog(name)
    return try EventReading.events(in: log, from: 0, limit: .max, keys: .forReading(dataDirectory: log.directory))
}

/// The demo history of ``decodedAccounts`` accounts, written through the engine into a scratch directory and
/// opened for reading.
private func demoLog(_ name: String) async throws -> EventLog {
    let directory = try ScratchDirectory(name)
    try await DemoLog.write(into: directory.path, accounts: decodedAccounts)
    return try EventLog.openForReading(directory: directory.path)
}
