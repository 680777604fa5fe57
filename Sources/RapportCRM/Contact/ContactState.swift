/// What validation needs to know about one contact.
public struct ContactState: Sendable, Hashable {
    /// Events in the contact's stream.
    public var version: UInt64
    /// The account the contact belongs to.
    public var accountId: RecordId
    /// The email address, if any (kept whole: moves and updates check it against other contacts).
    public var email: String?
    /// The given name, as a digest: enough to tell whether an update changes it.
    public var firstName: TextDigest
    /// The family name, as a digest.
    public var lastName: TextDigest
    /// The phone number, as a digest.
    public var phone: TextDigest
    /// The job title, as a digest.
    public var title: TextDigest
    /// Whether the contact was forgotten: its personal data erased, and no more updates taken.
    public var forgotten = false
}
