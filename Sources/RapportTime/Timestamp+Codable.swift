extension Timestamp: Codable {
    /// Reads an RFC 3339 time string.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError.dataCorrupted` when the value is not a string or the string is not an RFC 3339 time.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let rule = "must be an RFC 3339 time such as 2026-03-01T09:00:00Z"
        let text: String
        do {
            text = try container.decode(String.self)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: rule)
        }
        guard let timestamp = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\(rule), not \"\(text)\""
            )
        }
        self = timestamp
    }

    /// Writes the time as an RFC 3339 string with microseconds, in UTC.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }
}
