import RapportCRM
import RapportTime

extension AccountsModel {
    /// What the view keeps of one contact.
    struct ContactRecord: Sendable, Hashable {
        var accountId: RecordId
        /// Personal fields are kept as they are, never in the shared text pool, so that forgetting the contact
        /// leaves no trace of them in the view or its snapshots.
        var firstName: String?
        var lastName: String?
        var email: String?
        var phone: String?
        var title: UInt32
        var addedAt: Timestamp
        /// Whether the contact was forgotten and its personal fields erased.
        var erased = false
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
            firstName: Self.present(added.firstName),
            lastName: Self.present(added.lastName),
            email: Self.present(added.email),
            phone: Self.present(added.phone),
            title: texts.number(of: added.title),
            addedAt: at,
            erased: added.erased
        )
    }

    /// Erases the personal fields: the contact was forgotten.
    mutating func forget() {
        firstName = nil
        lastName = nil
        email = nil
        phone = nil
        erased = true
    }

    /// A text, or nil when missing or empty.
    private static func present(_ text: String?) -> String? {
        text.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Takes the fields an update changed; an empty text clears a field.
    ///
    /// - Parameters:
    ///   - update: The event.
    ///   - texts: The pool its repeated texts go to.
    mutating func update(_ update: ContactUpdated, texts: inout AccountTexts) {
        if update.erased { forget() }
        if let value = update.firstName { firstName = Self.present(value) }
        if let value = update.lastName, !value.isEmpty { lastName = value }
        if let value = update.email { email = Self.present(value) }
        if let value = update.phone { phone = Self.present(value) }
        if let value = update.title { title = texts.number(of: value) }
    }
}

extension AccountsModel.ContactRecord: AccountViewField {
    func write(to writer: inout ByteWriter) {
        writer.write(accountId)
        writer.write(firstName)
        writer.write(lastName)
        writer.write(email)
        writer.write(phone)
        writer.write(addedAt)
        writer.write(erased)
        AccountTexts.writeNumber(title, to: &writer)
        campaigns.writeFields(to: &writer)
    }

    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        let accountId: RecordId = try reader.read()
        let firstName: String? = try reader.read()
        let lastName: String? = try reader.read()
        let email: String? = try reader.read()
        let phone: String? = try reader.read()
        let addedAt: Timestamp = try reader.read()
        let erased: Bool = try reader.read()
        return Self(
            accountId: accountId,
            firstName: firstName,
            lastName: lastName,
            email: email,
            phone: phone,
            title: try texts.readNumber(from: &reader),
            addedAt: addedAt,
            erased: erased,
            campaigns: try .readFields(from: &reader, texts: texts)
        )
    }
}
