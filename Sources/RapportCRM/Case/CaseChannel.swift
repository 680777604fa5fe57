/// How a case came in, or how a response went out.
public enum CaseChannel: String, NamedChoice, BinaryNamedValue {
    case email = "Email"
    case phone = "Phone"
    case web = "Web"
    case chat = "Chat"

    /// Reads a channel's name, refusing any other with the list of allowed ones.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: ``DomainError`` `invalid_field`.
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeChoice(from: decoder)
    }
}
