/// One table of a report, as the `table` and `csv` output formats print it.
public struct ReportTable: Sendable, Hashable {
    /// The table's title, e.g. `By stage`.
    public var title: String
    /// The column headings.
    public var columns: [String]
    /// The rows, each with one text per column.
    public var rows: [[String]]

    /// Creates a table.
    ///
    /// - Parameters:
    ///   - title: The title.
    ///   - columns: The column headings.
    ///   - rows: The rows, each as long as `columns`.
    public init(title: String, columns: [String], rows: [[String]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// A report that prints as JSON (its `Encodable` form, the contract scripts rely on) and as tables.
public protocol TabularReport: Encodable, Sendable {
    /// The report as tables, in reading order.
    var tables: [ReportTable] { get }
}
