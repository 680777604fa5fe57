import RapportTestSupport
import Synchronization
import Testing

@testable import RapportLog

/// The function a log runs before writing each group of batches: it runs before any record of the group reaches
/// the file, and when it throws the group fails whole, the file is unchanged, and later appends go on.
struct WriteBarrierTests {
    struct BarrierRefusal: Error {}

    @Test func aThrowingBarrierFailsTheGroupAndWritesNothing() async throws {
        try await withTemporaryDirectory { directory in
            let files = LogFiles(directory: directory)
            let log = try EventLog.open(directory: directory, options: LogOptions(durability: .fsync))
            let first = [SampleLog.record(0)]
            var expected = try await log.append(first).expectedRecords(for: first)
            let segment = try #require(try files.segmentNames().first)
            let bytes = try files.bytes(of: segment)

            log.beforeWriting { throw BarrierRefusal() }
            let failed = await #expect(throws: LogError.self) {
                try await log.append([SampleLog.record(1), SampleLog.record(2)])
            }
            #expect(failed?.code == .ioFailure)
            #expect(try files.bytes(of: segment) == bytes)
            try expectLog(log, holds: expected)

            let runs = Mutex(0)
            log.beforeWriting { runs.withLock { $0 += 1 } }
            let next = [SampleLog.record(3)]
            expected += try await log.append(next).expectedRecords(for: next)
            #expect(runs.withLock { $0 } == 1)
            try expectLog(log, holds: expected)
            await log.close()
        }
    }
}
