import ArgumentParser
import Rapport
import RapportLog

/// `rapport log inspect`: segments, records, bytes on disk and compression.
struct LogInspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the log's segments, records, streams, bytes on disk and compression ratio."
    )

    @OptionGroup var data: DataDirectoryOptions

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    func run() async throws {
        let directory = data.directory
        let summary = try EventLog.openForReading(directory: directory).summary()
        if json {
            print(InspectionOutput.json(summary, directory: directory))
        } else {
            print(InspectionOutput.text(summary, directory: directory), terminator: "")
        }
    }
}
