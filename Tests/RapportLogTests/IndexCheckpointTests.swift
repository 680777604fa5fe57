import Foundation
import RapportTestSupport
import Testing

@testable import RapportLog

/// A checkpoint that does not fit the log is set aside and every batch read, with the reason in the report; the
/// batches after a checkpoint are checked and recovered exactly as without one; damaged checkpoint bytes are an
/// error naming the field.
struct IndexCheckpointTests {
    @Test func aCheckpointOfAnotherLogIsSetAsideAndEveryBatchRead() async throws {
        try await withTemporaryDirectory { directory in
            let first = try await SampleLog.write(in: directory + "/first")
            let second = try await SampleLog.write(in: directory + "/second")
            let foreign = try await writerCheckpoint(of: first.directory)

            let log = try EventLog.open(directory: second.directory, options: SampleLog.options, checkpoint: foreign)
            #expect(log.recoveryReport.indexCheckpoint == nil)
            // Which check catches the other log first depends on where the two differ (its files, its batches or
            // its sealed segments' times); any of them sets the checkpoint aside with its reason.
            let reason = try #require(log.recoveryReport.rejectedCheckpoint)
            #expect(reason.contains("not the ones the checkpoint saw") || reason.contains("ends before byte"))
            try expectLog(log, holds: second.records)
            await log.close()
        }
    }

    @Test func aCheckpointPastTheEndOfALogCutShortIsSetAsideAndTheTailRecovered() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let checkpoint = try await writerCheckpoint(of: directory)
            let tail = try #require(try sample.files.segmentNames().last)
            let lastBatch = try #require(try SegmentLayout(tail, in: sample.files).batches.last)
            try sample.files.truncate(tail, to: lastBatch.offset + UInt64(lastBatch.size / 2))
            let kept = Array(sample.records.dropLast(try #require(sample.appends.last).count))

            let log = try EventLog.open(directory: directory, options: SampleLog.options, checkpoint: checkpoint)
            #expect(log.recoveryReport.rejectedCheckpoint?.contains("ends before byte") == true)
            #expect(log.recoveryReport.truncation?.offset == lastBatch.offset)
            try expectLog(log, holds: kept)
            await log.close()
        }
    }

