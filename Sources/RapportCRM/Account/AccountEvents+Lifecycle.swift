/// The account was given to another owner.
public struct AccountOwnerReassigned: EventPayload {
    public static let eventType = "AccountOwnerReassigned"

    /// The owner until now.
    public var fromOwnerId: RecordId
    /// The owner from now on.
    public var toOwnerId: RecordId

    /// Creates the event.
    public init(fromOwnerId: RecordId, toOwnerId: RecordId) {
        self.fromOwnerId = fromOwnerId
        self.toOwnerId = toOwnerId
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(fromOwnerId)
        writer.write(toOwnerId)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("fromOwnerId", fromOwnerId)
        object.member("toOwnerId", toOwnerId)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(fromOwnerId: try reader.read(), toOwnerId: try reader.read())
    }
}

/// The account was deactivated: it takes no new records until it is reactivated.
public struct AccountDeactivated: EventPayload {
    public static let eventType = "AccountDeactivated"

    /// Why, when the user said.
    public var reason: Optional<String>

    /// Creates the event.
    public init(reason: String? = nil) {
        self.reason = reason
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(reason)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.memberIfPresent("reason", reason)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(reason: try reader.read())
    }
}

/// The deactivated account was reactivated and takes new records again.
public struct AccountReactivated: EventPayload {
    public static let eventType = "AccountReactivated"

    /// Creates the event.
    public init() {}

    public func encode(to writer: inout ByteWriter) {}

    public func appendJSON(to object: inout JSONObjectWriter) {}

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
    }
}
