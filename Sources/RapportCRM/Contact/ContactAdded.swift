/// A contact, a person at an account, was added.
public struct ContactAdded: EventPayload {
    public static let eventType = "ContactAdded"

    /// The account the person works for.
    public var accountId: RecordId
    /// The given name.
    public var firstName: Optional<String>
    /// The family name.
    public var lastName: String
    /// The email address.
    public var email: Optional<String>
    /// The phone number.
    public var phone: Optional<String>
    /// The job title.
    public var title: Optional<String>
    /// The lead whose conversion added the contact, if one did.
    public var convertedFromLeadId: Optional<RecordId>

    /// Whether the personal fields were erased (see ``PersonalData``); never part of the binary form.
    public var erased = false

    /// Creates the event.
    public init(
        accountId: RecordId,
        firstName: String? = nil,
        lastName: String,
        email: String? = nil,
        phone: String? = nil,
        title: String? = nil,
        convertedFromLeadId: RecordId? = nil
    ) {
        self.accountId = accountId
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.title = title
        self.convertedFromLeadId = convertedFromLeadId
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(accountId)
        writer.write(firstName)
        writer.write(lastName)
        writer.write(email)
        writer.write(phone)
        writer.write(title)
        writer.write(convertedFromLeadId)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("accountId", accountId)
        object.memberIfPresent("convertedFromLeadId", convertedFromLeadId)
        object.personFields(of: self, firstName: firstName, lastName: lastName, email: email, phone: phone)
        object.memberIfPresent("title", title)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            accountId: try reader.read(),
            firstName: try reader.read(),
            lastName: try reader.read(),
            email: try reader.read(),
            phone: try reader.read(),
            title: try reader.read(),
            convertedFromLeadId: try reader.read()
        )
    }

    enum CodingKeys: String, CodingKey {
        case accountId, firstName, lastName, email, phone, title, convertedFromLeadId
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accountId, forKey: .accountId)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(convertedFromLeadId, forKey: .convertedFromLeadId)
        try encodePersonalFields(to: encoder)
    }
}

extension ContactAdded: PersonalData {
    public static let personalFields = ["firstName", "lastName", "email", "phone"]

    public var personalValues: [String?] { [firstName, lastName, email, phone] }

    public func replacingPersonalValues(_ values: [String?]) -> ContactAdded {
        var copy = self
        copy.firstName = values[0]
        copy.lastName = values[1] ?? ""
        copy.email = values[2]
        copy.phone = values[3]
        return copy
    }
}
