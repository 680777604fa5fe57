/// A lead was captured: a person at a company who may become a customer.
///
/// Version 2 splits version 1's single `name` into `firstName` and `lastName` and adds `phone`, `title` and the
/// starting `status`; version 1 events are upcast when read (``init(from:schemaVersion:)``).
public struct LeadCaptured: EventPayload {
    public static let eventType = "LeadCaptured"
    public static let schemaVersion = 2

    /// The status version 1 leads start in: the standard configuration's first, the only one before statuses
    /// were recorded.
    public static let version1Status = "Open - Not Contacted"

    /// The company the person works for.
    public var company: String
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
    /// Where the lead came from, e.g. `Web`.
    public var source: Optional<String>
    /// The campaign that brought the lead in.
    public var campaignId: Optional<RecordId>
    /// The status the lead starts in.
    public var status: String

    /// Whether the personal fields were erased (see ``PersonalData``); never part of the binary form.
    public var erased = false

    /// Creates the event.
    public init(
        company: String,
        firstName: String? = nil,
        lastName: String,
        email: String? = nil,
        phone: String? = nil,
        title: String? = nil,
        source: String? = nil,
        campaignId: RecordId? = nil,
        status: String
    ) {
        self.company = company
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.title = title
        self.source = source
        self.campaignId = campaignId
        self.status = status
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(company)
        writer.write(firstName)
        writer.write(lastName)
        writer.write(email)
        writer.write(phone)
        writer.write(title)
        writer.write(source)
        writer.write(campaignId)
        writer.write(status)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.memberIfPresent("campaignId", campaignId)
        object.member("company", company)
        object.personFields(of: self, firstName: firstName, lastName: lastName, email: email, phone: phone)
        object.memberIfPresent("source", source)
        object.member("status", status)
        object.memberIfPresent("title", title)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        guard schemaVersion > 1 else {
            try self.init(version1From: &reader)
            return
        }
        self.init(
            company: try reader.read(),
            firstName: try reader.read(),
            lastName: try reader.read(),
            email: try reader.read(),
            phone: try reader.read(),
            title: try reader.read(),
            source: try reader.read(),
            campaignId: try reader.read(),
            status: try reader.read()
        )
    }

    /// Reads version 1, `company, name, email?, source?, campaignId?`, splitting the name at its last space.
    private init(version1From reader: inout ByteReader) throws(BinaryFormatError) {
        let company: String = try reader.read()
        let name = Self.splitName(try reader.read())
        self.init(
            company: company,
            firstName: name.firstName,
            lastName: name.lastName,
            email: try reader.read(),
            source: try reader.read(),
            campaignId: try reader.read(),
            status: Self.version1Status
        )
    }

    /// Splits a full name into its last space-separated word, the family name, and the words before it, the
    /// given name (nil when there are none).
    ///
    /// - Parameter name: The full name, e.g. `Mary Ann Smith`.
    /// - Returns: The given and family name, e.g. `Mary Ann` and `Smith`.
    static func splitName(_ name: String) -> (firstName: String?, lastName: String) {
        let words = name.split(separator: " ")
        guard let last = words.last else { return (nil, name) }
        let first = words.dropLast().joined(separator: " ")
        return (first.isEmpty ? nil : first, String(last))
    }

    enum CodingKeys: String, CodingKey {
        case company, firstName, lastName, email, phone, title, source, campaignId, status
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(company, forKey: .company)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(campaignId, forKey: .campaignId)
        try container.encode(status, forKey: .status)
        try encodePersonalFields(to: encoder)
    }
}

extension LeadCaptured: PersonalData {
    public static let personalFields = ["firstName", "lastName", "email", "phone"]

    public var personalValues: [String?] { [firstName, lastName, email, phone] }

    public func replacingPersonalValues(_ values: [String?]) -> LeadCaptured {
        var copy = self
        copy.firstName = values[0]
        copy.lastName = values[1] ?? ""
        copy.email = values[2]
        copy.phone = values[3]
        return copy
    }
}
