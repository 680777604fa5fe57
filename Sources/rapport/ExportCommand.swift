public import ArgumentParser
import Foundation
public import Rapport
import RapportCRM
import RapportLog
import RapportTime

/// `rapport export`: events out of the log, for auditors, other systems and migrations.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write events as JSON lines, CloudEvents or CSV: all of them, a stream's, or an account's.",
        discussion: """
            Events come out in log order. --account takes the account's events with those of every record \
            related to it (accounts merged into it; its contacts, opportunities, cases, activities and tasks while \
            they belonged to it; the leads converted into it). --from and --to bound the business time (when an \
            event occurred), both inclusive; a date alone means from the start of that day or through its end. \
            The formats and CSV columns are described in docs/EXPORT.md.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: ArgumentHelp("Only the events of this record's stream, <kind>-<id>.", valueName: "stream"))
    var stream: String?

    @Option(help: ArgumentHelp("An account's events with those of its related records.", valueName: "id"))
    var account: String?

    @Option(
        help: ArgumentHelp("Events that occurred at or after this time (RFC 3339 or YYYY-MM-DD).", valueName: "time")
    )
    var from: String?

    @Option(
        help: ArgumentHelp("Events that occurred at or before this time (RFC 3339 or YYYY-MM-DD).", valueName: "time")
    )
    var to: String?

    @Option(help: "The form: jsonl, cloudevents or csv.")
    var format: ExportFormat

    @Option(
        help: ArgumentHelp("Write to this file (whole or not at all) instead of standard output.", valueName: "file")
    )
    var out: String?

    func validate() throws {
        if stream != nil, account != nil {
            throw ValidationError("give --stream or --account, not both")
        }
    }

    func run() async throws {
        let scope: ExportScope
        if let stream {
            do {
                scope = .stream(try StreamName(parsing: stream))
            } catch {
                throw ValidationError("--stream: \(error)")
            }
        } else if let account {
            do {
                scope = .account(try RecordId(account))
            } catch {
                throw ValidationError("--account: \(error)")
            }
        } else {
            scope = .all
        }
        let export = EventExport(
            scope: scope,
            occurredFrom: try from.map { try Self.start($0, option: "--from") },
            occurredThrough: try to.map { try TimeWindowOptions.moment($0, option: "--to") },
            format: format
        )
        let log = try LogOpening.forReading(directory: data.directory, notice: EngineOptions.commandLine().notice)
        let keys = try PersonalDataKeys.forReading(of: log)
        if let out {
            _ = try OutputFile.write(to: out) { sink in try export.write(from: log, keys: keys, to: sink) }
        } else {
            let output = FileHandle.standardOutput
            try export.write(from: log, keys: keys) { try output.write(contentsOf: $0) }
        }
    }

    /// An RFC 3339 time, or the first microsecond of a `YYYY-MM-DD` day.
    static func start(_ text: String, option: String) throws -> Timestamp {
        if let date = CalendarDate(iso: text) { return date.startOfDay }
        return try TimeWindowOptions.moment(text, option: option)
    }
}

// Rapport's library stays free of ArgumentParser; the executable is the one place parsing formats.
extension ExportFormat: ExpressibleByArgument {}
