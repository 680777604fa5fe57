import Rapport
import RapportCRM
import RapportProjections
import RapportTime
import Testing

/// The three output formats of reports, checked byte for byte.
struct ReportFormatTests {
    /// A report of two tables, the second empty.
    struct StageReport: TabularReport {
        struct Stage: Encodable {
            var name: String
            var count: Int
            var amount: Money
            var closeDate: String
        }

        var asOf: Timestamp
        var path: String
        var stages: [Stage]

        var tables: [ReportTable] {
            [
                ReportTable(
                    title: "By stage",
                    columns: ["Stage", "Count", "Amount", "Close"],
                    rows: stages.map { [$0.name, String($0.count), $0.amount.description, $0.closeDate] }
                ),
                ReportTable(title: "Notes", columns: ["Note"], rows: []),
            ]
        }
    }

    /// A report of one table, as given.
    struct PlainReport: TabularReport {
        var table: ReportTable
        var tables: [ReportTable] { [table] }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(table.rows)
        }
    }

    static let report = StageReport(
        asOf: Timestamp(microsecondsSinceEpoch: 1_740_819_600_000_000),
        path: "reports/q3",
        stages: [
            .init(name: "Prospecting", count: 3, amount: Money(tenThousandths: 15_005_000), closeDate: "2025-09-30"),
            .init(name: "Won", count: 12, amount: Money(units: -20), closeDate: ""),
        ]
    )

    @Test func tableAlignsColumnsRightAlignsNumbersAndSeparatesTablesWithABlankLine() throws {
        let expected = [
            "By stage",
            "Stage        Count  Amount  Close",
            "-----------  -----  ------  ----------",
            "Prospecting      3  1500.5  2025-09-30",
            "Won             12     -20",
            "",
            "Notes",
            "Note",
            "----",
            "",
        ]
        #expect(try ReportFormat.table.render(Self.report) == expected.joined(separator: "\n"))
    }

    @Test func tableRightAlignsAColumnOnlyWhenEveryFilledCellIsANumber() throws {
        let table = ReportTable(
            title: "Mixed",
            columns: ["Share", "Amount", "Label", "Code"],
            rows: [["25%", "1,250.75", "7", "12"], ["", "+3", "x", "1.2.3"], ["100%", "-0.5", "", "."]]
        )
        let expected = [
            "Mixed",
            "Share    Amount  Label  Code",
            "-----  --------  -----  -----",
            "  25%  1,250.75  7      12",
            "             +3  x      1.2.3",
            " 100%      -0.5         .",
            "",
        ]
        #expect(try ReportFormat.table.render(PlainReport(table: table)) == expected.joined(separator: "\n"))
    }

    /// The row of a one-column table holding the cell, under a heading of 14 characters.
    private func row(of cell: String) throws -> String {
        let table = ReportTable(title: "Alignment", columns: ["A long heading"], rows: [[cell]])
        return try ReportFormat.table.render(PlainReport(table: table)).split(separator: "\n")[3].description
    }

    @Test(arguments: ["12", "-3", "+4", "1,000", "1.25", "50%", "-0.5%"])
    func numbersAreRightAligned(_ text: String) throws {
        #expect(try row(of: text) == String(repeating: " ", count: 14 - text.count) + text)
    }

    @Test(arguments: ["-", "%", "1.", ".5", "1.2.3", "2025-09-30", "12a", ",1", "1e5", "\u{663}"])
    func otherTextIsLeftAligned(_ text: String) throws {
        #expect(try row(of: text) == text)
    }

    @Test func jsonIsThePrettyPrintedEncodableFormWithSortedKeys() throws {
        let expected = """
            {
              "asOf" : "2025-03-01T09:00:00.000000Z",
              "path" : "reports/q3",
              "stages" : [
                {
                  "amount" : 1500.5,
                  "closeDate" : "2025-09-30",
                  "count" : 3,
                  "name" : "Prospecting"
                },
                {
                  "amount" : -20,
                  "closeDate" : "",
                  "count" : 12,
                  "name" : "Won"
                }
              ]
            }

            """
        #expect(try ReportFormat.json.render(Self.report) == expected)
    }

    @Test func csvPrintsSeveralTablesEachAfterItsTitleLine() throws {
        let expected = [
            "# By stage",
            "Stage,Count,Amount,Close",
            "Prospecting,3,1500.5,2025-09-30",
            "Won,12,-20,",
            "",
            "# Notes",
            "Note",
            "",
        ]
        #expect(try ReportFormat.csv.render(Self.report) == expected.joined(separator: "\n"))
    }

    @Test func csvQuotesFieldsWithCommasQuotesAndLineBreaksAndPrintsOneTableWithoutTitle() throws {
        let table = ReportTable(
            title: "Quoting",
            columns: ["Name", "Comment"],
            rows: [
                ["Acme, Inc.", #"said "hi""#],
                ["Line\nbreak", "CR\rhere"],
                ["Both\r\nends", ""],
                ["plain", #"""#],
            ]
        )
        let expected =
            "Name,Comment\n" + #""Acme, Inc.","said ""hi""""# + "\n" + "\"Line\nbreak\",\"CR\rhere\"\n"
            + "\"Both\r\nends\",\n" + "plain," + #""""""# + "\n"
        #expect(try ReportFormat.csv.render(PlainReport(table: table)) == expected)
    }

    @Test func anEmptyTablePrintsItsHeadingsAndAReportWithoutTablesPrintsNothing() throws {
        let empty = PlainReport(table: ReportTable(title: "Nothing yet", columns: ["Id", "Amount"], rows: []))
        #expect(try ReportFormat.table.render(empty) == "Nothing yet\nId  Amount\n--  ------\n")
        #expect(try ReportFormat.csv.render(empty) == "Id,Amount\n")
        #expect(try ReportFormat.json.render(empty) == "[\n\n]\n")
        let none = StageReport(asOf: Self.report.asOf, path: "", stages: [])
        #expect(try ReportFormat.table.render(none).hasPrefix("By stage\nStage  Count  Amount  Close\n"))
    }

    @Test func formatsAreNamedByTheirRawValues() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["table", "json", "csv"])
        #expect(ReportFormat(rawValue: "csv") == .csv)
        #expect(ReportFormat(rawValue: "xml") == nil)
    }
}
