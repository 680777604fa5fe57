/// A lead moved from one status to another.
public struct LeadStatusChanged: EventPayload {
    public static let eventType = "LeadStatusChanged"

    /// The status before.
    public var fromStatus: String
    /// The status after.
    public var toStatus: String

    /// Creates the event.
    public init(fromStatus: String, toStatus: String) {
        self.fromStatus = fromStatus
        self.toStatus = toStatus
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(fromStatus)
        writer.write(toStatus)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("fromStatus", fromStatus)
        object.member("toStatus", toStatus)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(fromStatus: try reader.read(), toStatus: try reader.read())
    }
}

/// A lead was disqualified: it will not be pursued.
public struct LeadDisqualified: EventPayload {
    public static let eventType = "LeadDisqualified"

    /// Why it is not pursued.
    public var reason: String

    /// Creates the event.
    public init(reason: String) {
        self.reason = reason
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(reason)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("reason", reason)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(reason: try reader.read())
    }
}

/// A lead was converted: it became an account's contact and perhaps an opportunity, whose own streams record
/// their opening in the same append.
public struct LeadConverted: EventPayload {
    public static let eventType = "LeadConverted"

    /// The account the lead became part of.
    public var accountId: RecordId
    /// The contact the lead's person became.
    public var contactId: RecordId
    /// The opportunity the conversion opened, if it opened one.
    public var opportunityId: Optional<RecordId>
    /// The converted status the lead is now in.
    public var status: String
    /// Whether the conversion opened the account (false: it reused an existing one).
    public var accountCreated: Bool
    /// Whether the conversion added the contact (false: it reused an existing one).
    public var contactCreated: Bool

    /// Creates the event.
    public init(
        accountId: RecordId,
        contactId: RecordId,
        opportunityId: RecordId? = nil,
        status: String,
        accountCreated: Bool,
        contactCreated: Bool
    ) {
        self.accountId = accountId
        self.contactId = contactId
        self.opportunityId = opportunityId
        self.status = status
        self.accountCreated = accountCreated
        self.contactCreated = contactCreated
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(accountId)
        writer.write(contactId)
        writer.write(opportunityId)
        writer.write(status)
        writer.write(accountCreated)
        writer.write(contactCreated)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("accountCreated", accountCreated)
        object.member("accountId", accountId)
        object.member("contactCreated", contactCreated)
        object.member("contactId", contactId)
        object.memberIfPresent("opportunityId", opportunityId)
        object.member("status", status)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            accountId: try reader.read(),
            contactId: try reader.read(),
            opportunityId: try reader.read(),
            status: try reader.read(),
            accountCreated: try reader.read(),
            contactCreated: try reader.read()
        )
    }
}
