import RapportLog
import RapportTestSupport
import Testing

/// What verify reports for intact logs, alone or next to a running writer.
struct VerifierTests {
    @Test func intactLogIsCountedWholeAndEndsAtTheWritersHeadHash() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            let batches = try names.map { try SegmentLayout($0, in: sample.files).batches.count }.reduce(0, +)
            let bytes = try names.map { try sample.files.size(of: $0) }.reduce(0, +)
            let reader = try EventLog.openForReading(directory: directory)

            let report = try LogVerifier(directory: directory).verify()
            #expect(report.isIntact)
            #expect(report.segmentCount == names.count)
            #expect(report.sealedSegmentCount == names.count - 1)
            #expect(report.batchCount == UInt64(batches))
            #expect(batches == sample.appends.count)
            #expect(report.recordCount == UInt64(sample.records.count))
            #expect(report.headPosition == UInt64(sample.records.count - 1))
            #expect(report.bytesOnDisk == bytes)
            #expect(report.headHash == reader.headHash)
            #expect(report.incompleteTailBytes == 0)
        }
    }

    @Test func emptyLogIsIntact() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            await log.close()
            let report = try LogVerifier(directory: directory).verify()
            #expect(report.isIntact)
            #expect(report.segmentCount == 1)
            #expect(report.recordCount == 0)
            #expect(report.headPosition == nil)
            #expect(report.headHash == .zero)
        }
    }

    @Test func missingDirectoryIsAnError() throws {
        let error = #expect(throws: LogError.self) {
            try LogVerifier(directory: "/nonexistent/rapport-verify-test").verify()
        }
        #expect(error?.code == .directoryUnavailable)
    }

    @Test func verifyingWhileAWriterAppendsAndRollsFindsNoProblem() async throws {
        try await withTemporaryDirectory { directory in
            var options = SampleLog.options
            options.segmentSize = 2048
            let log = try EventLog.open(directory: directory, options: options)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for number in 0..<300 {
                        _ = try await log.append([SampleLog.record(number)])
                    }
                }
                group.addTask {
                    var checkedRecords: UInt64 = 0
                    for _ in 0..<40 {
                        let report = try LogVerifier(directory: directory).verify()
                        #expect(report.problem == nil)
                        #expect(report.recordCount >= checkedRecords)
                        checkedRecords = report.recordCount
                    }
                }
                try await group.waitForAll()
            }
            await log.close()
            let report = try LogVerifier(directory: directory).verify()
            #expect(report.isIntact)
            #expect(report.recordCount == 300)
        }
    }
}
