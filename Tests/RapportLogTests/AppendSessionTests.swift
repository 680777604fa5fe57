import Foundation
import RapportLog
import RapportTestSupport
import Synchronization
import Testing

/// Pipelined appends of one session: in order, sharing batches, and dependent on each other.
struct AppendSessionTests {
    /// Collects a session's outcomes as the writer reports them.
    final class Outcomes: Sendable {
        let results = Mutex<[(Int, Result<AppendResult, LogError>)]>([])
        private let remaining: Mutex<Int>
        private let done = DispatchSemaphore(value: 0)

        init(expecting count: Int) {
            remaining = Mutex(count)
        }

        func completion(for number: Int) -> @Sendable (Result<AppendResult, LogError>) -> Void {
            { result in
                self.results.withLock { $0.append((number, result)) }
                if self.remaining.withLock({
                    $0 -= 1; return $0
                }) == 0 {
                    self.done.signal()
                }
            }
        }

        func wait() {
            done.wait()
        }
    }

    @Test func submittedAppendsLandInSubmissionOrderAndShareBatches() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            let session = try log.appendSession()
            let factory = RecordFactory(streamCount: 3)
            let count = 2000
            let outcomes = Outcomes(expecting: count)
            for number in 0..<count {
                try session.submit([factory.record(number)], completion: outcomes.completion(for: number))
            }
            outcomes.wait()
            let results = outcomes.results.withLock { $0 }
            #expect(results.map(\.0) == Array(0..<count))
            #expect(results.map { try? $0.1.get().entries[0].position } == (0..<UInt64(count)).map { $0 })
            let records = try log.read(from: 0, limit: .max)
            #expect(records.map(\.payload) == (0..<count).map { factory.record($0).payload })
            #expect(try log.summary().batchCount < UInt64(count))
            await log.close()
        }
    }

    @Test func aRefusedAppendFailsEveryLaterOneOfItsSessionWithoutWritingThem() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            let session = try log.appendSession()
            let outcomes = Outcomes(expecting: 6)
            let record = { (stream: String, expected: ExpectedVersion) in
                ProposedRecord(streamId: stream, type: "T", expectedVersion: expected, payload: [1])
            }
            // Once the refusal has failed the session, a later submission is refused at once instead of through
            // its completion; which one happens depends on how far the writer got, so both count as its outcome.
            let submit = { (number: Int, proposed: ProposedRecord) in
                do {
                    try session.submit([proposed], completion: outcomes.completion(for: number))
                } catch let error as LogError where error.code == .sessionFailed && number > 2 {
                    outcomes.completion(for: number)(.failure(error))
                }
            }
            try submit(0, record("a", .noStream))
            try submit(1, record("a", .exact(1)))
            try submit(2, record("a", .exact(7)))
            try submit(3, record("b", .any))
            try submit(4, record("a", .exact(2)))
            try submit(5, record("c", .noStream))
            outcomes.wait()
            let codes = outcomes.results.withLock { results in
                results.sorted { $0.0 < $1.0 }.map { (try? $0.1.get()) == nil ? $0.1.errorCode : nil }
            }
            #expect(codes == [nil, nil, .wrongExpectedVersion, .sessionFailed, .sessionFailed, .sessionFailed])
            #expect(log.endPosition == 2)
            #expect(log.version(of: "b") == 0)
            let error = #expect(throws: LogError.self) {
                try session.submit([record("d", .any)]) { _ in }
            }
            #expect(error?.code == .sessionFailed)
            let fresh = try log.appendSession()
            let after = Outcomes(expecting: 1)
            try fresh.submit([record("b", .noStream)], completion: after.completion(for: 0))
            after.wait()
            #expect(log.endPosition == 3)
            await log.close()
        }
    }

    @Test func aReadOnlyLogHasNoSessions() async throws {
        try await withTemporaryDirectory { directory in
            let writer = try EventLog.open(directory: directory)
            await writer.close()
            let error = #expect(throws: LogError.self) {
                try EventLog.openForReading(directory: directory).appendSession()
            }
            #expect(error?.code == .closed)
        }
    }
}

extension Result where Failure == LogError {
    fileprivate var errorCode: LogError.Code? {
        if case .failure(let error) = self { error.code } else { nil }
    }
}
