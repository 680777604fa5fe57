import RapportTestSupport
import Testing

@testable import RapportLog

/// Damage at the end of the unsealed tail, as a crash leaves it: opening for writing cuts it off, says what it
/// cut, and keeps every record acknowledged before.
struct RecoveryTests {
    enum Garbage: CaseIterable {
        case shorterThanAHeader, zeros, randomBytes, copiedBatchHeader

        func bytes(copying batchHeader: [UInt8]) -> [UInt8] {
            switch self {
            case .shorterThanAHeader: Array(repeating: 0xAB, count: 10)
            case .zeros: Array(repeating: 0, count: 1000)
            case .randomBytes: (0..<700).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }
            case .copiedBatchHeader: batchHeader + Array(repeating: 0, count: 20)
            }
        }
    }

    @Test(arguments: Garbage.allCases)
    func garbageAfterTheLastBatchIsTruncatedAtOpen(garbage: Garbage) async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let tail = try #require(try sample.files.segmentNames().last)
            let layout = try SegmentLayout(tail, in: sample.files)
            let lastBatch = try #require(layout.batches.last)
            let header = Array(try sample.files.bytes(of: tail)[Int(lastBatch.offset)..<Int(lastBatch.offset) + 80])
            let bytes = garbage.bytes(copying: header)
            try sample.files.append(bytes, to: tail)

            let reader = try EventLog.openForReading(directory: directory)
            try expectLog(reader, holds: sample.records)
            #expect(try sample.files.size(of: tail) == layout.fileSize + UInt64(bytes.count))

            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let truncation = try #require(log.recoveryReport.truncation)
            #expect(truncation.segmentFile == tail)
            #expect(truncation.offset == layout.fileSize)
            #expect(truncation.bytesRemoved == UInt64(bytes.count))
            #expect(truncation.fromPosition == UInt64(sample.records.count))
            #expect(try sample.files.size(of: tail) == layout.fileSize)
            try expectLog(log, holds: sample.records)
            try await expectAppendsContinue(log, directory: directory, after: sample.records)
        }
    }

    @Test(arguments: [1, 40, 79, 80, 81, 200, -1])
    func halfWrittenLastBatchIsTruncatedAtOpen(cutAt: Int) async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let unacknowledged = (0..<5).map { SampleLog.record(10_000 + $0) }
            _ = try await log.append(unacknowledged)
            await log.close()
            let tail = try #require(try sample.files.segmentNames().last)
            let lastBatch = try #require(try SegmentLayout(tail, in: sample.files).batches.last)
            #expect(lastBatch.basePosition == UInt64(sample.records.count))
            let kept = cutAt > 0 ? cutAt : lastBatch.size + cutAt
            try sample.files.truncate(tail, to: lastBatch.offset + UInt64(kept))

            let report = try LogVerifier(directory: directory).verify()
            #expect(report.isIntact)
            #expect(report.incompleteTailBytes == UInt64(kept))
            #expect(report.recordCount == UInt64(sample.records.count))

            let reopened = try EventLog.open(directory: directory, options: SampleLog.options)
            let truncation = try #require(reopened.recoveryReport.truncation)
            #expect(truncation.segmentFile == tail)
            #expect(truncation.offset == lastBatch.offset)
            #expect(truncation.bytesRemoved == UInt64(kept))
            #expect(truncation.fromPosition == lastBatch.basePosition)
            try expectLog(reopened, holds: sample.records)
            try await expectAppendsContinue(reopened, directory: directory, after: sample.records)
        }
    }

    @Test func corruptLastBatchOfTheTailIsTruncatedAndEarlierBatchesKept() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let tail = try #require(try sample.files.segmentNames().last)
            let lastBatch = try #require(try SegmentLayout(tail, in: sample.files).batches.last)
            try sample.files.flipByte(in: tail, at: lastBatch.offset + UInt64(lastBatch.size) - 2)
            let lastAppend = try #require(sample.appends.last)
            let kept = Array(sample.records.dropLast(lastAppend.count))

            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let truncation = try #require(log.recoveryReport.truncation)
            #expect(truncation.offset == lastBatch.offset)
            #expect(truncation.bytesRemoved == UInt64(lastBatch.size))
            #expect(truncation.fromPosition == lastBatch.basePosition)
            #expect(truncation.reason.contains("CRC"))
            try expectLog(log, holds: kept)
            try await expectAppendsContinue(log, directory: directory, after: kept)
        }
    }

    @Test(arguments: [0, 50, 88])
    func tornHeaderOfANewLastSegmentStartsItAgain(length: Int) async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let tail = try #require(try sample.files.segmentNames().last)
            let base = try SegmentLayout(tail, in: sample.files).header.basePosition
            let header = try sample.files.bytes(of: tail).prefix(length)
            try sample.files.truncate(tail, to: 0)
            try sample.files.write(length == 88 ? [UInt8](repeating: 0, count: 88) : Array(header), to: tail, at: 0)
            let kept = Array(sample.records.prefix(Int(base)))

            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let truncation = try #require(log.recoveryReport.truncation)
            #expect(truncation.segmentFile == tail)
            #expect(truncation.offset == 0)
            #expect(truncation.bytesRemoved == UInt64(length))
            #expect(truncation.fromPosition == base)
            try expectLog(log, holds: kept)
            try await expectAppendsContinue(log, directory: directory, after: kept)
        }
    }

    @Test func damagedHeaderOfALastSegmentWithBatchesIsNeverDiscarded() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let tail = try #require(try sample.files.segmentNames().last)
            try sample.files.flipByte(in: tail, at: 12)
            let before = try sample.files.snapshot()

            let error = #expect(throws: LogError.self) {
                try EventLog.open(directory: directory, options: SampleLog.options)
            }
            #expect(error?.code == .corruptData)
            #expect(try sample.files.snapshot() == before)
        }
    }

    @Test func cleanLogReportsNoRepairAndScansOnlyTheTail() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let report = log.recoveryReport
            #expect(report.truncation == nil)
            #expect(report.rebuiltIndexes.isEmpty)
            #expect(report.segmentCount == names.count)
            #expect(report.recordCount == UInt64(sample.records.count))
            #expect(report.scannedTailBytes == (try sample.files.size(of: names[names.count - 1])))
            await log.close()
        }
    }

    /// The next append gets the position after `records`, and the log verifies afterwards.
    private func expectAppendsContinue(
        _ log: EventLog,
        directory: String,
        after records: [LogRecord],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let next = [SampleLog.record(20_000), SampleLog.record(20_001)]
        let result = try await log.append(next)
        #expect(result.firstPosition == UInt64(records.count), sourceLocation: sourceLocation)
        try expectLog(log, holds: records + result.expectedRecords(for: next), sourceLocation: sourceLocation)
        await log.close()
        let report = try LogVerifier(directory: directory).verify()
        #expect(report.problem == nil, sourceLocation: sourceLocation)
        #expect(report.incompleteTailBytes == 0, sourceLocation: sourceLocation)
        #expect(report.recordCount == UInt64(records.count + next.count), sourceLocation: sourceLocation)
    }
}
