import ArgumentParser
import Rapport
import RapportLog
import RapportTime

/// `rapport log dump`: records as JSON lines.
struct LogDumpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print records as JSON lines: position, id, stream, version, type, times, data, metadata.",
        discussion: "Reads without the writer lock, so it works while a writer is appending."
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: "The first global position to print.")
    var from: UInt64 = 0

    @Option(help: "The first record time to print (RFC 3339), found through the time index.")
    var since: String?

    @Option(help: "The most records to print.")
    var limit: UInt64?

    @Option(help: "Print only this stream's records, in version order.")
    var stream: String?

    func validate() throws {
        if let since, Timestamp(rfc3339: since) == nil {
            throw ValidationError("--since must be an RFC 3339 time such as 2026-03-01T09:00:00Z")
        }
    }

    func run() async throws {
        let log = try EventLog.openForReading(
            directory: data.directory,
            streams: stream == nil ? .notIndexed : .indexed
        )
        var start = from
        if let since, let time = Timestamp(rfc3339: since) {
            start = max(start, try log.firstPosition(atOrAfter: time))
        }
        let limit = limit ?? .max
        if let stream {
            let records = try log.readStream(stream).filter { $0.position >= start }.prefix(Int(clamping: limit))
            records.forEach { print(RecordOutput.record($0)) }
        } else {
            try log.scan(from: start, limit: limit) { view in
                print(RecordOutput.record(view.record))
                return true
            }
        }
    }
}
