import Foundation
import PropertyBased
import RapportTestSupport
import Testing

@testable import RapportLog

/// A scan whose reading threads prepare each batch passes every record once, in log order, from any position; a
/// record found again by its mark is the one prepared; an error, of the preparation or of a damaged batch, ends
/// the scan after the batches before it.
struct PreparedScanTests {
    /// A batch as the reading threads prepare it in these tests: copies of its records and their marks.
    struct Copies: Sendable {
        var records: [LogRecord] = []
        var marks: [RecordMark] = []
    }

    static func copies(of records: BatchRecords) throws -> Copies {
        var copies = Copies()
        _ = try records.forEach { view in
            copies.records.append(view.record)
            copies.marks.append(records.mark(of: view))
            return true
        }
        return copies
    }

    @Test func preparedBatchesHoldEveryRecordFromAnyPositionInOrder() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            await propertyCheck(count: 40, input: Gen<UInt64>.uint64(in: 0...260)) { position in
                var scanned: [LogRecord] = []
                try log.scan(from: position, preparing: Self.copies) { records, copies in
                    for (record, mark) in zip(copies.records, copies.marks) {
                        let found = try records.record(at: mark).record
                        #expect(found == record)
                    }
                    scanned += copies.records
                    return true
                }
                #expect(scanned == Array(sample.records.dropFirst(Int(position))))
            }
        }
    }

    @Test func theBodyStopsTheScanAfterTheBatchItWants() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            var batches: [[LogRecord]] = []
            try log.scan(preparing: Self.copies) { _, copies in
                batches.append(copies.records)
                return batches.count < 3
            }
            #expect(batches.count == 3)
            #expect(batches.joined().elementsEqual(sample.records.prefix(batches.joined().count)))
        }
    }

    @Test func anErrorOfThePreparationEndsTheScanAfterTheBatchesBefore() async throws {
        struct Unwanted: Error, Equatable { let position: UInt64 }
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            let unwanted = UInt64(sample.records.count / 2)
            var scanned: [LogRecord] = []
            let error = try #require(throws: Unwanted.self) {
                try log.scan { records in
                    var copies = try Self.copies(of: records)
                    if let last = copies.records.last, last.position >= unwanted {
                        copies.records.removeAll()
                        throw Unwanted(position: last.position)
                    }
                    return copies
                } _: { _, copies in
                    scanned += copies.records
                    return true
                }
            }
            #expect(scanned == Array(sample.records[..<scanned.count]))
            #expect(error.position >= unwanted)
            #expect(UInt64(scanned.count) <= unwanted)
            #expect(scanned.count < sample.records.count)
        }
    }

    @Test func aDamagedBatchFailsAfterTheSameRecordsAsAPlainScan() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            let name = try sample.files.segmentNames()[1]
            let batch = try SegmentLayout(name, in: sample.files).batches[2]
            try sample.files.flipByte(in: name, at: batch.offset + UInt64(batch.size) - 3)

            var plainRecords: [LogRecord] = []
            let plain = try #require(throws: LogError.self) {
                try log.scan { view in
                    plainRecords.append(view.record)
                    return true
                }
            }
            var preparedRecords: [LogRecord] = []
            let prepared = try #require(throws: LogError.self) {
                try log.scan(preparing: Self.copies) { _, copies in
                    preparedRecords += copies.records
                    return true
                }
            }
            #expect(prepared.code == .corruptData)
            #expect(prepared.message == plain.message)
            #expect(preparedRecords == plainRecords)
        }
    }

    @Test func aMarkOutsideTheBatchIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            _ = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory)
            var refusal: LogError?
            try log.scan(preparing: Self.copies) { records, copies in
                let outside = RecordMark(offset: 1 << 30, position: copies.records[0].position)
                refusal = try #require(throws: LogError.self) { try records.record(at: outside) }
                return false
            }
            #expect(refusal?.code == .corruptData)
            #expect(refusal?.message.contains("no record") == true)
        }
    }
}
