/// A support case was opened for an account, with the service targets of its priority in force at the time.
public struct CaseOpened: EventPayload {
    public static let eventType = "CaseOpened"

    /// The account the case is for.
    public var accountId: RecordId
    /// The contact who raised it.
    public var contactId: Optional<RecordId>
    /// The one-line summary.
    public var subject: String
    /// The full account of the problem.
    public var description: Optional<String>
    /// How urgent it is.
    public var priority: CasePriority
    /// How it came in.
    public var origin: Optional<CaseChannel>
    /// What kind of request it is.
    public var type: Optional<CaseType>
    /// The user who owns it, if it was assigned at once.
    public var ownerId: Optional<RecordId>
    /// The status it opened in, `New`.
    public var status: CaseStatus
    /// Minutes from opening to the first response that the priority's target allowed.
    public var firstResponseMinutes: Int
    /// Minutes from opening to resolution, time on hold excluded, that the priority's target allowed.
    public var resolutionMinutes: Int

    /// Creates the event.
    public init(
        accountId: RecordId,
        contactId: RecordId? = nil,
        subject: String,
        description: String? = nil,
        priority: CasePriority,
        origin: CaseChannel? = nil,
        type: CaseType? = nil,
        ownerId: RecordId? = nil,
        status: CaseStatus = .new,
        firstResponseMinutes: Int,
        resolutionMinutes: Int
    ) {
        self.accountId = accountId
        self.contactId = contactId
        self.subject = subject
        self.description = description
        self.priority = priority
        self.origin = origin
        self.type = type
        self.ownerId = ownerId
        self.status = status
        self.firstResponseMinutes = firstResponseMinutes
        self.resolutionMinutes = resolutionMinutes
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(accountId)
        writer.write(contactId)
        writer.write(subject)
        writer.write(description)
        writer.write(priority)
        writer.write(origin)
        writer.write(type)
        writer.write(ownerId)
        writer.write(status)
        writer.write(firstResponseMinutes)
        writer.write(resolutionMinutes)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("accountId", accountId)
        object.memberIfPresent("contactId", contactId)
        object.memberIfPresent("description", description)
        object.member("firstResponseMinutes", firstResponseMinutes)
        object.memberIfPresent("origin", origin)
        object.memberIfPresent("ownerId", ownerId)
        object.member("priority", priority)
        object.member("resolutionMinutes", resolutionMinutes)
        object.member("status", status)
        object.member("subject", subject)
        object.memberIfPresent("type", type)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            accountId: try reader.read(),
            contactId: try reader.read(),
            subject: try reader.read(),
            description: try reader.read(),
            priority: try reader.read(),
            origin: try reader.read(),
            type: try reader.read(),
            ownerId: try reader.read(),
            status: try reader.read(),
            firstResponseMinutes: try reader.read(),
            resolutionMinutes: try reader.read()
        )
    }
}
