/// Splits CSV bytes into rows by RFC 4180: fields separated by commas, rows by CRLF or LF, a field in double
/// quotes may hold commas, line breaks and doubled quotes.
///
/// A problem makes only its own row fail: a quote inside an unquoted field or text after a closing quote
/// (`csv_bad_quote`, the rest of the line is skipped), a quoted field still open at the end of the file
/// (`csv_unclosed_quote`), bytes that are not UTF-8 (`csv_invalid_utf8`) and a field count that differs from the
/// header's (`csv_column_count`).
enum CSVReader {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Reads a whole file.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes (a UTF-8 byte order mark at the start is skipped).
    ///   - file: The file's name, for messages.
    /// - Returns: The header and the rows.
    /// - Throws: ``ImportProblem`` `csv_no_header` when the file is empty or its header row is malformed.
    static func read(_ bytes: [UInt8], file: String) throws(ImportProblem) -> CSVTable {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var rows: [CSVTable.Row] = []
        var scanner = Scanner(bytes: bytes, offset: start)
        var number: UInt64 = 0
        var header: [String]?
        while let scanned = scanner.nextRow() {
            number += 1
            var row = CSVTable.Row(number: number, fields: scanned.fields, raw: scanned.raw, problem: scanned.problem)
            guard let columns = header else {
                guard row.problem == nil, !(row.fields.count == 1 && row.fields[0].isEmpty) else {
                    throw ImportProblem(
                        "csv_no_header",
                        "\(file) has no readable header row: \(row.problem?.message ?? "it is empty")"
                    )
                }
                header = row.fields
                continue
            }
            if row.problem == nil, row.fields.count != columns.count {
                row.problem = ImportProblem(
                    "csv_column_count",
                    "row \(number) has \(row.fields.count) fields; the header has \(columns.count) columns"
                )
            }
            rows.append(row)
        }
        guard let header else {
            throw ImportProblem("csv_no_header", "\(file) is empty: a CSV file needs a header row")
        }
        return CSVTable(header: header, rows: rows)
    }

    /// Walks the bytes row by row.
    private struct Scanner {
        let bytes: [UInt8]
        var offset: Int

        init(bytes: [UInt8], offset: Int) {
            self.bytes = bytes
            self.offset = offset
        }

        /// The next row, or nil at the end of the file. An empty last line is not a row.
        mutating func nextRow() -> (fields: [String], raw: String, problem: ImportProblem?)? {
            guard offset < bytes.count else { return nil }
            let rowStart = offset
            var fields: [String] = []
            var field: [UInt8] = []
            var problem: ImportProblem?
            var invalidUTF8 = false
            func finish(_ field: [UInt8]) {
                guard let text = String(validating: field, as: UTF8.self) else {
                    invalidUTF8 = true
                    fields.append(String(decoding: field, as: UTF8.self))
                    return
                }
                fields.append(text)
            }
            var rowEnd = bytes.count
            var atEnd = false
            fieldLoop: while !atEnd {
                field.removeAll(keepingCapacity: true)
                let quoted = offset < bytes.count && bytes[offset] == CSVReader.quote
                if quoted {
                    offset += 1
                    var closed = false
                    while offset < bytes.count {
                        let byte = bytes[offset]
                        offset += 1
                        if byte == CSVReader.quote {
                            if offset < bytes.count, bytes[offset] == CSVReader.quote {
                                field.append(CSVReader.quote)
                                offset += 1
                            } else {
                                closed = true
                                break
                            }
                        } else {
                            field.append(byte)
                        }
                    }
                    guard closed else {
                        problem = ImportProblem(
                            "csv_unclosed_quote",
                            "a quoted field is still open at the end of the file"
                        )
                        finish(field)
                        break fieldLoop
                    }
                }
                while offset < bytes.count {
                    let byte = bytes[offset]
                    if byte == CSVReader.comma {
                        offset += 1
                        finish(field)
                        continue fieldLoop
                    }
                    if byte == CSVReader.newline || byte == CSVReader.carriageReturn {
                        rowEnd = offset
                        offset += 1
                        if byte == CSVReader.carriageReturn, offset < bytes.count, bytes[offset] == CSVReader.newline {
                            offset += 1
                        }
                        finish(field)
                        atEnd = true
                        continue fieldLoop
                    }
                    if quoted || byte == CSVReader.quote, problem == nil {
                        problem = ImportProblem(
                            "csv_bad_quote",
                            quoted
                                ? "field \(fields.count + 1) has text after its closing double quote"
                                : "field \(fields.count + 1) has a double quote that neither opens nor closes a quoted "
                                    + "field"
                        )
                    }
                    field.append(byte)
                    offset += 1
                }
                rowEnd = bytes.count
                finish(field)
                atEnd = true
            }
            if problem == nil, invalidUTF8 {
                problem = ImportProblem("csv_invalid_utf8", "the row holds bytes that are not UTF-8")
            }
            let raw = String(decoding: bytes[rowStart..<min(rowEnd, bytes.count)], as: UTF8.self)
            return (fields, raw, problem)
        }
    }
}
