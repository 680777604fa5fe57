import RapportLog
import Testing

/// Checks that a log holds exactly `expected`, read every way: forward from 0, record by record through the
/// stream index, and by stream version; names are compared byte for byte, not only as equal strings.
///
/// - Parameters:
///   - log: The log.
///   - expected: Every record the log should hold, in position order.
///   - sourceLocation: Where a failure is reported.
/// - Throws: What reading throws.
func expectLog(
    _ log: EventLog,
    holds expected: [LogRecord],
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    #expect(log.endPosition == UInt64(expected.count), sourceLocation: sourceLocation)
    let read = try log.read(from: 0, limit: expected.count + 1)
    #expect(read == expected, sourceLocation: sourceLocation)
    let names = { (records: [LogRecord]) in records.map { [Array($0.streamId.utf8), Array($0.type.utf8)] } }
    #expect(names(read) == names(expected), sourceLocation: sourceLocation)
    let streams = Dictionary(grouping: expected, by: \.streamId)
    #expect(log.streamCount == streams.count, sourceLocation: sourceLocation)
    for (streamId, records) in streams {
        #expect(log.version(of: streamId) == UInt64(records.count), sourceLocation: sourceLocation)
        #expect(records.map(\.streamVersion) == Array(1...UInt64(records.count)), sourceLocation: sourceLocation)
        #expect(try log.readStream(streamId) == records, sourceLocation: sourceLocation)
    }
}
