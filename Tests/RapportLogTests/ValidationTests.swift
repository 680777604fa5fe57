import RapportTestSupport
import Testing

@testable import RapportLog

/// Appends that break a rule are refused before they reach the writer, naming the record and field, and leave
/// the log as it was.
struct ValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var records: [ProposedRecord]
        var code: LogError.Code
        var messageParts: [String]

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty append", records: [], code: .invalidRecord, messageParts: ["at least one record"]),
        Case(
            name: "empty stream id",
            records: [ProposedRecord(streamId: "", type: "T", payload: [1])],
            code: .invalidRecord,
            messageParts: ["record 0", "streamId", "empty"]
        ),
        Case(
            name: "empty type",
            records: [SampleLog.record(0), ProposedRecord(streamId: "s", type: "", payload: [1])],
            code: .invalidRecord,
            messageParts: ["record 1", "type", "empty"]
        ),
        Case(
            name: "stream id one byte too long",
            records: [ProposedRecord(streamId: String(repeating: "s", count: 65_536), type: "T", payload: [1])],
            code: .invalidRecord,
            messageParts: ["record 0", "streamId", "65536 bytes", "65535"]
        ),
        Case(
            name: "type too long in UTF-8 bytes, not characters",
            records: [ProposedRecord(streamId: "s", type: String(repeating: "é", count: 32_768), payload: [1])],
            code: .invalidRecord,
            messageParts: ["record 0", "type", "65536 bytes"]
        ),
        Case(
            name: "append larger than the maximum",
            records: (0..<3).map { _ in
                ProposedRecord(streamId: "s", type: "T", payload: [UInt8](repeating: 7, count: 400))
            },
            code: .appendTooLarge,
            messageParts: ["3 records", "at most 1024"]
        ),
    ]

    @Test(arguments: cases)
    func invalidAppendIsRefusedAndChangesNothing(invalid: Case) async throws {
        try await withTemporaryDirectory { directory in
            var options = LogOptions()
            options.maximumAppendSize = 1024
            let log = try EventLog.open(directory: directory, options: options)
            let records = [SampleLog.record(0), SampleLog.record(1)]
            let expected = try await log.append(records).expectedRecords(for: records)
            let headHash = log.headHash

            let error = await #expect(throws: LogError.self) {
                try await log.append(invalid.records)
            }
            #expect(error?.code == invalid.code)
            for part in invalid.messageParts {
                #expect(error?.message.contains(part) == true, "\(error?.message ?? "") names \(part)")
            }
            #expect(log.headHash == headHash)
            try expectLog(log, holds: expected)
            let next = [SampleLog.record(2)]
            #expect(try await log.append(next).firstPosition == 2)
            await log.close()
            let report = try LogVerifier(directory: directory).verify()
            #expect(report.isIntact)
            #expect(report.recordCount == 3)
        }
    }

    @Test func longestAllowedNamesAreAccepted() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            let records = [
                ProposedRecord(
                    streamId: String(repeating: "日", count: 21_845),
                    type: String(repeating: "t", count: 65_535),
                    payload: []
                )
            ]
            let expected = try await log.append(records).expectedRecords(for: records)
            try expectLog(log, holds: expected)
            await log.close()
            let reopened = try EventLog.open(directory: directory)
            try expectLog(reopened, holds: expected)
            await reopened.close()
        }
    }

    @Test func appendOfExactlyTheMaximumSizeIsAccepted() async throws {
        try await withTemporaryDirectory { directory in
            var options = LogOptions()
            options.maximumAppendSize = 1024
            let log = try EventLog.open(directory: directory, options: options)
            let fixed = RecordLayout.fixedSize + "s".utf8.count + "T".utf8.count
            let records = [
                ProposedRecord(streamId: "s", type: "T", payload: [UInt8](repeating: 1, count: 1024 - fixed))
            ]
            #expect(try await log.append(records).firstPosition == 0)
            let tooLarge = [
                ProposedRecord(streamId: "s", type: "T", payload: [UInt8](repeating: 1, count: 1025 - fixed))
            ]
            let error = await #expect(throws: LogError.self) {
                try await log.append(tooLarge)
            }
            #expect(error?.code == .appendTooLarge)
            #expect(log.endPosition == 1)
            await log.close()
        }
    }
}
