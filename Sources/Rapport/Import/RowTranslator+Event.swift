import Foundation
import RapportCRM
import RapportTime

extension RowTranslator {
    /// The columns of Rapport's CSV export an event row is read from.
    static let eventColumns = ["stream", "streamVersion", "type", "occurredAt", "actor", "data"]

    /// The command of an event row of Rapport's CSV export: the command that causes the event, at the event's
    /// business time and by its actor, with a command id derived from the event's id, so that importing the same
    /// export again appends nothing.
    ///
    /// - Parameter row: The row.
    /// - Returns: The plan.
    func eventPlan(_ row: CSVTable.Row) -> RowPlan {
        var plan = RowPlan(row: row)
        do throws(ImportProblem) {
            let (values, key, _) = try identify(row, in: &plan)
            func column(_ name: String) throws(ImportProblem) -> String {
                try values.requiredText(ValueRule(column: name), field: name)
            }
            let streamText = try column("stream")
            let stream: StreamName
            do {
                stream = try StreamName(parsing: streamText)
            } catch {
                throw ImportProblem("invalid_value", field: "stream", "column stream \"\(streamText)\": \(error)")
            }
            let occurredText = try column("occurredAt")
            guard let occurredAt = Timestamp(rfc3339: occurredText) else {
                throw ImportProblem(
                    "invalid_date",
                    field: "occurredAt",
                    "column occurredAt \"\(occurredText)\" is not an RFC 3339 time"
                )
            }
            let command = try EventReplay.command(
                type: try column("type"),
                stream: stream,
                data: Data(try column("data").utf8)
            )
            plan.commands = [
                CommandEnvelope(
                    command,
                    actor: try column("actor"),
                    commandId: "import:\(mapping.name):event:\(key)",
                    occurredAt: occurredAt,
                    provenance: ImportProvenance(batchId: batchId, file: file.file, row: row.number)
                )
            ]
            plan.createsRecord = try column("streamVersion") == "1"
        } catch {
            plan.failure = error
        }
        return plan
    }
}
