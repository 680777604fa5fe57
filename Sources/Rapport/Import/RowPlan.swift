import RapportCRM

/// What the import makes of one CSV row: the commands that bring the log to what the row says, or why the row
/// fails or is skipped.
struct RowPlan: Sendable {
    /// The row.
    var row: CSVTable.Row
    /// The record's external id, when the row has a readable one.
    var externalId: String?
    /// The record's id made from the external id, when the row has a valid one.
    var recordId: RecordId?
    /// The commands, in order, until the import session has decided them (the reports need only their count of
    /// events); empty when the log already says what the row says.
    var commands: [CommandEnvelope] = []
    /// Why the row failed, when it did.
    var failure: ImportProblem?
    /// Why the row was skipped, when it was.
    var skip: ImportProblem?
    /// Whether the row's record did not exist before the row.
    var createsRecord = false
    /// The events its commands appended (or would append, in a dry run).
    var events = 0

    /// How the row ended.
    var outcome: ImportOutcome {
        if failure != nil { return .failed }
        if skip != nil { return .skipped }
        if events == 0 { return .unchanged }
        return createsRecord ? .created : .updated
    }
}

/// How a row ended: the terms of the reconciliation, read = created + updated + unchanged + failed + skipped.
public enum ImportOutcome: String, Sendable, CaseIterable {
    /// The row's record is new.
    case created
    /// The row changed a record the log already had.
    case updated
    /// The log already said what the row says; nothing appended.
    case unchanged
    /// The row was refused; the error file says why.
    case failed
    /// The row was deliberately not loaded (a reference table, an out-of-order update); the success file says why.
    case skipped
}
