import Foundation
import RapportLog
import RapportTestSupport
import Testing

struct AppendAndReadTests {
    @Test func appendedRecordsReadBackWithGaplessPositions() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            let factory = RecordFactory(streamCount: 5)
            var expected: [ProposedRecord] = []
            for chunk in 0..<10 {
                let records = (0..<7).map { factory.record(chunk * 7 + $0) }
                expected += records
                let result = try await log.append(records)
                #expect(result.entries.map(\.position) == (0..<7).map { UInt64(chunk * 7 + $0) })
            }
            let read = try log.read(from: 0, limit: 1000)
            #expect(read.map(\.position) == (0..<70).map(UInt64.init))
            #expect(read.map(\.payload) == expected.map(\.payload))
            #expect(read.map(\.id) == expected.map(\.id))
            #expect(read.map(\.streamVersion).prefix(5) == [1, 1, 1, 1, 1])
            #expect(log.version(of: "account-0") == 14)
            await log.close()

            let reopened = try EventLog.open(directory: directory)
            #expect(reopened.endPosition == 70)
            #expect(try reopened.read(from: 0, limit: 1000) == read)
            #expect(reopened.recoveryReport.truncation == nil)
            await reopened.close()
        }
    }

    @Test func expectedVersionConflictWritesNothingAndReportsCurrentVersion() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            let factory = RecordFactory(streamCount: 1)
            _ = try await log.append([factory.record(0, expectedVersion: .noStream)])
            let error = await #expect(throws: LogError.self) {
                try await log.append([
                    ProposedRecord(streamId: "other", type: "T", expectedVersion: .noStream, payload: [1]),
                    factory.record(1, expectedVersion: .exact(5)),
                ])
            }
            #expect(error?.code == .wrongExpectedVersion)
            #expect(error?.currentVersion == 1)
            #expect(log.endPosition == 1)
            #expect(log.version(of: "other") == 0)
            _ = try await log.append([
                factory.record(2, expectedVersion: .exact(1)), factory.record(3, expectedVersion: .exact(2)),
            ])
            #expect(log.version(of: "account-0") == 3)
            await log.close()
        }
    }
}
