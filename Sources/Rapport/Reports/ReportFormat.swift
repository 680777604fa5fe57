import Foundation
public import RapportProjections

/// How a report is printed: `table` for people, `json` and `csv` for scripts and spreadsheets.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Each table under its title, columns aligned, numbers right-aligned; a blank line between tables.
    case table
    /// The report's `Encodable` form as one pretty-printed JSON document with sorted keys.
    case json
    /// The tables as CSV quoted per RFC 4180 (see ``render(_:)`` for how several tables are laid out).
    case csv

    /// Prints a report in this format.
    ///
    /// The text always ends with a line feed, so it can be written as is. In `csv`, a report of one table is
    /// plain CSV: its header row, then its rows. A report of several tables prints each one after a line
    /// `# <title>`, with a blank line between tables. Fields holding a comma, a double quote, a carriage return
    /// or a line feed are quoted, double quotes inside doubled; records end with a line feed.
    ///
    /// - Parameter report: The report.
    /// - Returns: The text.
    /// - Throws: `EncodingError` when the report's `Encodable` form cannot be written as JSON (`json` only).
    public func render(_ report: some TabularReport) throws -> String {
        switch self {
        case .table: Self.table(report.tables)
        case .json: try Self.json(report)
        case .csv: Self.csv(report.tables)
        }
    }

    private static func json(_ report: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
