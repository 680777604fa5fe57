/// Some of a contact's fields changed: only those are present, each with its new value (an empty text clears the
/// field; an empty email removes the address).
public struct ContactUpdated: EventPayload {
    public static let eventType = "ContactUpdated"

    /// The new given name.
    public var firstName: Optional<String>
    /// The new family name.
    public var lastName: Optional<String>
    /// The new email address, or empty when it was removed.
    public var email: Optional<String>
    /// The new phone number.
    public var phone: Optional<String>
    /// The new job title.
    public var title: Optional<String>

    /// Whether the personal fields were erased (see ``PersonalData``); never part of the binary form.
    public var erased = false

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
        writer.write(firstName)
        writer.write(lastName)
        writer.write(email)
        writer.write(phone)
        writer.write(title)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.personFields(of: self, firstName: firstName, lastName: lastName, email: email, phone: phone)
        object.memberIfPresent("title", title)
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

    enum CodingKeys: String, CodingKey {
        case firstName, lastName, email, phone, title
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(title, forKey: .title)
        try encodePersonalFields(to: encoder)
    }
}

extension ContactUpdated: PersonalData {
    public static let personalFields = ["firstName", "lastName", "email", "phone"]

    public var personalValues: [String?] { [firstName, lastName, email, phone] }

    public func replacingPersonalValues(_ values: [String?]) -> ContactUpdated {
        var copy = self
        copy.firstName = values[0]
        copy.lastName = values[1]
        copy.email = values[2]
        copy.phone = values[3]
        return copy
    }
}
