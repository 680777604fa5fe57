/// Some of a contact's fields changed: only those are present, each with its new value (an empty text clears the
/// field; an empty email removes the address).
public struct ContactUpdated: EventPayload {
    public static let eventType = "ContactUpdated"

    /// The new given name.
    public var firstName: String?
    /// The new family name.
    public var lastName: String?
    /// The new email address, or empty when it was removed.
    public var email: String?
    /// The new phone number.
    public var phone: String?
    /// The new job title.
    public var title: String?

    /// Creates the event.
    public init(
        firstName: String? = nil,
        lastName: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        title: String? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.title = title
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(firstName, lastName, email, phone, title)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            firstName: try reader.read(),
            lastName: try reader.read(),
            email: try reader.read(),
            phone: try reader.read(),
            title: try reader.read()
        )
    }
}
