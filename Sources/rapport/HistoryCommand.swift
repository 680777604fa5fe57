import ArgumentParser
import Rapport
import RapportCRM
import RapportLog

/// `rapport history`: the audit trail of a record, or of an account with everything related to it.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print the audit trail of a record or of an account: every event and the fields it changed.",
        discussion: """
            `rapport history STREAM` (e.g. opportunity-O1) prints every event of that record's stream. \
            `rapport history account ID` prints the account's events with those of the accounts merged into it \
            and of its contacts, opportunities, cases, activities and tasks while they belonged to it, in log \
            order. Each event shows its position, business time (occurred at), record time (recorded at), actor, \
            command id, stream and type, and each field it changed with the old and new value.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @OptionGroup var output: ReportFormatOptions

    @Option(help: "The most events to print, the first ones in log order.")
    var limit: Int = .max

    @Argument(help: "A record's stream, <kind>-<id>, or `account` followed by an account's id.")
    var target: String

    @Argument(help: "The account's id, after `account`.")
    var id: String?

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must not be negative") }
        if id != nil, target != "account" {
            throw ValidationError(
                "only `account` takes an id (`rapport history account ID`); name any record by its stream, "
                    + "<kind>-<id>, e.g. \(target)-\(id ?? "")"
            )
        }
    }

    func run() async throws {
        let log = try EventLog.openForReading(directory: data.directory)
        var trail =
            if let id {
                try AuditTrail.history(ofAccount: try RecordId(id), in: log)
            } else {
                try AuditTrail.history(of: try StreamName(parsing: target), in: log)
            }
        trail.entries = Array(trail.entries.prefix(limit))
        print(try output.format.render(trail), terminator: "")
    }
}
