extension Timestamp {
    /// Reads a moment given by people: an RFC 3339 time, or a `YYYY-MM-DD` date meaning the whole day (its last
    /// microsecond, UTC), so that "as of 2026-03-01" includes everything on that day.
    ///
    /// - Parameter text: `2026-03-01T09:00:00Z` or `2026-03-01`.
    /// - Returns: `nil` when the text is neither.
    public init?(momentOrDay text: String) {
        if let timestamp = Timestamp(rfc3339: text) {
            self = timestamp
        } else if let date = CalendarDate(iso: text) {
            self = Timestamp(microsecondsSinceEpoch: date.adding(days: 1).startOfDay.microsecondsSinceEpoch - 1)
        } else {
            return nil
        }
    }
}
