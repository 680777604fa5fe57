/// A CSV file read into rows: the header's column names and each data row's fields, or why the row could not be
/// read.
///
/// This is a small RFC 4180 reader written here rather than taken from a library: an import must report every
/// malformed row on its own (a stray quote, a field count that does not match the header, bytes that are not
/// UTF-8) and go on with the next one, and the CSV libraries at hand either stop at the first problem or repair
/// rows silently.
struct CSVTable: Sendable {
    /// One data row.
    struct Row: Sendable {
        /// The row's number in the file: 1 is the header, so the first data row is 2.
        var number: UInt64
        /// The fields, one per header column when the row is well formed.
        var fields: [String]
        /// The text of a row that cannot be used, as read, with bytes that are not UTF-8 replaced, for the error
        /// file; empty for a row that reads well, which the error file gives by its fields.
        var raw: String
        /// Why the row cannot be used, when it cannot.
        var problem: ImportProblem?
    }

    /// The column names of the header row.
    var header: [String]
    /// The data rows in file order.
    var rows: [Row]

    /// The index of a column by its name.
    ///
    /// - Parameter name: The column's name in the header.
    /// - Returns: Its index, or nil when the header has no such column.
    func column(named name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// The index of each column by its name (the first, when a name is repeated), for rules that read many rows.
    var columnIndexes: [String: Int] {
        var columns: [String: Int] = [:]
        for (position, name) in header.enumerated() where columns[name] == nil { columns[name] = position }
        return columns
    }
}

/// Why an import row failed or was skipped: a stable code and a message naming the column and the rule.
struct ImportProblem: Sendable, Hashable, Error {
    /// The stable code, e.g. `csv_bad_quote` or `parent_not_found`.
    var code: String
    /// The column or command field concerned, when there is one.
    var field: String?
    /// What is wrong, naming the column and the rule.
    var message: String

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - code: The stable code.
    ///   - field: The column or field concerned.
    ///   - message: What is wrong.
    init(_ code: String, field: String? = nil, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }
}
