/// An activity happened: a call, email, meeting or note, related to one or more records.
///
/// The event's `occurredAt` is when it happened. `accountId` is the account it belongs to, the given one or
/// the account of the related contact, opportunity or case then, so readers need no lookup.
public struct ActivityLogged: EventPayload {
    public static let eventType = "ActivityLogged"

    /// Call, Email, Meeting or Note.
    public var channel: ActivityChannel
    /// What it was about.
    public var subject: String
    /// How long it took, in minutes.
    public var durationMinutes: Optional<Int>
    /// What was said or done.
    public var description: Optional<String>
    /// The account it belongs to, if any.
    public var accountId: Optional<RecordId>
    /// The related contact.
    public var contactId: Optional<RecordId>
    /// The related lead.
    public var leadId: Optional<RecordId>
    /// The related opportunity.
    public var opportunityId: Optional<RecordId>
    /// The related case.
    public var caseId: Optional<RecordId>
    /// The user who did it.
    public var ownerId: Optional<RecordId>

    /// Creates the event.
    public init(
        channel: ActivityChannel,
        subject: String,
        durationMinutes: Int? = nil,
        description: String? = nil,
        accountId: RecordId? = nil,
        contactId: RecordId? = nil,
        leadId: RecordId? = nil,
        opportunityId: RecordId? = nil,
        caseId: RecordId? = nil,
        ownerId: RecordId? = nil
    ) {
        self.channel = channel
        self.subject = subject
        self.durationMinutes = durationMinutes
        self.description = description
        self.accountId = accountId
        self.contactId = contactId
        self.leadId = leadId
        self.opportunityId = opportunityId
        self.caseId = caseId
        self.ownerId = ownerId
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(channel)
        writer.write(subject)
        writer.write(durationMinutes)
        writer.write(description)
        writer.write(accountId)
        writer.write(contactId)
        writer.write(leadId)
        writer.write(opportunityId)
        writer.write(caseId)
        writer.write(ownerId)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.memberIfPresent("accountId", accountId)
        object.memberIfPresent("caseId", caseId)
        object.member("channel", channel)
        object.memberIfPresent("contactId", contactId)
        object.memberIfPresent("description", description)
        object.memberIfPresent("durationMinutes", durationMinutes)
        object.memberIfPresent("leadId", leadId)
        object.memberIfPresent("opportunityId", opportunityId)
        object.memberIfPresent("ownerId", ownerId)
        object.member("subject", subject)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            channel: try reader.read(),
            subject: try reader.read(),
            durationMinutes: try reader.read(),
            description: try reader.read(),
            accountId: try reader.read(),
            contactId: try reader.read(),
            leadId: try reader.read(),
            opportunityId: try reader.read(),
            caseId: try reader.read(),
            ownerId: try reader.read()
        )
    }
}
