import RapportLog
import RapportTestSupport
import Testing

/// One writer per data directory; readers alongside it.
struct LockTests {
    @Test func secondWriterIsRefusedUntilTheFirstCloses() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            let records = [SampleLog.record(0)]
            _ = try await log.append(records)
            let error = #expect(throws: LogError.self) {
                try EventLog.open(directory: directory)
            }
            #expect(error?.code == .directoryLocked)
            #expect(error?.message.contains(directory) == true)
            _ = try await log.append([SampleLog.record(1)])
            await log.close()

            let reopened = try EventLog.open(directory: directory)
            #expect(reopened.endPosition == 2)
            _ = try await reopened.append([SampleLog.record(2)])
            await reopened.close()
            #expect(try LogVerifier(directory: directory).verify().recordCount == 3)
        }
    }

    @Test func aCheckpointIsAskedForOnlyOnceTheDirectoryIsLocked() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            _ = try await log.append([SampleLog.record(0)])
            var asked = 0
            let error = #expect(throws: LogError.self) {
                try EventLog.open(directory: directory) {
                    asked += 1
                    return nil
                }
            }
            #expect(error?.code == .directoryLocked)
            #expect(asked == 0)
            await log.close()
            let reopened = try EventLog.open(directory: directory) {
                asked += 1
                return nil
            }
            #expect(asked == 1)
            #expect(reopened.endPosition == 1)
            await reopened.close()
        }
    }

    @Test func readersOpenWhileAWriterHoldsTheLock() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            let records = (0..<5).map(SampleLog.record)
            let expected = try await log.append(records).expectedRecords(for: records)
            let reader = try EventLog.openForReading(directory: directory)
            #expect(try reader.read(from: 0, limit: 10) == expected)
            #expect(reader.recoveryReport.truncation == nil)
            #expect(try LogVerifier(directory: directory).verify().recordCount == 5)
            await log.close()
        }
    }

    @Test func logsOpenForReadingRefuseAppends() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            await log.close()
            let reader = try EventLog.openForReading(directory: directory)
            let error = await #expect(throws: LogError.self) {
                try await reader.append([SampleLog.record(0)])
            }
            #expect(error?.code == .closed)
            await reader.close()
        }
    }

    @Test func appendsAfterCloseAreRefused() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            await log.close()
            await log.close()
            let error = await #expect(throws: LogError.self) {
                try await log.append([SampleLog.record(0)])
            }
            #expect(error?.code == .closed)
            #expect(log.endPosition == 0)
        }
    }

    @Test func readingADirectoryThatDoesNotExistFails() throws {
        let error = #expect(throws: LogError.self) {
            try EventLog.openForReading(directory: "/nonexistent/rapport-lock-test")
        }
        #expect(error?.code == .directoryUnavailable)
    }

    @Test func writingWhereAFileStandsFails() async throws {
        try await withTemporaryDirectory { directory in
            let files = LogFiles(directory: directory)
            try files.occupy("plain-file")
            let error = #expect(throws: LogError.self) {
                try EventLog.open(directory: files.path("plain-file"))
            }
            #expect(error?.code == .directoryUnavailable)
        }
    }
}
