import Dispatch
import Synchronization

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
        let first = bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer, offset: buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            return scanner.nextRow(expectedFields: 8).map { ($0, scanner.offset) }
        }
        guard let (headerRow, dataStart) = first else {
            throw ImportProblem("csv_no_header", "\(file) is empty: a CSV file needs a header row")
        }
        guard headerRow.problem == nil, !(headerRow.fields.count == 1 && headerRow.fields[0].isEmpty) else {
            throw ImportProblem(
                "csv_no_header",
                "\(file) has no readable header row: \(headerRow.problem?.message ?? "it is empty")"
            )
        }
        let header = headerRow.fields
        return CSVTable(header: header, rows: scanRows(of: bytes, from: dataStart, columns: header.count))
    }

    /// Scans the rows after the header, a large file in two halves at once: the second half is taken to start at
    /// the first line break after the middle, which holds when the first half's last row ends there. When it does
    /// not (a quoted field spans the break), the whole is scanned again in one.
    private static func scanRows(of bytes: [UInt8], from start: Int, columns: Int) -> [CSVTable.Row] {
        let middle = start + (bytes.count - start) / 2
        guard bytes.count - start >= parallelScanMinimum,
            let lineBreak = bytes[middle...].firstIndex(of: newline), lineBreak + 1 < bytes.count
        else { return scan(bytes, from: start, to: bytes.count, columns: columns) }
        let bounds = [(start, lineBreak + 1), (lineBreak + 1, bytes.count)]
        let scanned = Mutex<[[CSVTable.Row]]>([[], []])
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let rows = scan(bytes, from: bounds[half].0, to: bounds[half].1, columns: columns)
            scanned.withLock { $0[half] = rows }
        }
        // Taken out of the lock, so that each half is held once and changed in place.
        var (rows, second) = scanned.withLock { halves in
            defer { halves = [] }
            return (halves[0], halves[1])
        }
        guard rows.last?.problem?.code != "csv_unclosed_quote" else {
            return scan(bytes, from: start, to: bytes.count, columns: columns)
        }
        let before = UInt64(rows.count)
        for index in second.indices { second[index].number += before }
        rows.append(contentsOf: second)
        return rows
    }

    /// The rows between two offsets, read as if the file ended at the second, numbered from 2 (the first row after
    /// a header).
    private static func scan(_ bytes: [UInt8], from start: Int, to end: Int, columns: Int) -> [CSVTable.Row] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: UnsafeBufferPointer(rebasing: buffer[..<end]), offset: start)
            var rows: [CSVTable.Row] = []
            while let scanned = scanner.nextRow(expectedFields: columns) {
                var row = CSVTable.Row(
                    number: UInt64(rows.count + 2),
                    fields: scanned.fields,
                    raw: "",
                    problem: scanned.problem
                )
                if row.problem == nil, row.fields.count != columns {
                    row.problem = ImportProblem(
                        "csv_column_count",
                        "the row has \(row.fields.count) fields; the header has \(columns) columns"
                    )
                }
                if row.problem != nil {
                    row.raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[scanned.text]), as: UTF8.self)
                }
                rows.append(row)
            }
            return rows
        }
    }

    /// The size from which a file's rows are scanned in two halves at once.
    private static let parallelScanMinimum = 256 * 1024

    /// Walks the bytes row by row. An unquoted field, the common case, becomes a string straight from its bytes;
    /// only a quoted or malformed one is copied byte by byte.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int
        /// Set when a field of the current row is not UTF-8.
        private var invalidUTF8 = false
        /// The bytes of a field being unquoted or repaired.
        private var field: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, offset: Int) {
            self.bytes = bytes
            self.offset = offset
        }

        /// The next row: its fields, where its text lies in the bytes, and its problem; nil at the end of the file.
        /// An empty last line is not a row.
        mutating func nextRow(expectedFields: Int) -> (fields: [String], text: Range<Int>, problem: ImportProblem?)? {
            guard offset < bytes.count else { return nil }
            let rowStart = offset
            var fields: [String] = []
            fields.reserveCapacity(expectedFields)
            var problem: ImportProblem?
            invalidUTF8 = false
            var rowEnd = bytes.count
            var atEnd = false
            fieldLoop: while !atEnd {
                let fieldStart = offset
                if offset < bytes.count, bytes[offset] == CSVReader.quote {
                    field.removeAll(keepingCapacity: true)
                    guard readQuoted() else {
                        problem = ImportProblem(
                            "csv_unclosed_quote",
                            "a quoted field is still open at the end of the file"
                        )
                        fields.append(text(of: field))
                        break fieldLoop
                    }
                } else {
                    while offset < bytes.count, !CSVReader.endsUnquotedRun(bytes[offset]) { offset += 1 }
                    if offset == bytes.count || bytes[offset] != CSVReader.quote {
                        fields.append(text(of: UnsafeBufferPointer(rebasing: bytes[fieldStart..<offset])))
                        atEnd = offset == bytes.count || endField(at: &rowEnd)
                        continue fieldLoop
                    }
                    field.removeAll(keepingCapacity: true)
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[fieldStart..<offset]))
                }
                // After a closing quote, or at a quote inside an unquoted field: the rest up to the separator is
                // kept, and the row fails.
                let quoted = bytes[fieldStart] == CSVReader.quote
                while offset < bytes.count {
                    let byte = bytes[offset]
                    if byte == CSVReader.comma || byte == CSVReader.newline || byte == CSVReader.carriageReturn {
                        break
                    }
                    if problem == nil {
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
                fields.append(text(of: field))
                atEnd = offset == bytes.count || endField(at: &rowEnd)
            }
            if problem == nil, invalidUTF8 {
                problem = ImportProblem("csv_invalid_utf8", "the row holds bytes that are not UTF-8")
            }
            return (fields, rowStart..<min(rowEnd, bytes.count), problem)
        }

        /// Reads a quoted field from its opening quote into ``field``, undoubling quotes.
        ///
        /// - Returns: Whether the field was closed before the end of the file.
        private mutating func readQuoted() -> Bool {
            offset += 1
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                guard byte == CSVReader.quote else {
                    field.append(byte)
                    continue
                }
                guard offset < bytes.count, bytes[offset] == CSVReader.quote else { return true }
                field.append(CSVReader.quote)
                offset += 1
            }
            return false
        }

        /// Steps over the separator at ``offset``, a comma or a line break (CRLF counts as one).
        ///
        /// - Parameter rowEnd: Set to where the row's text ends, when the separator ends the row.
        /// - Returns: Whether the separator ended the row.
        private mutating func endField(at rowEnd: inout Int) -> Bool {
            let byte = bytes[offset]
            offset += 1
            guard byte != CSVReader.comma else { return false }
            rowEnd = offset - 1
            if byte == CSVReader.carriageReturn, offset < bytes.count, bytes[offset] == CSVReader.newline {
                offset += 1
            }
            return true
        }

        /// A field's text; bytes that are not UTF-8 are replaced and mark the row.
        private mutating func text(of bytes: [UInt8]) -> String {
            bytes.withUnsafeBufferPointer { text(of: $0) }
        }

        /// A field's text; bytes that are not UTF-8 are replaced and mark the row.
        private mutating func text(of bytes: UnsafeBufferPointer<UInt8>) -> String {
            if let text = String(validUTF8: UnsafeRawBufferPointer(bytes)) { return text }
            invalidUTF8 = true
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Whether a byte ends a run of an unquoted field's bytes: a separator, or a quote, which has no place there.
    @inline(__always)
    private static func endsUnquotedRun(_ byte: UInt8) -> Bool {
        byte == comma || byte == newline || byte == carriageReturn || byte == quote
    }
}
