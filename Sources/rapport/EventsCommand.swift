import ArgumentParser
import Foundation
import Rapport
import RapportCRM
import RapportLog

/// `rapport events`: the CRM events of the log in CloudEvents JSON form.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print CRM events as CloudEvents 1.0 JSON lines, in log order.",
        discussion: """
            Each line is one event (schemas/events/cloudevent.schema.json); its data follows the schema its \
            dataschema names. Events written with older schema versions are printed upcast to the current one.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: "The first global position to print.")
    var from: UInt64 = 0

    @Option(help: "The most events to print.")
    var limit: Int = .max

    @Option(help: ArgumentHelp("Only the events of this record's stream, <kind>-<id>.", valueName: "stream"))
    var stream: String?

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must not be negative") }
    }

    func run() async throws {
        let log = try LogOpening.forReading(
            directory: data.directory,
            streams: stream == nil ? .notIndexed : .indexed,
            notice: EngineOptions.commandLine().notice
        )
        let keys = try PersonalDataKeys.forReading(of: log)
        let output = FileHandle.standardOutput
        if let stream {
            let name = try StreamName(parsing: stream)
            let records = try log.readStream(name.description).filter { $0.position >= from }.prefix(limit)
            for record in records {
                output.write(try EventReading.event(in: record, keys: keys).cloudEventJSON() + Data("\n".utf8))
            }
            return
        }
        var position = from
        var remaining = limit
        while remaining > 0 {
            let events = try EventReading.events(in: log, from: position, limit: min(remaining, 4096), keys: keys)
            guard let last = events.last else { break }
            var chunk: [UInt8] = []
            for event in events {
                event.appendCloudEventJSON(to: &chunk)
                chunk.append(0x0A)
            }
            output.write(Data(chunk))
            position = last.position + 1
            remaining -= events.count
        }
    }
}
