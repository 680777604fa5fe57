import Foundation
import RapportLog
import RapportTestSupport
import RapportTime

/// A small log on disk with several sealed segments and an unsealed tail, written one append at a time so that
/// every append is its own batch.
struct SampleLog {
    /// The options it was written with: 4 KiB segments, an index entry for every batch.
    static let options: LogOptions = {
        var options = LogOptions(durability: .none, segmentSize: 4096)
        options.indexInterval = 0
        return options
    }()

    /// The data directory.
    let directory: String
    /// Every record, in position order.
    let records: [LogRecord]
    /// Each append's records, in order.
    let appends: [[LogRecord]]

    /// The directory's files.
    var files: LogFiles { LogFiles(directory: directory) }

    /// Writes the log and closes it.
    ///
    /// - Parameters:
    ///   - directory: An empty data directory.
    ///   - appendCount: The number of appends, each of 1 to 4 records over 7 streams.
    /// - Returns: The log's description.
    /// - Throws: What opening or appending throws.
    static func write(in directory: String, appendCount: Int = 60) async throws -> SampleLog {
        let log = try EventLog.open(directory: directory, options: options)
        var appends: [[LogRecord]] = []
        for number in 0..<appendCount {
            let records = (0..<(number % 4 + 1)).map { record(number * 4 + $0) }
            appends.append(try await log.append(records).expectedRecords(for: records))
        }
        await log.close()
        return SampleLog(directory: directory, records: appends.flatMap { $0 }, appends: appends)
    }

    /// The `index`th sample record, about 150 bytes encoded.
    ///
    /// - Parameter index: The record's number, which picks its stream and shapes its payload.
    /// - Returns: The record.
    static func record(_ index: Int) -> ProposedRecord {
        ProposedRecord(
            streamId: "case-\(index % 7)",
            type: index % 3 == 0 ? "CaseOpened" : "CaseNoteAdded",
            occurredAt: Timestamp(microsecondsSinceEpoch: 1_700_000_000_000_000 + Int64(index) * 1_000_000),
            metadata: Array(#"{"actor":"agent-\#(index % 5)"}"#.utf8),
            payload: Array(#"{"note":"call back about order \#(index * 7919 % 100_000)","seq":\#(index)}"#.utf8)
        )
    }
}
