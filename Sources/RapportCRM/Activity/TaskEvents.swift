public import RapportTime

/// A task was created: something a user has to do by a day, related to one or more records.
///
/// `accountId` is the account it belongs to, the given one or the account of the related contact, opportunity
/// or case then, so readers need no lookup.
public struct TaskCreated: EventPayload {
    public static let eventType = "TaskCreated"

    /// What is to be done.
    public var subject: String
    /// The day it is due.
    public var dueDate: CalendarDate
    /// The user who is to do it.
    public var ownerId: RecordId
    /// How urgent it is.
    public var priority: TaskPriority
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

    /// Creates the event.
    public init(
        subject: String,
        dueDate: CalendarDate,
        ownerId: RecordId,
        priority: TaskPriority,
        accountId: RecordId? = nil,
        contactId: RecordId? = nil,
        leadId: RecordId? = nil,
        opportunityId: RecordId? = nil,
        caseId: RecordId? = nil
    ) {
        self.subject = subject
        self.dueDate = dueDate
        self.ownerId = ownerId
        self.priority = priority
        self.accountId = accountId
        self.contactId = contactId
        self.leadId = leadId
        self.opportunityId = opportunityId
        self.caseId = caseId
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(subject)
        writer.write(dueDate)
        writer.write(ownerId)
        writer.write(priority)
        writer.write(accountId)
        writer.write(contactId)
        writer.write(leadId)
        writer.write(opportunityId)
        writer.write(caseId)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.memberIfPresent("accountId", accountId)
        object.memberIfPresent("caseId", caseId)
        object.memberIfPresent("contactId", contactId)
        object.member("dueDate", dueDate)
        object.memberIfPresent("leadId", leadId)
        object.memberIfPresent("opportunityId", opportunityId)
        object.member("ownerId", ownerId)
        object.member("priority", priority)
        object.member("subject", subject)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            subject: try reader.read(),
            dueDate: try reader.read(),
            ownerId: try reader.read(),
            priority: try reader.read(),
            accountId: try reader.read(),
            contactId: try reader.read(),
            leadId: try reader.read(),
            opportunityId: try reader.read(),
            caseId: try reader.read()
        )
    }
}

/// A task was done; the event's `occurredAt` says when, which reports compare with the due date.
public struct TaskCompleted: EventPayload {
    public static let eventType = "TaskCompleted"

    /// Creates the event.
    public init() {}

    public func encode(to writer: inout ByteWriter) {}

    public func appendJSON(to object: inout JSONObjectWriter) {}

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
    }
}
