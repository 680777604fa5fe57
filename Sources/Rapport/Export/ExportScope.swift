public import RapportCRM

/// Which events an export holds.
public enum ExportScope: Sendable, Hashable {
    /// Every event of the log.
    case all
    /// The events of one record's stream.
    case stream(StreamName)
    /// An account's events with those of every record related to it: the events ``AuditTrail/history(ofAccount:in:)``
    /// lists (the accounts merged into it, and its contacts, opportunities, cases, activities and tasks while they
    /// belonged to it), and every event of the leads converted into one of these accounts.
    case account(RecordId)
}
