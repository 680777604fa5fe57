import RapportTestSupport
import Testing

@testable import RapportLog

/// A write that fails at the operating system leaves the log as it was acknowledged, and the writer refuses
/// further appends until the log is reopened.
///
/// The failure is provoked without special privileges: a file or directory already stands where the writer has
/// to create a file while sealing a segment (the next segment, or an index file's temporary copy).
struct WriteFailureTests {
    enum Obstacle: CaseIterable {
        case nextSegment, indexTemporaryFile
    }

    @Test(arguments: Obstacle.allCases)
    func failedSealLeavesTheLogUnchangedAndLaterAppendsGetWriterFailed(obstacle: Obstacle) async throws {
        try await withTemporaryDirectory { directory in
            var options = LogOptions(durability: .fsync, segmentSize: 2048)
            options.indexInterval = 0
            let files = LogFiles(directory: directory)
            let log = try EventLog.open(directory: directory, options: options)
            var expected: [LogRecord] = []
            let active = try #require(try files.segmentNames().first)
            while try files.size(of: active) < UInt64(options.segmentSize) {
                let records = [SampleLog.record(expected.count)]
                expected += try await log.append(records).expectedRecords(for: records)
            }
            let obstacleName =
                switch obstacle {
                case .nextSegment: DataDirectory.baseName(log.endPosition) + ".log"
                case .indexTemporaryFile: String(active.dropLast(4)) + ".index.tmp"
                }
            try files.occupy(obstacleName, asDirectory: obstacle == .indexTemporaryFile)
            let activeBytes = try files.bytes(of: active)
            let headHash = log.headHash

            let failed = await #expect(throws: LogError.self) {
                try await log.append([SampleLog.record(1000)])
            }
            #expect(failed?.code == .ioFailure)
            #expect(failed?.message.contains(obstacleName) == true)
            #expect(try files.bytes(of: active) == activeBytes)
            #expect(log.headHash == headHash)
            try expectLog(log, holds: expected)

            let refused = await #expect(throws: LogError.self) {
                try await log.append([SampleLog.record(1001)])
            }
            #expect(refused?.code == .writerFailed)
            try expectLog(log, holds: expected)
            await log.close()

            try files.remove(obstacleName)
            let reopened = try EventLog.open(directory: directory, options: options)
            #expect(reopened.recoveryReport.truncation == nil)
            try expectLog(reopened, holds: expected)
            let next = [SampleLog.record(2000)]
            expected += try await reopened.append(next).expectedRecords(for: next)
            try expectLog(reopened, holds: expected)
            await reopened.close()
            #expect(try files.segmentNames().count == 2)
            let report = try LogVerifier(directory: directory).verify()
            #expect(report.isIntact)
            #expect(report.sealedSegmentCount == 1)
        }
    }
}
