import ArgumentParser
import Rapport
import RapportProjections
import RapportTime

/// The `--at`, `--known-at` and `--as-of` options of every command that reads a read model.
struct TimeWindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only the events up to this log position (inclusive).", valueName: "position"))
    var at: UInt64?

    @Option(
        name: .customLong("known-at"),
        help: ArgumentHelp(
            "As the system knew it then: events recorded up to this time (RFC 3339, or YYYY-MM-DD for the whole day).",
            valueName: "time"
        )
    )
    var knownAt: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "As the business stood then: events that occurred up to this time (RFC 3339, or YYYY-MM-DD for the whole day).",
            valueName: "time"
        )
    )
    var asOf: String?

    /// The window the options describe.
    func window() throws -> TimeWindow {
        TimeWindow(
            at: at,
            knownAt: try knownAt.map { try Self.moment($0, option: "--known-at") },
            asOf: try asOf.map { try Self.moment($0, option: "--as-of") }
        )
    }

    /// An RFC 3339 time, or the last microsecond of a `YYYY-MM-DD` day.
    static func moment(_ text: String, option: String) throws -> Timestamp {
        if let moment = Timestamp(momentOrDay: text) { return moment }
        throw ValidationError(
            "\(option) must be an RFC 3339 time such as 2026-03-01T09:00:00Z or a date such as 2026-03-01, not \"\(text)\""
        )
    }
}
