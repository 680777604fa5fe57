public import RapportTime

/// A case was put on hold: its service clock stopped.
///
/// The hold's start is in the payload, not only in the event's time, because the decision state keeps it to
/// measure the hold when the case resumes, and folding sees payloads only.
public struct CasePutOnHold: EventPayload {
    public static let eventType = "CasePutOnHold"

    /// What the case waits for.
    public var reason: String
    /// When the hold began (the event's business time).
    public var onHoldSince: Timestamp

    /// Creates the event.
    public init(reason: String, onHoldSince: Timestamp) {
        self.reason = reason
        self.onHoldSince = onHoldSince
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(reason)
        writer.write(onHoldSince)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("onHoldSince", onHoldSince)
        object.member("reason", reason)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(reason: try reader.read(), onHoldSince: try reader.read())
    }
}

/// A case came off hold: its service clock runs again, and read models subtract the hold from its times.
public struct CaseResumed: EventPayload {
    public static let eventType = "CaseResumed"

    /// How long the hold lasted, in whole minutes rounded down.
    public var holdMinutes: Int
    /// The status the case returned to.
    public var status: CaseStatus

    /// Creates the event.
    public init(holdMinutes: Int, status: CaseStatus) {
        self.holdMinutes = holdMinutes
        self.status = status
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(holdMinutes)
        writer.write(status)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("holdMinutes", holdMinutes)
        object.member("status", status)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(holdMinutes: try reader.read(), status: try reader.read())
    }
}

/// A case was resolved, completing its resolution milestone.
public struct CaseResolved: EventPayload {
    public static let eventType = "CaseResolved"

    /// How it was resolved.
    public var resolution: String

    /// Creates the event.
    public init(resolution: String) {
        self.resolution = resolution
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(resolution)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("resolution", resolution)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(resolution: try reader.read())
    }
}

/// A case was closed.
public struct CaseClosed: EventPayload {
    public static let eventType = "CaseClosed"

    /// Why it was closed; always given when it was not resolved.
    public var reason: Optional<String>
    /// Whether it was resolved before it closed (false: closed unresolved, e.g. as a duplicate).
    public var wasResolved: Bool

    /// Creates the event.
    public init(reason: String? = nil, wasResolved: Bool) {
        self.reason = reason
        self.wasResolved = wasResolved
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(reason)
        writer.write(wasResolved)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.memberIfPresent("reason", reason)
        object.member("wasResolved", wasResolved)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(reason: try reader.read(), wasResolved: try reader.read())
    }
}

/// A resolved or closed case was reopened.
public struct CaseReopened: EventPayload {
    public static let eventType = "CaseReopened"

    /// Why it was reopened.
    public var reason: String
    /// The status it was reopened from, `Resolved` or `Closed`.
    public var fromStatus: CaseStatus
    /// The status it returned to.
    public var status: CaseStatus

    /// Creates the event.
    public init(reason: String, fromStatus: CaseStatus, status: CaseStatus) {
        self.reason = reason
        self.fromStatus = fromStatus
        self.status = status
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(reason)
        writer.write(fromStatus)
        writer.write(status)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("fromStatus", fromStatus)
        object.member("reason", reason)
        object.member("status", status)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(reason: try reader.read(), fromStatus: try reader.read(), status: try reader.read())
    }
}
