import RapportTestSupport
import RapportTime
import Testing

@testable import RapportLog

/// The sparse position and time indexes of sealed segments: what they hold, and their rebuilding when missing
/// or damaged.
struct IndexTests {
    @Test func indexFilesPointAtTheBatchesOfTheirSegment() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            for name in names.dropLast() {
                let layout = try SegmentLayout(name, in: sample.files)
                let index = try #require(try Self.index(of: name, in: sample.files, interval: 0))
                #expect(index.entries.map(\.offset) == layout.batches.map(\.offset))
                #expect(index.entries.map(\.position) == layout.batches.map(\.basePosition))
                let batchTimes = layout.batches.map { sample.records[Int($0.basePosition)].recordedAt }
                #expect(index.entries.map(\.timestamp) == batchTimes)
            }
        }
    }

    @Test func sparseIndexSkipsBatchesWithinItsInterval() async throws {
        try await withTemporaryDirectory { directory in
            var options = SampleLog.options
            options.indexInterval = 1500
            let log = try EventLog.open(directory: directory, options: options)
            for number in 0..<40 {
                _ = try await log.append([SampleLog.record(number)])
            }
            await log.close()
            let files = LogFiles(directory: directory)
            let name = try #require(try files.segmentNames().first)
            let layout = try SegmentLayout(name, in: files)
            let index = try #require(try Self.index(of: name, in: files, interval: 1500))
            #expect(index.entries.first?.offset == layout.batches.first?.offset)
            #expect(index.entries.count > 1 && index.entries.count < layout.batches.count)
            var expectedOffsets: [UInt64] = []
            var bytesSinceEntry: Int?
            for batch in layout.batches {
                if bytesSinceEntry.map({ $0 >= 1500 }) ?? true {
                    expectedOffsets.append(batch.offset)
                    bytesSinceEntry = 0
                }
                bytesSinceEntry! += batch.size
            }
            #expect(index.entries.map(\.offset) == expectedOffsets)
        }
    }

    @Test func missingOrDamagedIndexFilesAreRebuiltAtOpen() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let bases = try sample.files.segmentNames().map { String($0.dropLast(4)) }
            try #require(bases.count >= 4)
            let originals = try sample.files.snapshot()
            try sample.files.remove(bases[0] + ".index")
            try sample.files.flipByte(in: bases[1] + ".timeindex", at: 20)
            try sample.files.truncate(bases[2] + ".index", to: 5)
            let times = sample.records.map(\.recordedAt)
            let reader = try EventLog.openForReading(directory: directory)
            #expect(reader.recoveryReport.rebuiltIndexes.isEmpty)
            try expectLog(reader, holds: sample.records)
            #expect(try reader.firstPosition(atOrAfter: times[100]) == firstPosition(atOrAfter: times[100], in: times))

            let missing = try #require(try LogVerifier(directory: directory).verify().problem)
            #expect(missing.file == bases[0] + ".log")
            #expect(missing.message.contains("index"))

            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let rebuilt = (0..<3).flatMap { [bases[$0] + ".index", bases[$0] + ".timeindex"] }
            #expect(Set(log.recoveryReport.rebuiltIndexes) == Set(rebuilt))
            for name in rebuilt {
                #expect(try sample.files.bytes(of: name) == originals[name])
            }
            try expectLog(log, holds: sample.records)
            for time in times {
                #expect(try log.firstPosition(atOrAfter: time) == firstPosition(atOrAfter: time, in: times))
            }
            await log.close()
            #expect(try LogVerifier(directory: directory).verify().isIntact)
        }
    }

    @Test func indexesOfAnotherIntervalAreRewrittenForTheOpeningOptions() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            var options = SampleLog.options
            options.indexInterval = 2000
            let log = try EventLog.open(directory: directory, options: options)
            #expect(!log.recoveryReport.rebuiltIndexes.isEmpty)
            try expectLog(log, holds: sample.records)
            await log.close()
            let reopened = try EventLog.open(directory: directory, options: options)
            #expect(reopened.recoveryReport.rebuiltIndexes.isEmpty)
            await reopened.close()
            #expect(try LogVerifier(directory: directory).verify().isIntact)
        }
    }

    /// The first position whose record time is at or after `time`, found by looking at every record.
    private func firstPosition(atOrAfter time: Timestamp, in times: [Timestamp]) -> UInt64 {
        UInt64(times.firstIndex { $0 >= time } ?? times.count)
    }

    /// Parses a sealed segment's two index files.
    private static func index(of segment: String, in files: LogFiles, interval: Int) throws -> SparseIndex? {
        let base = String(segment.dropLast(4))
        return SparseIndex.parse(
            positionFile: try files.bytes(of: base + ".index"),
            timeFile: try files.bytes(of: base + ".timeindex"),
            interval: interval
        )
    }
}
