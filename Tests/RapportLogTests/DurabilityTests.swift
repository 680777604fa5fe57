import RapportLog
import RapportTestSupport
import Testing

/// The three durability modes acknowledge at different moments but leave the same log behind.
struct DurabilityTests {
    @Test(arguments: [Durability.fsync, .batched(milliseconds: 3), .none])
    func everyModeLeavesTheSameLogAfterCloseAndReopen(durability: Durability) async throws {
        try await withTemporaryDirectory { directory in
            var options = LogOptions(durability: durability, segmentSize: 8192)
            options.batchSize = 4096
            let log = try EventLog.open(directory: directory, options: options)
            let proposed = (0..<24).map { task in (0..<(task % 3 + 1)).map { SampleLog.record(task * 3 + $0) } }
            let results = try await withThrowingTaskGroup(of: ([ProposedRecord], AppendResult).self) { group in
                for records in proposed {
                    group.addTask { (records, try await log.append(records)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for number in 0..<30 {
                let records = [SampleLog.record(1000 + number)]
                _ = try await log.append(records)
            }
            await log.close()

            let reopened = try EventLog.open(directory: directory, options: LogOptions(durability: durability))
            #expect(reopened.recoveryReport.truncation == nil)
            let read = try reopened.read(from: 0, limit: 1000)
            let expected = results.flatMap { $0.1.expectedRecords(for: $0.0) }
            try #require(read.count == expected.count + 30)
            for record in expected {
                #expect(read[Int(record.position)] == record)
            }
            let allProposed = proposed.flatMap { $0 } + (0..<30).map { SampleLog.record(1000 + $0) }
            #expect(Set(read.map(\.payload)) == Set(allProposed.map(\.payload)))
            #expect(read.map(\.position) == Array(0..<UInt64(read.count)))
            await reopened.close()
            let report = try LogVerifier(directory: directory).verify()
            #expect(report.isIntact)
            #expect(report.recordCount == UInt64(read.count))
        }
    }

    @Test(arguments: [Durability.fsync, .batched(milliseconds: 3), .none])
    func appendsAreReadableAsSoonAsTheyAreAcknowledged(durability: Durability) async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: LogOptions(durability: durability))
            for number in 0..<10 {
                let records = [SampleLog.record(number)]
                let result = try await log.append(records)
                #expect(log.endPosition == UInt64(number + 1))
                #expect(try log.record(at: UInt64(number)) == result.expectedRecords(for: records)[0])
            }
            let fresh = try EventLog.openForReading(directory: directory)
            #expect(fresh.endPosition == 10)
            await log.close()
        }
    }
}
