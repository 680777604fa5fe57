import RapportLog
import RapportTestSupport
import Testing

/// Many appenders at once, sharing group commits: positions stay gapless, appends stay whole, and
/// expected-version checks decide exactly one winner.
struct ConcurrencyTests {
    /// Options with small segments and batches, so that concurrent groups span several batches and segments.
    private static let options: LogOptions = {
        var options = LogOptions(durability: .fsync, segmentSize: 16 << 10)
        options.batchSize = 2048
        options.indexInterval = 1024
        return options
    }()

    /// A record whose payload says which append it belongs to, its place in it, and the append's size.
    private static func tagged(task: Int, append: Int, index: Int, count: Int, stream: String) -> ProposedRecord {
        ProposedRecord(
            streamId: stream,
            type: "Tagged",
            metadata: Array("task-\(task)".utf8),
            payload: Array("\(task)/\(append)/\(index)/\(count)".utf8)
        )
    }

    @Test func concurrentAppendsGetGaplessPositionsAndStayContiguous() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: Self.options)
            let results = try await withThrowingTaskGroup(of: [([ProposedRecord], AppendResult)].self) { group in
                for task in 0..<64 {
                    group.addTask {
                        var done: [([ProposedRecord], AppendResult)] = []
                        for append in 0..<8 {
                            let count = (task + append) % 5 + 1
                            let records = (0..<count).map { index in
                                let stream = index % 2 == 0 ? "task-\(task)" : "shared-\((task + index) % 3)"
                                return Self.tagged(
                                    task: task,
                                    append: append,
                                    index: index,
                                    count: count,
                                    stream: stream
                                )
                            }
                            done.append((records, try await log.append(records)))
                        }
                        return done
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }

            var expected = results.flatMap { records, result in result.expectedRecords(for: records) }
            expected.sort { $0.position < $1.position }
            #expect(expected.map(\.position) == Array(0..<UInt64(expected.count)))
            for (records, result) in results {
                let positions = result.entries.map(\.position)
                #expect(positions == Array(positions[0]..<(positions[0] + UInt64(records.count))))
            }
            try expectLog(log, holds: expected)
            await log.close()
            let reopened = try EventLog.open(directory: directory, options: Self.options)
            try expectLog(reopened, holds: expected)
            await reopened.close()
            #expect(try LogVerifier(directory: directory).verify().isIntact)
        }
    }

    @Test func exactlyOneOfManyNoStreamAppendsWins() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: Self.options)
            let outcomes = await Self.race(64, on: log) { task in
                [
                    ProposedRecord(streamId: "own-\(task)", type: "Claimed", payload: [UInt8(task)]),
                    ProposedRecord(
                        streamId: "claim",
                        type: "Claimed",
                        expectedVersion: .noStream,
                        payload: [UInt8(task)]
                    ),
                ]
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            for case .failure(let error) in outcomes {
                #expect(error.code == .wrongExpectedVersion)
                #expect(error.currentVersion == 1)
                #expect(error.message.contains("claim"))
            }
            #expect(log.endPosition == 2)
            #expect(log.version(of: "claim") == 1)
            #expect(log.streamCount == 2)
            let claim = try log.readStream("claim")
            let owner = try log.readStream(try #require(winners.first?.entries.first?.streamId))
            #expect(claim.map(\.payload) == owner.map(\.payload))
            await log.close()
        }
    }

    @Test func roundsOfExactVersionAppendsEachHaveOneWinnerAndLosersWriteNothing() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: Self.options)
            let rounds = 12
            var winners: [Int] = []
            for round in 0..<rounds {
                let outcomes = await Self.race(32, on: log) { task in
                    [
                        ProposedRecord(streamId: "own-\(task)", type: "Tried", payload: Array("\(round)".utf8)),
                        ProposedRecord(
                            streamId: "counter",
                            type: "Incremented",
                            expectedVersion: .exact(UInt64(round)),
                            payload: Array("\(task)".utf8)
                        ),
                    ]
                }
                let won = outcomes.indices.filter { (try? outcomes[$0].get()) != nil }
                #expect(won.count == 1)
                winners += won
                for case .failure(let error) in outcomes {
                    #expect(error.code == .wrongExpectedVersion)
                    #expect(error.currentVersion == UInt64(round + 1))
                }
            }
            #expect(log.version(of: "counter") == UInt64(rounds))
            #expect(log.endPosition == UInt64(2 * rounds))
            let counter = try log.readStream("counter")
            #expect(counter.map { String(decoding: $0.payload, as: UTF8.self) } == winners.map(String.init))
            for task in 0..<32 {
                let wins = winners.filter { $0 == task }.count
                #expect(log.version(of: "own-\(task)") == UInt64(wins))
            }
            await log.close()
            #expect(try LogVerifier(directory: directory).verify().isIntact)
        }
    }

    @Test func refusedMultiStreamAppendsWriteNoneOfTheirStreams() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: Self.options)
            _ = try await log.append([ProposedRecord(streamId: "b", type: "T", payload: [1])])
            let outcomes = await Self.race(16, on: log) { task in
                [
                    ProposedRecord(streamId: "c-\(task)", type: "T", payload: [2]),
                    ProposedRecord(streamId: "a", type: "T", payload: [3]),
                    ProposedRecord(streamId: "b", type: "T", expectedVersion: .exact(1), payload: [4]),
                    ProposedRecord(streamId: "d-\(task)", type: "T", payload: [5]),
                ]
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            for case .failure(let error) in outcomes {
                #expect(error.code == .wrongExpectedVersion)
                #expect(error.currentVersion == 2)
            }
            #expect(log.version(of: "a") == 1)
            #expect(log.version(of: "b") == 2)
            #expect(log.streamCount == 4)
            #expect(log.endPosition == 5)
            await log.close()
        }
    }

    @Test func readersDuringAppendsSeeOnlyWholeAppends() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: Self.options)
            let appendsPerTask = 10
            let tasks = 16
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<tasks {
                    group.addTask {
                        for append in 0..<appendsPerTask {
                            let count = (task * 3 + append) % 6 + 1
                            let records = (0..<count).map {
                                Self.tagged(task: task, append: append, index: $0, count: count, stream: "task-\(task)")
                            }
                            _ = try await log.append(records)
                        }
                    }
                }
                group.addTask {
                    var seen = 0
                    while seen < 100 {
                        let records = try log.read(from: 0, limit: .max)
                        Self.expectWholeAppends(records)
                        seen = records.count
                        await Task.yield()
                    }
                }
                group.addTask {
                    var followed: [LogRecord] = []
                    for try await record in log.follow(from: 0) {
                        followed.append(record)
                        if followed.count == 100 { break }
                    }
                    #expect(followed.map(\.position) == Array(0..<100))
                }
                try await group.waitForAll()
            }
            Self.expectWholeAppends(try log.read(from: 0, limit: .max))
            await log.close()
        }
    }

    /// Checks that `records` is a sequence of whole appends: each append's records in order, next to each other.
    private static func expectWholeAppends(_ records: [LogRecord], sourceLocation: SourceLocation = #_sourceLocation) {
        var index = 0
        while index < records.count {
            let fields = String(decoding: records[index].payload, as: UTF8.self).split(separator: "/")
            guard fields.count == 4, let count = Int(fields[3]) else {
                Issue.record("record \(index) is not tagged", sourceLocation: sourceLocation)
                return
            }
            let expected = (0..<count).map { "\(fields[0])/\(fields[1])/\($0)/\(count)" }
            let actual = records[index..<min(index + count, records.count)].map {
                String(decoding: $0.payload, as: UTF8.self)
            }
            #expect(
                actual == expected,
                "append at position \(index) is cut or interleaved",
                sourceLocation: sourceLocation
            )
            index += count
        }
    }

    /// Starts `count` appends at once and returns each one's outcome, by task number.
    private static func race(
        _ count: Int,
        on log: EventLog,
        records: @escaping @Sendable (Int) -> [ProposedRecord]
    ) async -> [Result<AppendResult, LogError>] {
        await withTaskGroup(of: (Int, Result<AppendResult, LogError>).self) { group in
            for task in 0..<count {
                group.addTask {
                    do {
                        return (task, .success(try await log.append(records(task))))
                    } catch let error as LogError {
                        return (task, .failure(error))
                    } catch {
                        return (task, .failure(LogError(.ioFailure, "unexpected \(error)")))
                    }
                }
            }
            var outcomes = [Result<AppendResult, LogError>?](repeating: nil, count: count)
            for await (task, outcome) in group {
                outcomes[task] = outcome
            }
            return outcomes.compactMap { $0 }
        }
    }
}
