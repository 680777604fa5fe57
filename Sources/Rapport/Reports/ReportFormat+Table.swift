import RapportProjections

extension ReportFormat {
    /// The `table` form: for each table its title, the column headings, a rule of dashes and the rows, columns
    /// two spaces apart; a column whose every non-empty cell is a number is right-aligned, others left-aligned.
    /// Lines carry no trailing spaces.
    ///
    /// - Parameter tables: The tables.
    /// - Returns: The text, ending with a line feed unless there is no table.
    static func table(_ tables: [ReportTable]) -> String {
        tables.map { aligned($0).joined(separator: "\n") + "\n" }.joined(separator: "\n")
    }

    private static func aligned(_ table: ReportTable) -> [String] {
        let columnCount = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
        let rows = ([table.columns] + table.rows).map { row in
            (0..<columnCount).map { $0 < row.count ? row[$0] : "" }
        }
        let widths = (0..<columnCount).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let rightAligned = (0..<columnCount).map { column in
            let cells = table.rows.compactMap { column < $0.count ? $0[column] : nil }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(isNumber)
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned[column] ? padding + cell : cell + padding
            }
            var text = padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return [table.title, line(rows[0]), line(rule)] + rows.dropFirst().map(line)
    }

    /// Whether a cell reads as a number: an optional sign, digits (with `,` between thousands), an optional
    /// fraction and an optional `%`.
    static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        if rest.last == "%" { rest = rest.dropLast() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole.first?.isASCIIDigit == true,
            whole.allSatisfy({ $0.isASCIIDigit || $0 == "," })
        else { return false }
        guard parts.count == 2 else { return true }
        return !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
