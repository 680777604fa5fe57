import PropertyBased
import RapportLog
import RapportTestSupport
import Testing

struct RecordRoundTripPropertyTests {
    @Test func randomAppendsReadBackFieldForFieldBeforeAndAfterReopening() async {
        var scenariosThatRolled = 0
        await propertyCheck(count: 40, input: RecordGenerators.scenario) { scenario in
            try await withTemporaryDirectory { directory in
                let log = try EventLog.open(directory: directory, options: scenario.options)
                var expected: [LogRecord] = []
                var versions: [String: UInt64] = [:]
                for records in scenario.appends {
                    let result = try await log.append(records)
                    let positions = result.entries.map(\.position)
                    #expect(positions == Array(UInt64(expected.count)..<UInt64(expected.count + records.count)))
                    for (record, entry) in zip(records, result.entries) {
                        versions[record.streamId, default: 0] += 1
                        #expect(entry.streamId == record.streamId)
                        #expect(entry.streamVersion == versions[record.streamId])
                    }
                    expected += result.expectedRecords(for: records)
                }
                #expect(expected.map(\.recordedAt) == expected.map(\.recordedAt).sorted())
                try expectLog(log, holds: expected)
                let headHash = log.headHash
                await log.close()

                let reopened = try EventLog.open(directory: directory, options: scenario.options)
                #expect(reopened.recoveryReport.truncation == nil)
                #expect(reopened.headHash == headHash)
                if reopened.recoveryReport.segmentCount > 1 {
                    scenariosThatRolled += 1
                }
                try expectLog(reopened, holds: expected)
                await reopened.close()

                let report = try LogVerifier(directory: directory).verify()
                #expect(report.problem == nil)
                #expect(report.recordCount == UInt64(expected.count))
                #expect(report.headHash == headHash)
            }
        }
        #expect(scenariosThatRolled > 0, "the scenarios should roll segments")
    }

    @Test func readersOpenedForReadingSeeTheSameRecords() async {
        await propertyCheck(count: 10, input: RecordGenerators.scenario) { scenario in
            try await withTemporaryDirectory { directory in
                let log = try EventLog.open(directory: directory, options: scenario.options)
                var expected: [LogRecord] = []
                for records in scenario.appends {
                    expected += try await log.append(records).expectedRecords(for: records)
                }
                let reader = try EventLog.openForReading(directory: directory)
                try expectLog(reader, holds: expected)
                await log.close()
            }
        }
    }
}
