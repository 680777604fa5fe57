import Foundation
import RapportCRM

/// Writes a file's success and error files and reconciles it.
///
/// The success file lists every row taken (created, updated, unchanged) or skipped, with its outcome, events and
/// note; the error file every failed row with its code, field and message, then the input row (and, for a row
/// that could not be split into the header's columns, its text as read).
enum ImportReports {
    /// Writes the two files of one source file and returns its summary.
    ///
    /// - Parameters:
    ///   - file: The file's mapping.
    ///   - table: The file as read.
    ///   - plans: Its rows' plans, in file order.
    ///   - state: The decision state after the import, for the amounts in the log.
    ///   - outputDirectory: Where the files go.
    /// - Returns: The file's reconciliation.
    /// - Throws: `CocoaError` when a file cannot be written.
    static func write(
        _ file: FileMapping,
        table: CSVTable,
        plans: [RowPlan],
        state: DecisionState,
        outputDirectory: String
    ) throws -> ImportSummary.FileSummary {
        let stem = (file.file as NSString).deletingPathExtension
        let successName = "\(stem).success.csv"
        let errorName = "\(stem).errors.csv"
        var summary = ImportSummary.FileSummary(
            file: file.file,
            record: file.record.rawValue,
            successFile: successName,
            errorFile: errorName
        )
        var success = CSVText(["row", "external_id", "outcome", "events", "note"], table.header)
        var errors = CSVText(["row", "error_code", "error_field", "error_message"], table.header, ["raw_row"])
        for plan in plans {
            let outcome = plan.outcome
            summary.read += 1
            summary.count(outcome)
            summary.events += plan.events
            let row = String(plan.row.number)
            if let failure = plan.failure {
                let wellFormed = plan.row.fields.count == table.header.count
                let input = wellFormed ? plan.row.fields : Array(repeating: "", count: table.header.count)
                errors.add(
                    [row, failure.code, failure.field ?? "", failure.message],
                    input,
                    [wellFormed ? "" : plan.row.raw]
                )
            } else {
                let note = plan.skip.map { "\($0.code): \($0.message)" } ?? ""
                success.add([row, plan.externalId ?? "", outcome.rawValue, String(plan.events), note], plan.row.fields)
            }
        }
        summary.amounts = amounts(file, table: table, plans: plans, state: state)
        try success.write(to: (outputDirectory as NSString).appendingPathComponent(successName))
        try errors.write(to: (outputDirectory as NSString).appendingPathComponent(errorName))
        return summary
    }

    /// The amounts of an opportunity file: summed from the CSV text, and from the log's opportunities.
    private static func amounts(
        _ file: FileMapping,
        table: CSVTable,
        plans: [RowPlan],
        state: DecisionState
    ) -> ImportSummary.AmountReconciliation? {
        guard let field = file.amountField, let rule = file.fields[field], let column = rule.column else { return nil }
        var columns: [String: Int] = [:]
        for (position, name) in table.header.enumerated() where columns[name] == nil { columns[name] = position }
        var source = Money.zero
        var loaded = Money.zero
        var inLog = Money.zero
        var counted: Set<RecordId> = []
        for plan in plans where plan.row.problem == nil {
            let values = RowValues(columns: columns, fields: plan.row.fields)
            let amount = (try? values.money(rule, field: field)) ?? nil
            source = source + (amount ?? .zero)
            guard plan.failure == nil, plan.skip == nil, let id = plan.recordId, counted.insert(id).inserted else {
                continue
            }
            loaded = loaded + (amount ?? .zero)
            inLog = inLog + (state.opportunities[id]?.amount ?? .zero)
        }
        return ImportSummary.AmountReconciliation(
            column: column,
            source: source.doubleValue,
            sourceLoaded: loaded.doubleValue,
            log: inLog.doubleValue,
            balanced: loaded == inLog
        )
    }
}
