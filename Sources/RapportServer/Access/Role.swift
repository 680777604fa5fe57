/// What a token may do. Each endpoint names the roles it admits; `admin` is admitted everywhere.
public enum Role: String, CaseIterable, Codable, Sendable, Hashable {
    /// Runs commands (`POST /commands`).
    case writer
    /// Reads the read models (pipeline, backlog, funnel, account 360).
    case analyst
    /// Reads history, events and the integrity report.
    case auditor
    /// Follows the event stream and keeps durable subscriptions.
    case subscriber
    /// Everything, and snapshots.
    case admin
}
