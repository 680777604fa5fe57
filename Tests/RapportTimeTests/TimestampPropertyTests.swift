import Foundation
import PropertyBased
import RapportTime
import Testing

struct TimestampPropertyTests {
    /// 0001-01-02 to 9999-12-30, so that shifting by a UTC offset stays within four-digit years.
    private static let anyTime = Gen<Int64>.int64(in: -62_135_510_400_000_000...253_402_128_000_000_000)
        .map { Timestamp(microsecondsSinceEpoch: $0) }

    @Test func formattedTimesParseBackToTheSameMicrosecond() async {
        await propertyCheck(count: 2_000, input: Self.anyTime) { time in
            let text = time.rfc3339
            #expect(text.utf8.count == 27)
            #expect(text.hasSuffix("Z"))
            #expect(Timestamp(rfc3339: text) == time)
            #expect(time.description == text)
        }
    }

    @Test func timesWrittenWithAUTCOffsetParseToTheSameInstant() async {
        let offsets = Gen<Int>.int(in: -(23 * 60 + 59)...(23 * 60 + 59))
        await propertyCheck(count: 1_000, input: Self.anyTime, offsets) { time, offsetMinutes in
            let local = Timestamp(
                microsecondsSinceEpoch: time.microsecondsSinceEpoch + Int64(offsetMinutes) * 60_000_000
            )
            let sign = offsetMinutes < 0 ? "-" : "+"
            let hours = abs(offsetMinutes) / 60
            let minutes = abs(offsetMinutes) % 60
            let offset =
                sign + (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
            let text = String(local.rfc3339.dropLast()) + offset
            #expect(Timestamp(rfc3339: text) == time)
        }
    }

    @Test func formattingAgreesWithFoundationToTheSecond() async {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let modernTime = Gen<Int64>.int64(in: -2_208_988_800_000_000...7_258_118_400_000_000)
            .map { Timestamp(microsecondsSinceEpoch: $0) }
        await propertyCheck(count: 500, input: modernTime) { time in
            let seconds =
                time.microsecondsSinceEpoch >= 0
                ? time.microsecondsSinceEpoch / 1_000_000
                : (time.microsecondsSinceEpoch - 999_999) / 1_000_000
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(time.rfc3339.prefix(19) + "Z" == formatter.string(from: date))
        }
    }

    @Test(
        arguments: [
            ("2026-03-01T09:00:00Z", 1_772_355_600_000_000),
            ("2026-03-01t09:00:00z", 1_772_355_600_000_000),
            ("2026-03-01T09:00:00.5Z", 1_772_355_600_500_000),
            ("2026-03-01T09:00:00.1234567Z", 1_772_355_600_123_456),
            ("2026-03-01T10:30:00+01:30", 1_772_355_600_000_000),
            ("1969-12-31T23:59:59.999999Z", -1),
            ("2024-02-29T00:00:00Z", 1_709_164_800_000_000),
            ("2016-12-31T23:59:60Z", 1_483_228_799_000_000),
        ] as [(String, Int64)]
    )
    func parsesTheFormsRFC3339Allows(text: String, microseconds: Int64) {
        #expect(Timestamp(rfc3339: text) == Timestamp(microsecondsSinceEpoch: microseconds))
    }

    @Test(arguments: [
        "", "2026-03-01", "2026-03-01T09:00:00", "2026-13-01T09:00:00Z", "2025-02-29T09:00:00Z",
        "2026-03-01T24:00:00Z", "2026-03-01T09:60:00Z", "2026-03-01T09:00:00.Z", "2026-03-01T09:00:00+0100",
        "2026-03-01T09:00:00Zjunk", "2026-03-01 09:00:00Z", "2026-03-01T09:00:00+24:00",
    ])
    func rejectsMalformedTimes(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }
}
