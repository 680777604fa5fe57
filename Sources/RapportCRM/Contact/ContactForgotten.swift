/// A contact was forgotten at the person's request: the key of their personal data was destroyed, so every name,
/// email and phone number the contact's events hold now reads as erased. The event holds no personal data; who
/// asked for it and when are its actor and times.
public struct ContactForgotten: EventPayload {
    public static let eventType = "ContactForgotten"

    /// Why the contact was forgotten, e.g. `erasure request 2026-114`.
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
