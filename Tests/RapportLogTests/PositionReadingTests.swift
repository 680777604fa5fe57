import Foundation
import RapportTestSupport
import Testing

@testable import RapportLog

/// A log opened to read by position only reads every record a log with its stream index reads, from a checkpoint
/// or from every batch; it refuses stream reads by name, and a checkpoint of the other kind is set aside.
struct PositionReadingTests {
    @Test func aLogReadByPositionHoldsEveryRecordWithOrWithoutACheckpoint() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let bytes = try log.checkpoint().encoded()
            let tail = (0..<6).map { SampleLog.record(10_000 + $0) }
            let expected = sample.records + (try await log.append(tail).expectedRecords(for: tail))
            await log.close()
            let checkpoint = try bytes.withUnsafeBytes { try LogCheckpoint(decoding: $0, streams: .notIndexed) }

            let fromCheckpoint = try EventLog.openForReading(
                directory: directory,
                checkpoint: checkpoint,
                streams: .notIndexed
            )
            let whole = try EventLog.openForReading(directory: directory, streams: .notIndexed)

            #expect(fromCheckpoint.recoveryReport.indexCheckpoint == checkpoint.position)
            #expect(fromCheckpoint.recoveryReport.rejectedCheckpoint == nil)
            for reader in [fromCheckpoint, whole] {
                #expect(reader.streamIndexing == .notIndexed)
                #expect(reader.endPosition == UInt64(expected.count))
                #expect(try reader.read(from: 0, limit: .max) == expected)
                #expect(try reader.read(from: 7, limit: 5) == Array(expected[7..<12]))
            }
        }
    }

    @Test func aStreamIsNotReadByNameFromALogReadByPosition() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.openForReading(directory: directory, streams: .notIndexed)
            let streamId = try #require(sample.records.first?.streamId)

            let error = try #require(throws: LogError.self) { try log.readStream(streamId) }
            #expect(error.code == .streamsNotIndexed)
            #expect(error.message.contains(streamId))
        }
    }

    @Test func aCheckpointWithoutStreamsIsSetAsideByALogThatKeepsThem() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let bytes = try log.checkpoint().encoded()
            await log.close()
            let withoutStreams = try bytes.withUnsafeBytes {
                try LogCheckpoint(decoding: $0, streams: .notIndexed)
            }
            let withStreams = try bytes.withUnsafeBytes { try LogCheckpoint(decoding: $0) }

            let writer = try EventLog.open(directory: directory, options: SampleLog.options, checkpoint: withoutStreams)
            #expect(writer.recoveryReport.rejectedCheckpoint?.contains("holds no stream index") == true)
            try expectLog(writer, holds: sample.records)
            await writer.close()
            let reader = try EventLog.openForReading(
                directory: directory,
                checkpoint: withStreams,
                streams: .notIndexed
            )
            #expect(reader.recoveryReport.rejectedCheckpoint?.contains("the log is opened without one") == true)
            #expect(try reader.read(from: 0, limit: .max) == sample.records)
        }
    }
}
