import RapportTime

/// A date or time layout such as `yyyy-MM-dd` or `dd-MM-yyyy HH:mm`: `yyyy` a four-digit year, `MM` month,
/// `dd` day, `HH` hour (00-23), `mm` minute, `ss` second, each with exactly that many digits; any other character
/// must appear as it is. Times are read as UTC.
///
/// Parsed by hand rather than with Foundation's date formatters: those accept lenient input (a 31st of
/// February rolls over) and are slow, and an import must refuse such a date on its row.
struct DatePattern: Sendable, Hashable {
    private enum Part: Sendable, Hashable {
        case year, month, day, hour, minute, second
        case literal(UInt8)

        var width: Int { self == .year ? 4 : 2 }
    }

    private let parts: [Part]
    /// The pattern as written in the mapping.
    let text: String
    /// Whether the pattern has a time of day.
    var hasTime: Bool { parts.contains(.hour) }

    /// Reads a pattern.
    ///
    /// - Parameter text: The pattern.
    /// - Returns: Nil when it lacks a year, a month or a day, or has one twice.
    init?(_ text: String) {
        var parts: [Part] = []
        var rest = Substring(text)
        let tokens: [(String, Part)] = [
            ("yyyy", .year), ("MM", .month), ("dd", .day), ("HH", .hour), ("mm", .minute), ("ss", .second),
        ]
        while let first = rest.utf8.first {
            if let (token, part) = tokens.first(where: { rest.hasPrefix($0.0) }) {
                guard !parts.contains(part) else { return nil }
                parts.append(part)
                rest = rest.dropFirst(token.count)
            } else {
                parts.append(.literal(first))
                rest = Substring(rest.utf8.dropFirst())
            }
        }
        guard parts.contains(.year), parts.contains(.month), parts.contains(.day) else { return nil }
        guard parts.contains(.hour) == parts.contains(.minute) else { return nil }
        self.parts = parts
        self.text = text
    }

    /// Reads a text laid out by the pattern.
    ///
    /// - Parameter value: The text.
    /// - Returns: The time (midnight UTC for a date alone), or nil when the text does not follow the pattern or
    ///   names no real date or time.
    func timestamp(_ value: String) -> Timestamp? {
        var (year, month, day, hour, minute, second) = (0, 0, 0, 0, 0, 0)
        var bytes = value.utf8[...]
        for part in parts {
            if case .literal(let byte) = part {
                guard bytes.first == byte else { return nil }
                bytes = bytes.dropFirst()
                continue
            }
            var number = 0
            for _ in 0..<part.width {
                guard let digit = bytes.first, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else {
                    return nil
                }
                number = number * 10 + Int(digit - UInt8(ascii: "0"))
                bytes = bytes.dropFirst()
            }
            switch part {
            case .year: year = number
            case .month: month = number
            case .day: day = number
            case .hour: hour = number
            case .minute: minute = number
            case .second: second = number
            case .literal: break
            }
        }
        guard bytes.isEmpty, let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        let seconds = Int64(hour * 3600 + minute * 60 + second)
        return Timestamp(microsecondsSinceEpoch: date.startOfDay.microsecondsSinceEpoch + seconds * 1_000_000)
    }

    /// Reads a date laid out by the pattern.
    ///
    /// - Parameter value: The text.
    /// - Returns: The calendar date, or nil when the text does not follow the pattern.
    func date(_ value: String) -> CalendarDate? {
        timestamp(value).map(CalendarDate.init)
    }
}
