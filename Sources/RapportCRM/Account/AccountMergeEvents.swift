/// The account, a duplicate, was merged into a survivor: it now points there and takes no changes.
///
/// In the duplicate's stream; the same append holds ``AccountMergedIn`` in the survivor's stream and a transfer
/// event in the stream of every record that moved.
public struct AccountMerged: EventPayload {
    public static let eventType = "AccountMerged"

    /// The survivor.
    public var intoAccountId: RecordId

    /// Creates the event.
    public init(intoAccountId: RecordId) {
        self.intoAccountId = intoAccountId
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(intoAccountId)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("intoAccountId", intoAccountId)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(intoAccountId: try reader.read())
    }
}

/// A duplicate account was merged into this one, which took over its records: each list is sorted by id, and
/// each record's own stream has the matching transfer event.
public struct AccountMergedIn: EventPayload {
    public static let eventType = "AccountMergedIn"

    /// The duplicate, merged away.
    public var mergedAccountId: RecordId
    /// The contacts taken over (each has a ``ContactMoved``).
    public var contactIds: [RecordId]
    /// The opportunities taken over (each has an ``OpportunityTransferred``).
    public var opportunityIds: [RecordId]
    /// The cases taken over (each has a ``CaseTransferred``).
    public var caseIds: [RecordId]
    /// The activities and tasks taken over (each has an ``ActivityTransferred``).
    public var activityIds: [RecordId]
    /// The duplicate's child accounts, now this one's children (each has an ``AccountUpdated``).
    public var childAccountIds: [RecordId]

    /// Creates the event.
    public init(
        mergedAccountId: RecordId,
        contactIds: [RecordId] = [],
        opportunityIds: [RecordId] = [],
        caseIds: [RecordId] = [],
        activityIds: [RecordId] = [],
        childAccountIds: [RecordId] = []
    ) {
        self.mergedAccountId = mergedAccountId
        self.contactIds = contactIds
        self.opportunityIds = opportunityIds
        self.caseIds = caseIds
        self.activityIds = activityIds
        self.childAccountIds = childAccountIds
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(mergedAccountId)
        writer.write(contactIds)
        writer.write(opportunityIds)
        writer.write(caseIds)
        writer.write(activityIds)
        writer.write(childAccountIds)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("activityIds", activityIds)
        object.member("caseIds", caseIds)
        object.member("childAccountIds", childAccountIds)
        object.member("contactIds", contactIds)
        object.member("mergedAccountId", mergedAccountId)
        object.member("opportunityIds", opportunityIds)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            mergedAccountId: try reader.read(),
            contactIds: try reader.read(),
            opportunityIds: try reader.read(),
            caseIds: try reader.read(),
            activityIds: try reader.read(),
            childAccountIds: try reader.read()
        )
    }
}
