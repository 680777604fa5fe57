import Foundation
import PropertyBased
import RapportTestSupport
import Testing

@testable import RapportLog

/// A scan that reads ahead on another thread passes the same records as one that does not, from any position,
/// up to any limit and to any early stop, and fails on a damaged batch with the same error.
struct ReadAheadTests {
    /// A position, a limit, and after how many records the body stops (past the end: never).
    static let scans = zip(
        Gen<UInt64>.uint64(in: 0...260),
        Gen<UInt64>.uint64(in: 0...300),
        Gen<Int>.int(in: 0...300)
    )

    @Test func readingAheadPassesTheSameRecords() async throws {
        try await withTemporaryDirectory { directory in
            _ = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            await propertyCheck(count: 60, input: Self.scans) { position, limit, stopAfter in
                let plain = try Self.records(of: log, from: position, limit: limit, stopAfter: stopAfter, ahead: false)
                let ahead = try Self.records(of: log, from: position, limit: limit, stopAfter: stopAfter, ahead: true)
                #expect(ahead.records == plain.records)
                #expect(ahead.delivered == plain.delivered)
            }
        }
    }

    @Test func anErrorOfTheBodyEndsTheScanAndTheNextOneReadsAgain() async throws {
        struct Stop: Error {}
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            var seen = 0
            #expect(throws: Stop.self) {
                try log.scan(readingAhead: true) { _ in
                    seen += 1
                    if seen == 50 { throw Stop() }
                    return true
                }
            }
            #expect(seen == 50)
            var all: [LogRecord] = []
            try log.scan(readingAhead: true) { view in
                all.append(view.record)
                return true
            }
            #expect(all == sample.records)
        }
    }

    @Test func aDamagedBatchFailsAsItDoesWithoutReadingAhead() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            let names = try sample.files.segmentNames()
            let batch = try SegmentLayout(names[1], in: sample.files).batches[1]
            try sample.files.flipByte(in: names[1], at: batch.offset + 40)

            let plain = try #require(throws: LogError.self) { try log.scan { _ in true } }
            let ahead = try #require(throws: LogError.self) { try log.scan(readingAhead: true) { _ in true } }
            #expect(ahead.code == .corruptData)
            #expect(ahead.message == plain.message)
            #expect(ahead.message.contains(names[1]))
        }
    }

    @Test func damageToAnyBatchOrHeaderFailsAfterTheSameRecordsAsWithoutReadingAhead() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            let name = try sample.files.segmentNames()[1]
            let batches = try SegmentLayout(name, in: sample.files).batches
            // Every batch, so that each reader's turn is damaged; in the header's magic and in the block; scanned
            // from the start and from the batch after the damaged one, which passes over the damaged one.
            for batch in batches {
                for place in [batch.offset + 1, batch.offset + UInt64(batch.size) - 3] {
                    try sample.files.flipByte(in: name, at: place)
                    defer { try? sample.files.flipByte(in: name, at: place) }
                    for position in [0, batch.basePosition + UInt64(batch.recordCount)] {
                        let plain = Self.outcome(of: log, from: position, ahead: false)
                        let ahead = Self.outcome(of: log, from: position, ahead: true)
                        #expect(ahead.records == plain.records, "byte \(place) from \(position)")
                        #expect(ahead.failure == plain.failure, "byte \(place) from \(position)")
                        if position == 0 {
                            #expect(plain.failure != nil, "byte \(place)")
                            #expect(UInt64(plain.records.count) == batch.basePosition, "byte \(place)")
                        }
                    }
                }
            }
        }
    }

    /// The records a whole scan from `position` passes before it ends, and the error that ended it, if any.
    private static func outcome(
        of log: EventLog,
        from position: UInt64,
        ahead: Bool
    ) -> (records: [LogRecord], failure: String?) {
        var records: [LogRecord] = []
        do {
            try log.scan(from: position, readingAhead: ahead) { view in
                records.append(view.record)
                return true
            }
            return (records, nil)
        } catch {
            return (records, "\(error)")
        }
    }

    /// The records a scan passes, copied, and the count it returns.
    private static func records(
        of log: EventLog,
        from position: UInt64,
        limit: UInt64,
        stopAfter: Int,
        ahead: Bool
    ) throws -> (records: [LogRecord], delivered: UInt64) {
        var records: [LogRecord] = []
        let delivered = try log.scan(from: position, limit: limit, readingAhead: ahead) { view in
            records.append(view.record)
            return records.count < stopAfter
        }
        return (records, delivered)
    }
}
