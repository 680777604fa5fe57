import RapportCRM
import RapportTime

extension AccountsModel {
    /// What the view keeps of one contact.
    struct ContactRecord: Sendable, Hashable {
        var accountId: RecordId
        var firstName: UInt32
        var lastName: UInt32
        var email: String?
        var phone: String?
        var title: UInt32
        var addedAt: Timestamp
        /// The campaigns the contact is a member of, in the order it joined them.
        var campaigns: [CampaignTouchRecord] = []
    }
}

extension AccountsModel.ContactRecord {
    /// The contact as it was added.
    ///
    /// - Parameters:
    ///   - added: The event.
    ///   - at: When it was added.
    ///   - texts: The pool its repeated texts go to.
    init(_ added: ContactAdded, at: Timestamp, texts: inout AccountTexts) {
        self.init(
            accountId: added.accountId,
            firstName: texts.number(of: added.firstName),
            lastName: texts.number(of: added.lastName),
            email: added.email.flatMap { $0.isEmpty ? nil : $0 },
            phone: added.phone.flatMap { $0.isEmpty ? nil : $0 },
            title: texts.number(of: added.title),
            addedAt: at
        )
    }

    /// Takes the fields an update changed; an empty text clears a field.
    ///
    /// - Parameters:
    ///   - update: The event.
    ///   - texts: The pool its repeated texts go to.
    mutating func update(_ update: ContactUpdated, texts: inout AccountTexts) {
        if let value = update.firstName { firstName = texts.number(of: value) }
        if let value = update.lastName, !value.isEmpty { lastName = texts.number(of: value) }
        if let value = update.email { email = value.isEmpty ? nil : value }
        if let value = update.phone { phone = value.isEmpty ? nil : value }
        if let value = update.title { title = texts.number(of: value) }
    }
}

extension AccountsModel.ContactRecord: AccountViewField {
    func write(to writer: inout ByteWriter) {
        writer.write(accountId, email, phone, addedAt)
        AccountTexts.writeNumber(firstName, to: &writer)
        AccountTexts.writeNumber(lastName, to: &writer)
        AccountTexts.writeNumber(title, to: &writer)
        campaigns.writeFields(to: &writer)
    }

    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        let accountId: RecordId = try reader.read()
        let email: String? = try reader.read()
        let phone: String? = try reader.read()
        let addedAt: Timestamp = try reader.read()
        return Self(
            accountId: accountId,
            firstName: try texts.readNumber(from: &reader),
            lastName: try texts.readNumber(from: &reader),
            email: email,
            phone: phone,
            title: try texts.readNumber(from: &reader),
            addedAt: addedAt,
            campaigns: try .readFields(from: &reader, texts: texts)
        )
    }
}
