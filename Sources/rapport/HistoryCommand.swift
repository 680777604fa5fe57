import ArgumentParser
import Rapport
import RapportCRM
import RapportLog
import RapportTime

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
            command id, stream and type, and each field it changed with the old and new value. With --as-of, only \
            the events that occurred (business time) at or before that time: what `rapport account ID --as-of` \
            folds.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @OptionGroup var output: ReportFormatOptions

    @Option(help: "The most events to print, the first ones in log order.")
    var limit: Int = .max

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Only the events that occurred up to this time (RFC 3339, or YYYY-MM-DD for the whole day).",
            valueName: "time"
        )
    )
    var asOf: String?

    @Argument(help: "A record's stream, <kind>-<id>, or `account` followed by an account's id.")
    var target: String

    @Argument(help: "The account's id, after `account`.")
    var id: String?

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must not be negative") }
        if let asOf { _ = try TimeWindowOptions.moment(asOf, option: "--as-of") }
        if id != nil, target != "account" {
            throw ValidationError(
                "only `account` takes an id (`rapport history account ID`); name any record by its stream, "
                    + "<kind>-<id>, e.g. \(target)-\(id ?? "")"
            )
        }
    }

    func run() async throws {
        let moment = try asOf.map { try TimeWindowOptions.moment($0, option: "--as-of") }
        let log = try LogOpening.forReading(directory: data.directory, notice: EngineOptions.commandLine().notice)
        let keys = try PersonalDataKeys.forReading(of: log)
        var trail: AuditTrail
        switch (id, moment) {
        case (let id?, let moment?):
            trail = try AuditTrail.history(ofAccount: try RecordId(id), asOf: moment, in: log, keys: keys)
        case (let id?, nil): trail = try AuditTrail.history(ofAccount: try RecordId(id), in: log, keys: keys)
        case (nil, let moment?):
            trail = try AuditTrail.history(of: try StreamName(parsing: target), asOf: moment, in: log, keys: keys)
        case (nil, nil): trail = try AuditTrail.history(of: try StreamName(parsing: target), in: log, keys: keys)
        }
        trail.entries = Array(trail.entries.prefix(limit))
        print(try output.format.render(trail), terminator: "")
    }
}
