import RapportLog
import RapportTestSupport
import RapportTime
import Testing

/// Reading forward from any position, by stream, by time, and live.
struct ReadingTests {
    @Test func readsFromEveryPositionAcrossSegments() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let records = sample.records
            var options = SampleLog.options
            options.indexInterval = 700
            let log = try EventLog.open(directory: directory, options: options)
            for position in 0...records.count {
                let limit = position % 13 + 1
                let expected = Array(records[position..<min(position + limit, records.count)])
                #expect(try log.read(from: UInt64(position), limit: limit) == expected)
            }
            #expect(try log.read(from: UInt64(records.count) + 5, limit: 10).isEmpty)
            #expect(try log.read(from: 3, limit: 0).isEmpty)
            await log.close()
        }
    }

    @Test func scanStopsWhenTheBodySaysSoAndCountsWhatItDelivered() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            var positions: [UInt64] = []
            let delivered = try log.scan(from: 17) { view in
                positions.append(view.position)
                return positions.count < 40
            }
            #expect(delivered == 40)
            #expect(positions == Array(17..<57))
            var payloads: [[UInt8]] = []
            let limited = try log.scan(from: 100, limit: 25) { view in
                payloads.append(Array(view.payloadBytes))
                return true
            }
            #expect(limited == 25)
            #expect(payloads == sample.records[100..<125].map(\.payload))
        }
    }

    @Test func recordAtAPositionAndPastTheEnd() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            #expect(try log.record(at: 0) == sample.records[0])
            #expect(try log.record(at: 77) == sample.records[77])
            let error = #expect(throws: LogError.self) {
                try log.record(at: UInt64(sample.records.count))
            }
            #expect(error?.code == .positionOutOfRange)
        }
    }

    @Test func readsAStreamFromAVersionWithALimit() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            let stream = sample.records.filter { $0.streamId == "case-3" }
            try #require(stream.count > 20)
            #expect(try log.readStream("case-3") == stream)
            #expect(try log.readStream("case-3", fromVersion: 0) == stream)
            #expect(try log.readStream("case-3", fromVersion: 5) == Array(stream[4...]))
            #expect(try log.readStream("case-3", fromVersion: 5, limit: 3) == Array(stream[4..<7]))
            #expect(try log.readStream("case-3", fromVersion: UInt64(stream.count)) == [stream[stream.count - 1]])
            #expect(try log.readStream("case-3", fromVersion: UInt64(stream.count) + 1).isEmpty)
            #expect(try log.readStream("case-3", limit: 0).isEmpty)
            let error = #expect(throws: LogError.self) {
                try log.readStream("case-99")
            }
            #expect(error?.code == .streamNotFound)
            #expect(error?.message.contains("case-99") == true)
        }
    }

    @Test func firstPositionAtOrAfterATimeUsesTheTimeIndex() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let times = sample.records.map(\.recordedAt)
            let log = try EventLog.openForReading(directory: directory)
            let first = try #require(times.first)
            let last = try #require(times.last)
            #expect(try log.firstPosition(atOrAfter: Timestamp(microsecondsSinceEpoch: 0)) == 0)
            #expect(try log.firstPosition(atOrAfter: first) == 0)
            let afterLast = Timestamp(microsecondsSinceEpoch: last.microsecondsSinceEpoch + 1)
            #expect(try log.firstPosition(atOrAfter: afterLast) == log.endPosition)
            for time in Set(times) {
                let later = Timestamp(microsecondsSinceEpoch: time.microsecondsSinceEpoch + 1)
                for sought in [time, later] {
                    let expected = UInt64(times.firstIndex { $0 >= sought } ?? times.count)
                    #expect(try log.firstPosition(atOrAfter: sought) == expected)
                }
            }
        }
    }

    @Test func firstPositionInAnEmptyLogIsItsEnd() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            #expect(try log.firstPosition(atOrAfter: Timestamp(microsecondsSinceEpoch: 0)) == 0)
            await log.close()
        }
    }

    @Test func recordsFromAPositionEndAtTheEndOfTheLog() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory, appendCount: 500)
            let log = try EventLog.openForReading(directory: directory)
            try #require(sample.records.count > 1024)
            var read: [LogRecord] = []
            for try await record in log.records(from: 5) {
                read.append(record)
            }
            #expect(read == Array(sample.records[5...]))
            var none: [LogRecord] = []
            for try await record in log.records(from: log.endPosition) {
                none.append(record)
            }
            #expect(none.isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func followWakesOnNewAppendsAndEndsWhenTheLogCloses() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let opening = [SampleLog.record(0), SampleLog.record(1)]
            let first = try await log.append(opening)
            let follower = Task {
                var followed: [LogRecord] = []
                for try await record in log.follow(from: 1) {
                    followed.append(record)
                }
                return followed
            }
            var expected = Array(first.expectedRecords(for: opening).dropFirst())
            for number in 2..<30 {
                let records = [SampleLog.record(number)]
                expected += try await log.append(records).expectedRecords(for: records)
            }
            await log.close()
            let followed = try await follower.value
            #expect(followed.map(\.position) == expected.map(\.position))
            #expect(followed.map(\.id) == expected.map(\.id))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func followWaitsPastTheEndUntilAnAppendArrives() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let follower = Task {
                var iterator = log.follow(from: 0).makeAsyncIterator()
                return try await iterator.next()
            }
            let records = [SampleLog.record(0)]
            let appended = try await log.append(records)
            let followed = try await follower.value
            #expect(followed == appended.expectedRecords(for: records).first)
            await log.close()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func followEndsWhenItsTaskIsCancelled() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            _ = try await log.append([SampleLog.record(0)])
            let (received, signal) = AsyncStream<Void>.makeStream()
            let follower = Task {
                var followed = 0
                for try await _ in log.follow(from: 0) {
                    followed += 1
                    signal.yield()
                }
                return followed
            }
            var waiting = received.makeAsyncIterator()
            _ = await waiting.next()
            follower.cancel()
            #expect(try await follower.value == 1)
            await log.close()
        }
    }
}
