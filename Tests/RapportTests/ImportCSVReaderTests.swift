import Testing

@testable import Rapport

struct ImportCSVReaderTests {
    private func read(_ text: String) throws -> CSVTable {
        try CSVReader.read(Array(text.utf8), file: "t.csv")
    }

    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let table = try read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.fields) == [["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
        #expect(table.rows.map(\.number) == [2, 3])
        #expect(table.rows.allSatisfy { $0.problem == nil })
    }

    @Test func skipsAByteOrderMarkAndReadsAFileWithoutAFinalLineBreak() throws {
        let table = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("id,n\n1,2".utf8), file: "t.csv")
        #expect(table.header == ["id", "n"])
        #expect(table.rows.map(\.fields) == [["1", "2"]])
    }

    /// Each malformed row fails on its own, with its code; the rows around it are read.
    @Test(arguments: [
        ("1,2\nx\"y,3\n4,5\n", "csv_bad_quote"),
        ("1,2\n\"x\"y,3\n4,5\n", "csv_bad_quote"),
        ("1,2\n1,2,3\n4,5\n", "csv_column_count"),
        ("1,2\n7\n4,5\n", "csv_column_count"),
    ])
    func reportsAMalformedRowAndReadsTheOthers(body: String, code: String) throws {
        let table = try read("a,b\n" + body)
        #expect(table.rows.count == 3)
        #expect(table.rows.map { $0.problem?.code } == [nil, code, nil])
        #expect(table.rows[2].fields == ["4", "5"])
        #expect(table.rows[1].number == 3)
    }

    @Test func reportsBytesThatAreNotUTF8OnTheirRow() throws {
        let bytes =
            Array("a,b\n1,2\n".utf8) + [UInt8(ascii: "x"), 0xFF, UInt8(ascii: ","), UInt8(ascii: "y"), 10]
            + Array("3,4\n".utf8)
        let table = try CSVReader.read(bytes, file: "t.csv")
        #expect(table.rows.map { $0.problem?.code } == [nil, "csv_invalid_utf8", nil])
        #expect(table.rows[1].raw == "x\u{FFFD},y")
    }

    @Test func reportsAQuoteLeftOpenUntilTheEndOfTheFile() throws {
        let table = try read("a,b\n1,2\n\"open,3\n4,5\n")
        #expect(table.rows.map { $0.problem?.code } == [nil, "csv_unclosed_quote"])
        #expect(table.rows[1].raw == "\"open,3\n4,5\n")
    }

    /// The error file shows a malformed row as it was written, without its line break; a row that reads well is
    /// shown by its fields, so its text is not kept.
    @Test func keepsTheTextOfTheRowsThatCannotBeUsedOnly() throws {
        let table = try read("a,b\r\n1,2\r\n1,2,3\r\nx\"y,3\r\n\"q\"z,4\n\"5\",\"6\"")
        #expect(table.rows.map(\.raw) == ["", "1,2,3", "x\"y,3", "\"q\"z,4", ""])
        #expect(table.rows.map(\.fields) == [["1", "2"], ["1", "2", "3"], ["x\"y", "3"], ["qz", "4"], ["5", "6"]])
    }

    /// A large file is read in two halves at once; the rows and their numbers are those of a reading in one, also
    /// when the middle of the file falls inside a quoted field that spans lines.
    @Test(arguments: [false, true])
    func readsALargeFileInHalvesAsInOne(quotedLines: Bool) throws {
        let count = 6_000
        func note(_ number: Int) -> (written: String, read: String) {
            let padding = String(repeating: "x", count: number % 40)
            guard quotedLines else { return ("plain note" + padding, "plain note" + padding) }
            return (
                "\"first line\nsecond, \"\"quoted\"\"\nthird line\(padding)\"",
                "first line\nsecond, \"quoted\"\nthird line\(padding)"
            )
        }
        var text = "id,note,amount\r\n"
        for number in 0..<count { text += "row-\(number),\(note(number).written),\(number)\r\n" }
        text += "row-bad,\"open\n"
        let table = try read(text)
        #expect(text.utf8.count > 256 * 1024)
        #expect(table.rows.count == count + 1)
        #expect(table.rows.map(\.number) == (0...count).map { UInt64($0 + 2) })
        let wellRead = table.rows.dropLast().enumerated().filter { number, row in
            row.problem == nil && row.fields == ["row-\(number)", note(number).read, "\(number)"]
        }
        #expect(wellRead.count == count)
        #expect(table.rows.last?.problem?.code == "csv_unclosed_quote")
    }

    @Test(arguments: ["", "\"a,b\n"])
    func refusesAFileWithoutAReadableHeader(text: String) {
        #expect(throws: ImportProblem.self) { try read(text) }
    }
}
