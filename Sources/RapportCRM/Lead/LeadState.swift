/// What validation needs to know about one lead: its status, and the person and company a conversion copies
/// into the account and contact it opens.
public struct LeadState: Sendable, Hashable {
    /// What a converted lead became.
    public struct Conversion: Sendable, Hashable {
        /// The account.
        public var accountId: RecordId
        /// The contact.
        public var contactId: RecordId
        /// The opportunity, if the conversion opened one.
        public var opportunityId: RecordId?
    }

    /// Events in the lead's stream.
    public var version: UInt64
    /// The company the person works for.
    public var company: String
    /// The given name.
    public var firstName: String?
    /// The family name.
    public var lastName: String
    /// The email address.
    public var email: String?
    /// The phone number.
    public var phone: String?
    /// The job title.
    public var title: String?
    /// The campaign that brought the lead in, which an opportunity from the conversion credits.
    public var campaignId: RecordId?
    /// The current status's name.
    public var status: String
    /// Whether the lead was disqualified.
    public var disqualified = false
    /// What the lead became, once converted.
    public var conversion: Conversion?
    /// Whether the lead was forgotten: its personal data erased, and no more changes taken.
    public var forgotten = false
}
