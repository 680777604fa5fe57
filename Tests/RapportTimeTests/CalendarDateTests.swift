import Foundation
import PropertyBased
import RapportTime
import Testing

struct CalendarDateTests {
    /// Days of the years 1 to 9999 as year, month and day.
    private static let anyDay = zip(Gen<Int>.int(in: 1...9999), Gen<Int>.int(in: 1...12), Gen<Int>.int(in: 1...31))
        .map { year, month, day in (year, month, min(day, Self.daysIn(month: month, year: year))) }

    @Test func formattedDatesParseBackToTheSameDay() async throws {
        await propertyCheck(count: 2_000, input: Self.anyDay) { year, month, day throws in
            let date = try #require(CalendarDate(year: year, month: month, day: day))
            let text = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
            #expect(date.description == text)
            #expect(CalendarDate(iso: text) == date)
            #expect(date.components == (year, month, day))
        }
    }

    @Test(arguments: [
        (Int32(-719_528), "0000-01-01"), (-719_529, "00-1-12-31"), (2_932_897, "10000-01-01"),
    ])
    func yearsOutsideFourDigitsKeepAllTheirDigits(days: Int32, text: String) {
        let date = CalendarDate(daysSinceEpoch: days)
        #expect(date.description == text)
        #expect(Timestamp(microsecondsSinceEpoch: Int64(days) * 86_400_000_000).rfc3339 == text + "T00:00:00.000000Z")
    }

    @Test func consecutiveDaysHaveConsecutiveNumbers() async throws {
        let first = try #require(CalendarDate(year: 1, month: 1, day: 1)).daysSinceEpoch
        let last = try #require(CalendarDate(year: 9999, month: 12, day: 31)).daysSinceEpoch
        await propertyCheck(count: 2_000, input: Gen<Int32>.int32(in: first...(last - 1))) { days throws in
            let date = CalendarDate(daysSinceEpoch: days)
            let next = try #require(CalendarDate(iso: date.adding(days: 1).description))
            #expect(next.daysSinceEpoch == days + 1)
            #expect(date < next)
            #expect(CalendarDate(iso: date.description) == date)
        }
    }

    @Test func agreesWithFoundationsGregorianCalendar() async throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        await propertyCheck(count: 500, input: Gen<Int32>.int32(in: -100_000...100_000)) { days throws in
            let parts = calendar.dateComponents(
                [.year, .month, .day],
                from: Date(timeIntervalSince1970: Double(days) * 86_400)
            )
            let date = CalendarDate(daysSinceEpoch: days)
            #expect(date.components == (parts.year!, parts.month!, parts.day!))
        }
    }

    @Test(
        arguments: [
            ("1970-01-01", 0), ("1969-12-31", -1), ("2000-02-29", 11_016), ("2024-02-29", 19_782),
            ("2025-02-03", 20_122), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
        ]
    )
    func parsesValidDays(text: String, days: Int32) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.daysSinceEpoch == days)
        #expect(date.description == text)
    }

    @Test(
        arguments: [
            "2025-02-29", "2024-02-30", "2025-13-01", "2025-1-01", "", "1900-02-29", "2100-02-29", "2025-04-31",
            "2025-00-10", "2025-01-00", "0000-01-01", "10000-01-01", "2025/01/01", "2025-01-01T00:00:00Z",
            " 2025-01-01", "-025-01-01", "+025-01-01", "2025-0a-01", "2025-01-1 ", "２０２５-01-01",
        ]
    )
    func refusesTextThatIsNotADay(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test(arguments: [(2025, 2, 29), (2025, 13, 1), (2025, 0, 1), (2025, 1, 0), (0, 1, 1), (10_000, 1, 1)])
    func refusesPartsThatAreNotADay(year: Int, month: Int, day: Int) {
        #expect(CalendarDate(year: year, month: month, day: day) == nil)
    }

    @Test func roundTripsThroughJSONAsItsText() throws {
        let dates = [
            CalendarDate(iso: "2025-02-03")!, CalendarDate(iso: "0001-01-01")!, CalendarDate(iso: "9999-12-31")!,
        ]
        let json = try JSONEncoder().encode(dates)
        #expect(String(decoding: json, as: UTF8.self) == #"["2025-02-03","0001-01-01","9999-12-31"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == dates)
    }

    @Test(arguments: [#"["2025-02-30"]"#, #"["2025-2-3"]"#, "[20122]", "[null]", #"["2025-02-03T00:00:00Z"]"#])
    func refusesJSONThatIsNotADay(json: String) {
        #expect {
            try JSONDecoder().decode([CalendarDate].self, from: Data(json.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.hasPrefix("must be a calendar date YYYY-MM-DD")
        }
    }

    @Test(
        arguments: [
            ("2025-02-03T23:59:59.999999Z", "2025-02-03"), ("2025-02-04T00:00:00Z", "2025-02-04"),
            ("2025-02-04T00:30:00+01:00", "2025-02-03"), ("1970-01-01T00:00:00Z", "1970-01-01"),
            ("1969-12-31T23:59:59.999999Z", "1969-12-31"), ("1969-12-31T00:00:00Z", "1969-12-31"),
            ("1969-12-30T23:59:59.999999Z", "1969-12-30"), ("1900-03-01T00:00:00Z", "1900-03-01"),
            ("0001-01-01T00:00:00Z", "0001-01-01"),
        ]
    )
    func takesTheUTCDayOfAMoment(time: String, day: String) throws {
        let timestamp = try #require(Timestamp(rfc3339: time))
        let date = CalendarDate(timestamp)
        #expect(date.description == day)
        #expect(date.startOfDay <= timestamp)
        #expect(timestamp.microsecondsSinceEpoch - date.startOfDay.microsecondsSinceEpoch < 86_400_000_000)
    }

    @Test func addsDaysAcrossMonthsAndYearsAndHoldsAtTheEnds() throws {
        let date = try #require(CalendarDate(iso: "2024-12-31"))
        #expect(date.adding(days: 1).description == "2025-01-01")
        #expect(date.adding(days: 60).description == "2025-03-01")
        #expect(date.adding(days: -366).description == "2023-12-31")
        #expect(date.adding(days: .max).daysSinceEpoch == .max)
        #expect(date.adding(days: .min).daysSinceEpoch == .min)
        #expect(CalendarDate(daysSinceEpoch: .max).adding(days: 1).daysSinceEpoch == .max)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    @Test func aDayIsFoundInATableByItsNumberAndNoOtherDayIs() async {
        let days = Gen<Int32>.int32(in: -800_000...3_000_000).array(of: 0...200)
        await propertyCheck(input: days) { numbers in
            var table: [CalendarDate: Int32] = [:]
            for number in numbers { table[CalendarDate(daysSinceEpoch: number)] = number }
            #expect(table.count == Set(numbers).count)
            for number in numbers { #expect(table[CalendarDate(daysSinceEpoch: number)] == number) }
            #expect(table[CalendarDate(daysSinceEpoch: 3_000_001)] == nil)
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }
}
