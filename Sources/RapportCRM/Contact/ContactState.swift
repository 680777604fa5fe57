/// What validation needs to know about one contact.
public struct ContactState: Sendable, Hashable {
    /// Events in the contact's stream.
    public var version: UInt64
    /// The account the contact belongs to.
    public var accountId: RecordId
    /// The email address, if any.
    public var email: String?
}
