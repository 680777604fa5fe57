import Foundation
import RapportCRM

/// Writes a file's success and error files and reconciles it.
///
/// The success file lists every row taken (created, updated, unchanged) or skipped, with its outcome, events and
/// note; the error file every failed row with its code, field and message, then the input row (and, for a row
/// that could not be split into the header's columns, its text as read).
enum ImportReports {
    /// Writes the two files of one source file and returns its summary. The amounts are reconciled, and the first
    /// half of the rows written out, on tasks of their own while the second half is.
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
    ) async throws -> ImportSummary.FileSummary {
        let reconciling = Task { amounts(file, table: table, plans: plans, state: state) }
        let stem = (file.file as NSString).deletingPathExtension
        let successName = "\(stem).success.csv"
        let errorName = "\(stem).errors.csv"
        var summary = ImportSummary.FileSummary(
            file: file.file,
            record: file.record.rawValue,
            successFile: successName,
            errorFile: errorName
        )
        let middle = plans.count / 2
        let firstHalf = Task { Rows(plans[..<middle], header: table.header) }
        let secondHalf = Rows(plans[middle...], header: table.header)
        var success = CSVText(["row", "external_id", "outcome", "events", "note"], table.header)
        var errors = CSVText(["row", "error_code", "error_field", "error_message"], table.header, ["raw_row"])
        for half in [await firstHalf.value, secondHalf] {
            summary.add(half.summary)
            success.append(half.success)
            errors.append(half.errors)
        }
        try success.write(to: (outputDirectory as NSString).appendingPathComponent(successName))
        try errors.write(to: (outputDirectory as NSString).appendingPathComponent(errorName))
        summary.amounts = await reconciling.value
        return summary
    }

    /// Some of a file's rows written out: their lines of the success and error files, and their counts.
    private struct Rows: Sendable {
        var success = CSVText.rowsOnly
        var errors = CSVText.rowsOnly
        var summary = ImportSummary.FileSummary(file: "", record: "", successFile: "", errorFile: "")

        init(_ plans: ArraySlice<RowPlan>, header: [String]) {
            for index in plans.indices {
                let outcome = plans[index].outcome
                summary.read += 1
                summary.count(outcome)
                summary.events += plans[index].events
                let row = String(plans[index].row.number)
                if let failure = plans[index].failure {
                    let wellFormed = plans[index].row.fields.count == header.count
                    let input = wellFormed ? plans[index].row.fields : Array(repeating: "", count: header.count)
                    errors.add(
                        [row, failure.code, failure.field ?? "", failure.message],
                        input,
                        [wellFormed ? "" : plans[index].row.raw]
                    )
                } else {
                    let note = plans[index].skip.map { "\($0.code): \($0.message)" } ?? ""
                    success.add(
                        [row, plans[index].externalId ?? "", outcome.rawValue, String(plans[index].events), note],
                        plans[index].row.fields
                    )
                }
            }
        }
    }

    /// The amounts of an opportunity file: summed from the CSV text, and from the log's opportunities.
    private static func amounts(
        _ file: FileMapping,
        table: CSVTable,
        plans: [RowPlan],
        state: DecisionState
    ) -> ImportSummary.AmountReconciliation? {
        guard let field = file.amountField, let named = file.fields[field], let column = named.column else {
            return nil
        }
        let columns = table.columnIndexes
        let rule = named.reading(header: columns)
        var source = Money.zero
        var loaded = Money.zero
        var inLog = Money.zero
        // Rows with one external id are one record (a repeated id fails its row), so a record is counted twice
        // only when two ids make the same record id through a transform.
        let idsMayRepeat = file.externalId.transform != .none
        var counted: Set<RecordId> = []
        if idsMayRepeat { counted.reserveCapacity(plans.count) }
        for index in plans.indices where plans[index].row.problem == nil {
            let values = RowValues(columns: columns, fields: plans[index].row.fields)
            let amount = (try? values.money(rule, field: field)) ?? nil
            source = source + (amount ?? .zero)
            guard plans[index].failure == nil, plans[index].skip == nil, let id = plans[index].recordId,
                !idsMayRepeat || counted.insert(id).inserted
            else { continue }
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
