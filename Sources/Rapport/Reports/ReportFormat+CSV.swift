import RapportProjections

extension ReportFormat {
    /// The `csv` form, as ``render(_:)`` describes it.
    ///
    /// - Parameter tables: The tables.
    /// - Returns: The text, ending with a line feed unless there is no table.
    static func csv(_ tables: [ReportTable]) -> String {
        guard tables.count > 1 else {
            return tables.first.map(records) ?? ""
        }
        return tables.map { "# \($0.title)\n" + records($0) }.joined(separator: "\n")
    }

    private static func records(_ table: ReportTable) -> String {
        ([table.columns] + table.rows).map { $0.map(csvField).joined(separator: ",") + "\n" }.joined()
    }

    /// A field as RFC 4180 writes it: quoted when it holds a comma, a double quote, a carriage return or a line
    /// feed, with each double quote inside doubled.
    ///
    /// - Parameter text: The field.
    /// - Returns: The field as written.
    static func csvField(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return text
        }
        var quoted = "\""
        for character in text {
            quoted += character == "\"" ? "\"\"" : String(character)
        }
        return quoted + "\""
    }
}
