import Foundation

/// CSV text being written, RFC 4180: a field with a comma, a double quote or a line break is quoted. The text is
/// kept as UTF-8 bytes, since the import writes a row of it for every row it reads.
struct CSVText {
    private var bytes: [UInt8] = []

    /// Starts with a header row made of the given groups of column names.
    init(_ header: [String]...) { append(row: header) }

    /// An empty text, without a header row, for rows to be appended to another text.
    static var rowsOnly: CSVText { CSVText(bytes: []) }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Appends the rows of another text.
    mutating func append(_ other: CSVText) { bytes.append(contentsOf: other.bytes) }

    /// Adds a row made of the given groups of fields, in order, without joining the groups first.
    mutating func add(_ groups: [String]...) { append(row: groups) }

    /// Writes the text to a file, replacing it.
    func write(to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private mutating func append(row groups: [[String]]) {
        var first = true
        for group in groups {
            for field in group {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                append(field)
            }
        }
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func append(_ field: String) {
        var field = field
        field.withUTF8 { utf8 in
            guard utf8.contains(where: Self.needsQuotes) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}
