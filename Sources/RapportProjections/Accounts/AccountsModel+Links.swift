import RapportCRM
import RapportTime

extension AccountsModel {
    /// A duplicate merged into an account, and when.
    struct MergedAccountRecord: Sendable, Hashable {
        var id: RecordId
        var at: Timestamp
    }

    /// A lead converted into an account: the contact it became, the opportunity it opened, and whether the
    /// conversion opened the account itself.
    struct LeadConversionRecord: Sendable, Hashable {
        var leadId: RecordId
        var contactId: RecordId
        var opportunityId: RecordId?
        var accountCreated: Bool
        var at: Timestamp
    }

    /// A contact's membership of a campaign: when it was added and when it first responded.
    struct CampaignTouchRecord: Sendable, Hashable {
        var campaignId: RecordId
        var addedAt: Timestamp
        var respondedAt: Timestamp?
    }
}

extension AccountsModel.MergedAccountRecord: AccountViewField {
    func write(to writer: inout ByteWriter) {
        writer.write(id)
        writer.write(at)
    }

    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        Self(id: try reader.read(), at: try reader.read())
    }
}

extension AccountsModel.LeadConversionRecord: AccountViewField {
    func write(to writer: inout ByteWriter) {
        writer.write(leadId)
        writer.write(contactId)
        writer.write(opportunityId)
        writer.write(accountCreated)
        writer.write(at)
    }

    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        Self(
            leadId: try reader.read(),
            contactId: try reader.read(),
            opportunityId: try reader.read(),
            accountCreated: try reader.read(),
            at: try reader.read()
        )
    }
}

extension AccountsModel.CampaignTouchRecord: AccountViewField {
    func write(to writer: inout ByteWriter) {
        writer.write(campaignId)
        writer.write(addedAt)
        writer.write(respondedAt)
    }

    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        Self(campaignId: try reader.read(), addedAt: try reader.read(), respondedAt: try reader.read())
    }
}