    @Test func aDamagedLastBatchIsRecoveredAsWithoutACheckpoint() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory + "/with")
            let checkpoint = try await writerCheckpoint(of: sample.directory)
            let tail = try #require(try sample.files.segmentNames().last)
            let lastBatch = try #require(try SegmentLayout(tail, in: sample.files).batches.last)
            try sample.files.flipByte(in: tail, at: lastBatch.offset + UInt64(lastBatch.size) - 2)
            try FileManager.default.copyItem(atPath: sample.directory, toPath: directory + "/without")

            let withCheckpoint = try EventLog.open(
                directory: sample.directory,
                options: SampleLog.options,
                checkpoint: checkpoint
            )
            let without = try EventLog.open(directory: directory + "/without", options: SampleLog.options)
            #expect(withCheckpoint.recoveryReport.rejectedCheckpoint?.contains("not the ones") == true)
            #expect(withCheckpoint.recoveryReport.truncation != nil)
            #expect(withCheckpoint.recoveryReport.truncation == without.recoveryReport.truncation)
            try expectLog(withCheckpoint, holds: try without.read(from: 0, limit: .max))
            #expect(withCheckpoint.headHash == without.headHash)
            await withCheckpoint.close()
            await without.close()
        }
    }

    @Test(arguments: [1, 40, 81, -1])
    func aTornTailAfterTheCheckpointIsRecoveredAsWithoutOne(cutAt: Int) async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory + "/with")
            let log = try EventLog.open(directory: sample.directory, options: SampleLog.options)
            let checkpoint = try log.checkpoint()
            _ = try await log.append((0..<5).map { SampleLog.record(10_000 + $0) })
            await log.close()
            let tail = try #require(try sample.files.segmentNames().last)
            let lastBatch = try #require(try SegmentLayout(tail, in: sample.files).batches.last)
            #expect(lastBatch.basePosition == checkpoint.position)
            let kept = cutAt > 0 ? cutAt : lastBatch.size + cutAt
            try sample.files.truncate(tail, to: lastBatch.offset + UInt64(kept))
            try FileManager.default.copyItem(atPath: sample.directory, toPath: directory + "/without")

            let withCheckpoint = try EventLog.open(
                directory: sample.directory,
                options: SampleLog.options,
                checkpoint: checkpoint
            )
            let without = try EventLog.open(directory: directory + "/without", options: SampleLog.options)
            #expect(withCheckpoint.recoveryReport.indexCheckpoint == checkpoint.position)
            #expect(withCheckpoint.recoveryReport.truncation?.bytesRemoved == UInt64(kept))
            #expect(withCheckpoint.recoveryReport.truncation == without.recoveryReport.truncation)
            #expect(withCheckpoint.recoveryReport.scannedTailBytes == UInt64(kept))
            try expectLog(withCheckpoint, holds: sample.records)
            #expect(withCheckpoint.headHash == without.headHash)
            await withCheckpoint.close()
            await without.close()
        }
    }

    @Test func missingIndexFilesOfSealedSegmentsAreWrittenAgainFromTheCheckpoint() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let checkpoint = try await writerCheckpoint(of: directory)
            let first = try #require(try sample.files.segmentNames().first)
            let indexName = first.replacingOccurrences(of: ".log", with: ".index")
            let original = try sample.files.bytes(of: indexName)
            try sample.files.remove(indexName)

            let log = try EventLog.open(directory: directory, options: SampleLog.options, checkpoint: checkpoint)
            #expect(log.recoveryReport.indexCheckpoint == checkpoint.position)
            #expect(log.recoveryReport.rebuiltIndexes.contains(indexName))
            #expect(try sample.files.bytes(of: indexName) == original)
            try expectLog(log, holds: sample.records)
            await log.close()
        }
    }

    @Test func aCheckpointOfAnEmptyLogOpensTheLogAsItGrew() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let checkpoint = try log.checkpoint()
            #expect(checkpoint.position == 0)
            let records = (0..<6).map(SampleLog.record)
            let expected = try await log.append(records).expectedRecords(for: records)
            await log.close()

            let reopened = try EventLog.openForReading(directory: directory, checkpoint: checkpoint)
            #expect(reopened.recoveryReport.indexCheckpoint == 0)
            try expectLog(reopened, holds: expected)
        }
    }

    @Test func everyCutOfTheBytesIsAnErrorNamingWhatIsMissing() async throws {
        try await withTemporaryDirectory { directory in
            _ = try await SampleLog.write(in: directory, appendCount: 12)
            let bytes = try EventLog.openForReading(directory: directory).checkpoint().encoded()
            for length in 0..<bytes.count {
                let error = #expect(throws: LogError.self) {
                    try Array(bytes.prefix(length)).withUnsafeBytes { try LogCheckpoint(decoding: $0) }
                }
                #expect(error?.code == .corruptData)
                #expect(
                    error?.message.hasPrefix("index checkpoint: ") == true,
                    "cut at \(length): \(String(describing: error))"
                )
            }
            let longer = bytes + [0]
            let error = #expect(throws: LogError.self) {
                try longer.withUnsafeBytes { try LogCheckpoint(decoding: $0) }
            }
            #expect(error?.message.contains("bytes follow the stream index") == true)
        }
    }

    @Test func everyChangedByteIsReadWithoutCrashingAndDamageIsCorruptData() async throws {
        try await withTemporaryDirectory { directory in
            _ = try await SampleLog.write(in: directory, appendCount: 12)
            let bytes = try EventLog.openForReading(directory: directory).checkpoint().encoded()
            for offset in bytes.indices {
                for change: UInt8 in [0x01, 0x80, 0xFF] {
                    var changed = bytes
                    changed[offset] ^= change
                    do {
                        _ = try changed.withUnsafeBytes { try LogCheckpoint(decoding: $0) }
                    } catch let error as LogError {
                        #expect(error.code == .corruptData)
                    } catch {
                        Issue.record("changing byte \(offset) threw \(error), not a LogError")
                    }
                }
            }
        }
    }

    @Test func aCheckpointOfAnotherIndexIntervalIsSetAsideForWritingButReadWith() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let checkpoint = try EventLog.openForReading(directory: directory).checkpoint()
            #expect(checkpoint.indexInterval == LogOptions().indexInterval)

            let reader = try EventLog.openForReading(directory: directory, checkpoint: checkpoint)
            #expect(reader.recoveryReport.indexCheckpoint == checkpoint.position)
            try expectLog(reader, holds: sample.records)
            let log = try EventLog.open(directory: directory, options: SampleLog.options, checkpoint: checkpoint)
            #expect(
                log.recoveryReport.rejectedCheckpoint
                    == "the checkpoint's index interval is 4096, the log is opened with 0"
            )
            try expectLog(log, holds: sample.records)
            await log.close()
        }
    }

    /// A checkpoint taken by a writer of the log, with the options it was written with.
    private func writerCheckpoint(of directory: String) async throws -> LogCheckpoint {
        let log = try EventLog.open(directory: directory, options: SampleLog.options)
        let checkpoint = try log.checkpoint()
        await log.close()
        return checkpoint
    }

    @Test(arguments: [
        (Rule.format, "format 9, this release reads format 1"),
        (Rule.streamCounts, "the streams hold 3 records, the checkpoint stands for 4"),
        (Rule.tooManyRecords, "the streams hold more records than the 4 the checkpoint stands for"),
        (Rule.duplicateName, "two streams have the same name"),
        (Rule.positionOrder, "stream 0 has a position out of order or past 4"),
        (Rule.segmentEnd, "the segments end at 0, the checkpoint at 4"),
    ])
    func aRuleThatDoesNotHoldIsNamed(rule: Rule, message: String) throws {
        let error = #expect(throws: LogError.self) {
            try rule.bytes.withUnsafeBytes { try LogCheckpoint(decoding: $0) }
        }
        #expect(error?.code == .corruptData)
        #expect(error?.message == "index checkpoint: \(message)")
    }

    /// Checkpoint bytes of a log of four records, each breaking one rule.
    enum Rule: Sendable, CustomTestStringConvertible {
        case format, streamCounts, tooManyRecords, duplicateName, positionOrder, segmentEnd

        var testDescription: String { "\(self)" }

        var bytes: [UInt8] {
            var writer = CheckpointWriter(capacity: 64)
            writer.writeVarint(self == .format ? 9 : 1)
            writer.writeVarint(4)
            writer.writeHash(.zero)
            writer.writeVarint(4096)
            writer.writeVarint(0)
            let streams: [(String, [UInt64])] =
                switch self {
                case .streamCounts: [("a", [0, 2]), ("b", [1])]
                case .tooManyRecords: [("a", [0, 2]), ("b", [1, 3, 4])]
                case .duplicateName: [("a", [0, 2]), ("a", [1, 3])]
                case .positionOrder: [("a", [0, 2, 1]), ("b", [3])]
                default: [("a", [0, 2]), ("b", [1, 3])]
                }
            writer.writeVarint(UInt64(streams.count))
            for (name, positions) in streams {
                writer.writeBytes(name.utf8)
                writer.writeVarint(UInt64(positions.count))
                var previous: UInt64 = 0
                for (number, position) in positions.enumerated() {
                    writer.writeVarint(number == 0 ? position : position &- previous)
                    previous = position
                }
            }
            return writer.bytes
        }
    }
}
