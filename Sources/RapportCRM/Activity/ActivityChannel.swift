/// How an activity happened: a call, an email, a meeting, or a note someone wrote down.
public enum ActivityChannel: String, NamedChoice, BinaryNamedValue {
    case call = "Call"
    case email = "Email"
    case meeting = "Meeting"
    case note = "Note"

    /// Reads a channel's name, refusing any other with the list of allowed ones.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: ``DomainError`` `invalid_field`.
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeChoice(from: decoder)
    }
}
