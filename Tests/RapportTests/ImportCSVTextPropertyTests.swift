import Foundation
import PropertyBased
import Testing

@testable import Rapport

/// The import's report files are written by ``CSVText`` and must read back, field for field, through the import's
/// own reader: quoting, doubled quotes, line breaks and multi-byte text included.
struct ImportCSVTextPropertyTests {
    /// A header and rows of the same width.
    struct Table: Sendable, CustomStringConvertible {
        var header: [String]
        var rows: [[String]]
        var description: String { ([header] + rows).map { $0.debugDescription }.joined(separator: "\n") }
    }

    static let tables = Generator<Table, Shrink.None<Table>> { rng in
        let pieces = ["a", "Z", "0", " ", ",", "\"", "\n", "\r", "\r\n", "é", "日", "😀", "x,y", "\"\""]
        func field() -> String {
            (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces[Int.random(in: pieces.indices, using: &rng)] }
                .joined()
        }
        let width = Int.random(in: 2...5, using: &rng)
        let header = (0..<width).map { "c\($0)\(field())" }
        let rows = (0..<Int.random(in: 0...12, using: &rng)).map { _ in (0..<width).map { _ in field() } }
        return Table(header: header, rows: rows)
    }

    @Test func writtenRowsReadBackFieldForField() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csvtext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("t.csv").path
        await propertyCheck(count: 300, input: Self.tables) { table throws in
            var text = CSVText(Array(table.header.prefix(1)), Array(table.header.dropFirst()))
            for row in table.rows { text.add(Array(row.prefix(1)), [], Array(row.dropFirst())) }
            try text.write(to: path)
            let read = try CSVReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: "t.csv")
            #expect(read.header == table.header)
            #expect(read.rows.map(\.fields) == table.rows)
            #expect(read.rows.allSatisfy { $0.problem == nil })
        }
    }
}
