extension CalendarDate: Codable {
    /// Reads a `YYYY-MM-DD` string.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError.dataCorrupted` when the value is not a string or the string is not a real calendar day.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let rule = "must be a calendar date YYYY-MM-DD such as 2026-03-31"
        let text: String
        do {
            text = try container.decode(String.self)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: rule)
        }
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\(rule), not \"\(text)\""
            )
        }
        self = date
    }

    /// Writes the date as `YYYY-MM-DD`.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
