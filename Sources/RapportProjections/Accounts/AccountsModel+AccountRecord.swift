import RapportCRM
import RapportTime

extension AccountsModel {
    /// What the view keeps of one account: its profile and the ids of the records that belong to it now.
    struct AccountRecord: Sendable, Hashable {
        var name: String
        var type: UInt32 = 0
        var industry: UInt32 = 0
        var owner: UInt32
        var website: String?
        var annualRevenue: Money?
        var employees: Int?
        var country: UInt32 = 0
        var territory: UInt32 = 0
        var status = AccountReport.Status.active
        /// The survivor, once the account was merged into it.
        var mergedInto: RecordId?
        var parentId: RecordId?
        var openedAt: Timestamp
        /// The accounts whose parent this one is, in the order they became its children.
        var childIds: [RecordId] = []
        var contactIds: [RecordId] = []
        var opportunityIds: [RecordId] = []
        var caseIds: [RecordId] = []
        /// The latest activities and tasks.
        var activities = ActivityTimeline()
        /// The duplicates merged into this account, in merge order.
        var mergedAccounts: [MergedAccountRecord] = []
        /// The leads converted into this account, in conversion order.
        var leadConversions: [LeadConversionRecord] = []
    }
}

extension AccountsModel.AccountRecord {
    /// The account as it opened.
    ///
    /// - Parameters:
    ///   - opened: The event.
    ///   - at: When it opened.
    ///   - texts: The pool its repeated texts go to.
    init(_ opened: AccountOpened, at: Timestamp, texts: inout AccountTexts) {
        name = opened.name
        type = texts.number(of: opened.type)
        industry = texts.number(of: opened.industry)
        owner = texts.number(of: opened.ownerId.text)
        website = opened.website
        annualRevenue = opened.annualRevenue
        employees = opened.employees
        country = texts.number(of: opened.billingCountry)
        territory = texts.number(of: opened.territory)
        parentId = opened.parentAccountId
        openedAt = at
    }

    /// Takes the fields an update changed; an empty text clears a field. The parent is not handled here:
    /// it changes the parents' lists of children too.
    ///
    /// - Parameters:
    ///   - update: The event.
    ///   - texts: The pool its repeated texts go to.
    mutating func update(_ update: AccountUpdated, texts: inout AccountTexts) {
        if let value = update.name, !value.isEmpty { name = value }
        if let value = update.type { type = texts.number(of: value) }
        if let value = update.industry { industry = texts.number(of: value) }
        if let value = update.website { website = value.isEmpty ? nil : value }
        if let value = update.annualRevenue { annualRevenue = value }
        if let value = update.employees { employees = value }
        if let value = update.billingCountry { country = texts.number(of: value) }
        if let value = update.territory { territory = texts.number(of: value) }
    }
}

extension AccountsModel.AccountRecord: AccountViewField {
    func write(to writer: inout ByteWriter) {
        writer.write(name)
        writer.write(website)
        writer.write(annualRevenue)
        writer.write(employees)
        writer.write(mergedInto)
        writer.write(parentId)
        writer.write(openedAt)
        for number in [type, industry, owner, country, territory] { AccountTexts.writeNumber(number, to: &writer) }
        status.writeOrdinal(to: &writer)
        writer.write(childIds)
        writer.write(contactIds)
        writer.write(opportunityIds)
        writer.write(caseIds)
        activities.write(to: &writer)
        mergedAccounts.writeFields(to: &writer)
        leadConversions.writeFields(to: &writer)
    }

    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        var record = try readProfile(from: &reader, texts: texts)
        record.childIds = try reader.read()
        record.contactIds = try reader.read()
        record.opportunityIds = try reader.read()
        record.caseIds = try reader.read()
        record.activities = try .read(from: &reader, texts: texts)
        record.mergedAccounts = try .readFields(from: &reader, texts: texts)
        record.leadConversions = try .readFields(from: &reader, texts: texts)
        return record
    }

    /// Reads the leading part of a record written by ``write(to:)``, its ``profile``, leaving the rest unread.
    ///
    /// - Parameters:
    ///   - reader: The reader, at the record.
    ///   - texts: The pool the record's text numbers refer to.
    /// - Returns: The account without the ids of its records, its timeline, merges and conversions.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged.
    static func readProfile(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        let name: String = try reader.read()
        let website: String? = try reader.read()
        let annualRevenue: Money? = try reader.read()
        let employees: Int? = try reader.read()
        let mergedInto: RecordId? = try reader.read()
        let parentId: RecordId? = try reader.read()
        let openedAt: Timestamp = try reader.read()
        var record = Self(name: name, owner: 0, openedAt: openedAt)
        record.website = website
        record.annualRevenue = annualRevenue
        record.employees = employees
        record.mergedInto = mergedInto
        record.parentId = parentId
        record.type = try texts.readNumber(from: &reader)
        record.industry = try texts.readNumber(from: &reader)
        record.owner = try texts.readNumber(from: &reader)
        record.country = try texts.readNumber(from: &reader)
        record.territory = try texts.readNumber(from: &reader)
        record.status = try .readOrdinal(from: &reader)
        return record
    }
}

extension AccountsModel.AccountRecord {
    /// The account without the ids of its records, its timeline, merges and conversions: what another account's
    /// report names of it (its name and status), and what its own events still change.
    var profile: Self {
        var profile = self
        profile.childIds = []
        profile.contactIds = []
        profile.opportunityIds = []
        profile.caseIds = []
        profile.activities = AccountsModel.ActivityTimeline()
        profile.mergedAccounts = []
        profile.leadConversions = []
        return profile
    }
}
