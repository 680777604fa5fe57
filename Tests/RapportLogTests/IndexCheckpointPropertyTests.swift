import PropertyBased
import RapportTestSupport
import Synchronization
import Testing

@testable import RapportLog

/// Opening from a checkpoint taken at a random point of a random history gives the same log as reading every
/// batch: the same records by position and by stream, the same versions, end and head, and the same segment
/// states, down to the sparse index cadence the writer continues with.
struct IndexCheckpointPropertyTests {
    /// A history, and the number of its appends made before the checkpoint.
    static let histories = zip(RecordGenerators.scenario, Gen<Double>.double(in: 0...1)).map { scenario, share in
        (scenario, Int((Double(scenario.appends.count) * share).rounded(.down)))
    }

    @Test func openingFromACheckpointGivesTheSameLogAsReadingEveryBatch() async {
        var checkpointsBeforeTheLastSegment = 0
        await propertyCheck(count: 40, input: Self.histories) { scenario, split in
            try await withTemporaryDirectory { directory in
                let log = try EventLog.open(directory: directory, options: scenario.options)
                var expected: [LogRecord] = []
                for records in scenario.appends.prefix(split) {
                    expected += try await log.append(records).expectedRecords(for: records)
                }
                let covered = UInt64(expected.count)
                let bytes = try log.checkpoint().encoded()
                for records in scenario.appends.dropFirst(split) {
                    expected += try await log.append(records).expectedRecords(for: records)
                }
                await log.close()
                let checkpoint = try bytes.withUnsafeBytes { try LogCheckpoint(decoding: $0) }
                #expect(checkpoint.position == covered)
                if checkpoint.segments.count < (try LogFiles(directory: directory).segmentNames().count) {
                    checkpointsBeforeTheLastSegment += 1
                }

                let fullWriter = try EventLog.open(directory: directory, options: scenario.options)
                let full = state(of: fullWriter)
                await fullWriter.close()
                let fullReader = try EventLog.openForReading(directory: directory)

                let reader = try EventLog.openForReading(directory: directory, checkpoint: checkpoint)
                #expect(reader.recoveryReport.rejectedCheckpoint == nil)
                #expect(reader.recoveryReport.indexCheckpoint == checkpoint.position)
                try expectLog(reader, holds: expected)
                #expect(reader.headHash == fullReader.headHash)
                #expect(state(of: reader).names == state(of: fullReader).names)
                #expect(state(of: reader).positions == state(of: fullReader).positions)

                let writer = try EventLog.open(directory: directory, options: scenario.options, checkpoint: checkpoint)
                #expect(writer.recoveryReport.rejectedCheckpoint == nil)
                #expect(writer.recoveryReport.truncation == nil)
                try expectLog(writer, holds: expected)
                #expect(writer.headHash == fullReader.headHash)
                #expect(state(of: writer) == full)
                let more = (0..<3).map { RecordFactory(streamCount: 2).record($0) }
                expected += try await writer.append(more).expectedRecords(for: more)
                await writer.close()

                let reopened = try EventLog.open(directory: directory, options: scenario.options)
                #expect(reopened.recoveryReport.rebuiltIndexes.isEmpty)
                try expectLog(reopened, holds: expected)
                await reopened.close()
                #expect(try LogVerifier(directory: directory).verify().problem == nil)
            }
        }
        #expect(checkpointsBeforeTheLastSegment > 0, "some checkpoints should lie before segments rolled")
    }

    /// What opening gives a log, in comparable form; the sparse index cadence counts only for the unsealed
    /// segment, the one a writer goes on indexing.
    private struct State: Equatable {
        var names: [String]
        var positions: [[UInt64]]
        var segments: [LogCheckpoint.Segment]
        var unsealedIndex: SparseIndex?
    }

    private func state(of log: EventLog) -> State {
        log.core.state.withLock { state in
            // A writer starts an empty segment after a sealed last one; a reader does not.
            let withRecords = state.segments.filter { $0.endPosition > $0.base }
            return State(
                names: (0..<state.streams.count).map(state.streams.name(ofSlot:)),
                positions: (0..<state.streams.count).map(state.streams.positions(ofSlot:)),
                segments: withRecords.map(LogCheckpoint.Segment.init),
                unsealedIndex: withRecords.last.flatMap { $0.footer == nil ? $0.index : nil }
            )
        }
    }
}
