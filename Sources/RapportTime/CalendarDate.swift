/// A day of the Gregorian calendar without a time or zone, such as an opportunity's close date or a task's due
/// date, written `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01; negative before it.
    public var daysSinceEpoch: Int32

    /// Creates a date from its day number.
    ///
    /// - Parameter daysSinceEpoch: Days since 1970-01-01.
    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Creates a date from its parts, when they name a real day between the years 1 and 9999.
    ///
    /// - Parameters:
    ///   - year: The year, 1 to 9999.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilCalendar.daysIn(month: Int64(month), year: Int64(year))).contains(Int64(day))
        else { return nil }
        let days = CivilCalendar.daysSinceEpoch(year: Int64(year), month: Int64(month), day: Int64(day))
        self.init(daysSinceEpoch: Int32(days))
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// - Parameter text: The text to parse.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The UTC day a moment falls on.
    ///
    /// - Parameter timestamp: The moment.
    public init(_ timestamp: Timestamp) {
        let (days, _) = timestamp.microsecondsSinceEpoch.floorDivision(by: 86_400_000_000)
        self.init(daysSinceEpoch: Int32(clamping: days))
    }

    /// The year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let (year, month, day) = CivilCalendar.civilDate(fromDaysSinceEpoch: Int64(daysSinceEpoch))
        return (Int(year), Int(month), Int(day))
    }

    /// Midnight UTC at the start of the day.
    public var startOfDay: Timestamp {
        Timestamp(microsecondsSinceEpoch: Int64(daysSinceEpoch) * 86_400_000_000)
    }

    /// The date a number of days later (earlier when negative), held at the first or last day a date can be
    /// rather than trapping when it would go past them.
    ///
    /// - Parameter days: Days to add.
    /// - Returns: The new date.
    public func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = Int64(daysSinceEpoch).addingReportingOverflow(Int64(days))
        let clamped = overflow ? (days < 0 ? Int64.min : Int64.max) : sum
        return CalendarDate(daysSinceEpoch: Int32(clamping: clamped))
    }

    /// The date as `YYYY-MM-DD`.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``description``'s text as UTF-8 bytes, for writers that build their output as bytes.
    ///
    /// - Parameter bytes: Where to write.
    public func appendText(to bytes: inout [UInt8]) {
        CivilCalendar.appendDate(daysSinceEpoch: Int64(daysSinceEpoch), to: &bytes)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// The date's hash in a hashed table: its day number's, which the standard library hashes in one step
    /// rather than through a whole hasher, as it would a value of one field.
    public func _rawHashValue(seed: Int) -> Int {
        daysSinceEpoch._rawHashValue(seed: seed)
    }
}
