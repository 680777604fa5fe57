public import RapportTime

/// Converts a lead into an account, a contact and optionally an opportunity, in one atomic append across their
/// streams.
///
/// The account and the contact are opened when their ids are new and reused when they exist (a reused contact
/// must belong to the account).
public struct ConvertLead: CommandPayload {
    public static let commandType = "ConvertLead"

    /// The opportunity a conversion opens.
    public struct Opportunity: Codable, Sendable, Hashable {
        /// The new opportunity's id.
        public var opportunityId: RecordId
        /// The deal's name (required).
        public var name: String
        /// The expected amount, not negative; 0 when left out.
        public var amount: Money?
        /// The ISO 4217 currency of the amount; `USD` when left out.
        public var currency: String?
        /// When the deal is expected to close.
        public var closeDate: CalendarDate
        /// An open stage of the configuration; its first open stage when left out.
        public var stage: String?

        /// Creates the opportunity part.
        public init(
            opportunityId: RecordId,
            name: String,
            amount: Money? = nil,
            currency: String? = nil,
            closeDate: CalendarDate,
            stage: String? = nil
        ) {
            self.opportunityId = opportunityId
            self.name = name
            self.amount = amount
            self.currency = currency
            self.closeDate = closeDate
            self.stage = stage
        }
    }

    /// The lead.
    public var leadId: RecordId
    /// The account to open, named after the lead's company, or the existing account to reuse.
    public var accountId: RecordId
    /// The contact to add from the lead's person, or the existing contact at the account to reuse.
    public var contactId: RecordId
    /// The owner of what the conversion opens; the actor when left out.
    public var ownerId: Optional<RecordId>
    /// The opportunity to open, if any.
    public var opportunity: Optional<Opportunity>

    /// Creates the command.
    public init(
        leadId: RecordId,
        accountId: RecordId,
        contactId: RecordId,
        ownerId: RecordId? = nil,
        opportunity: Opportunity? = nil
    ) {
        self.leadId = leadId
        self.accountId = accountId
        self.contactId = contactId
        self.ownerId = ownerId
        self.opportunity = opportunity
    }

    public var target: StreamName { StreamName(.lead, leadId) }
    public var command: CRMCommand { .lead(.convert(self)) }
}
