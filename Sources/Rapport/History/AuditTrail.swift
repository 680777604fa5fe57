public import RapportProjections
import RapportTime

/// The audit trail of a record or of an account with everything related to it: every event in log order, with
/// who caused it, both of its times and the fields it changed.
///
/// Build one with ``history(of:in:)`` or ``history(ofAccount:in:)``. As a report, its JSON form is
/// `{"subject", "entries"}` and its one table has a row per changed field (an event that changed nothing has
/// one row with the field columns empty).
public struct AuditTrail: TabularReport, Hashable {
    /// What the trail is of: a stream name such as `opportunity-O1`, or `account A1` for an account with its
    /// related records.
    public var subject: String
    /// The events, in log order.
    public var entries: [AuditEntry]

    /// Creates a trail.
    ///
    /// - Parameters:
    ///   - subject: What it is of.
    ///   - entries: The events, in log order.
    public init(subject: String, entries: [AuditEntry]) {
        self.subject = subject
        self.entries = entries
    }

    private enum CodingKeys: String, CodingKey {
        case subject, entries
    }

    /// One table, `History of <subject>`: position, both times, actor, command id, stream, type, then the
    /// field and its old and new values.
    public var tables: [ReportTable] {
        let columns = [
            "Position", "Occurred at", "Recorded at", "Actor", "Command", "Stream", "Type", "Field", "Old", "New",
        ]
        let rows = entries.flatMap { entry in
            let event = [
                String(entry.position), entry.occurredAt.rfc3339, entry.recordedAt.rfc3339, entry.actor,
                entry.commandId ?? "", entry.stream, entry.type,
            ]
            guard !entry.changes.isEmpty else { return [event + ["", "", ""]] }
            return entry.changes.map { change in
                event + [change.field, change.old?.cellText ?? "", change.new?.cellText ?? ""]
            }
        }
        return [ReportTable(title: "History of \(subject)", columns: columns, rows: rows)]
    }
}
