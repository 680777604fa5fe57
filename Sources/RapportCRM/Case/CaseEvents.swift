/// A case was given to a user.
public struct CaseAssigned: EventPayload {
    public static let eventType = "CaseAssigned"

    /// The user who owned it before, if anyone did.
    public var fromOwnerId: Optional<RecordId>
    /// The user who owns it now.
    public var toOwnerId: RecordId

    /// Creates the event.
    public init(fromOwnerId: RecordId? = nil, toOwnerId: RecordId) {
        self.fromOwnerId = fromOwnerId
        self.toOwnerId = toOwnerId
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(fromOwnerId)
        writer.write(toOwnerId)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.memberIfPresent("fromOwnerId", fromOwnerId)
        object.member("toOwnerId", toOwnerId)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(fromOwnerId: try reader.read(), toOwnerId: try reader.read())
    }
}

/// The customer got a response; the first one completed the first-response milestone.
public struct CaseResponseRecorded: EventPayload {
    public static let eventType = "CaseResponseRecorded"

    /// How the response went out.
    public var channel: Optional<CaseChannel>
    /// What was said.
    public var message: Optional<String>
    /// Whether it was the case's first response, the one that completed the first-response milestone.
    public var firstResponse: Bool

    /// Creates the event.
    public init(channel: CaseChannel? = nil, message: String? = nil, firstResponse: Bool) {
        self.channel = channel
        self.message = message
        self.firstResponse = firstResponse
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(channel)
        writer.write(message)
        writer.write(firstResponse)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.memberIfPresent("channel", channel)
        object.member("firstResponse", firstResponse)
        object.memberIfPresent("message", message)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(channel: try reader.read(), message: try reader.read(), firstResponse: try reader.read())
    }
}

/// A case's priority changed, and with it the service targets in force from then on.
public struct CasePriorityChanged: EventPayload {
    public static let eventType = "CasePriorityChanged"

    /// The priority before.
    public var fromPriority: CasePriority
    /// The priority now.
    public var toPriority: CasePriority
    /// Minutes from opening to the first response that the new priority's target allows.
    public var firstResponseMinutes: Int
    /// Minutes from opening to resolution, time on hold excluded, that the new priority's target allows.
    public var resolutionMinutes: Int

    /// Creates the event.
    public init(
        fromPriority: CasePriority,
        toPriority: CasePriority,
        firstResponseMinutes: Int,
        resolutionMinutes: Int
    ) {
        self.fromPriority = fromPriority
        self.toPriority = toPriority
        self.firstResponseMinutes = firstResponseMinutes
        self.resolutionMinutes = resolutionMinutes
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(fromPriority)
        writer.write(toPriority)
        writer.write(firstResponseMinutes)
        writer.write(resolutionMinutes)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("firstResponseMinutes", firstResponseMinutes)
        object.member("fromPriority", fromPriority)
        object.member("resolutionMinutes", resolutionMinutes)
        object.member("toPriority", toPriority)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            fromPriority: try reader.read(),
            toPriority: try reader.read(),
            firstResponseMinutes: try reader.read(),
            resolutionMinutes: try reader.read()
        )
    }
}

/// A case was escalated, one level higher than before.
public struct CaseEscalated: EventPayload {
    public static let eventType = "CaseEscalated"

    /// Why it was escalated.
    public var reason: String
    /// The escalation level reached: 1 the first time, one more each time after.
    public var level: Int

    /// Creates the event.
    public init(reason: String, level: Int) {
        self.reason = reason
        self.level = level
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(reason)
        writer.write(level)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("level", level)
        object.member("reason", reason)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(reason: try reader.read(), level: try reader.read())
    }
}
