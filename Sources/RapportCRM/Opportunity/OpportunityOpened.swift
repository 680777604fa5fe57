public import RapportTime

/// An opportunity, a deal in progress with an account, was opened.
///
/// It records the stage's probability and forecast category in force when it happened, so a later change of
/// configuration never changes history.
public struct OpportunityOpened: EventPayload {
    public static let eventType = "OpportunityOpened"

    /// The account the deal is with.
    public var accountId: RecordId
    /// The deal's name.
    public var name: String
    /// The expected amount (0 when not known yet).
    public var amount: Money
    /// The ISO 4217 currency of the amount.
    public var currency: String
    /// When the deal is expected to close.
    public var closeDate: CalendarDate
    /// The stage's name.
    public var stage: String
    /// The stage's probability of winning then, in percent.
    public var probability: Int
    /// The stage's forecast category then.
    public var forecastCategory: ForecastCategory
    /// The owning user.
    public var ownerId: RecordId
    /// The campaign that sourced the deal.
    public var campaignId: Optional<RecordId>
    /// The lead whose conversion opened the deal, if one did.
    public var convertedFromLeadId: Optional<RecordId>

    /// Creates the event.
    public init(
        accountId: RecordId,
        name: String,
        amount: Money,
        currency: String,
        closeDate: CalendarDate,
        stage: String,
        probability: Int,
        forecastCategory: ForecastCategory,
        ownerId: RecordId,
        campaignId: RecordId? = nil,
        convertedFromLeadId: RecordId? = nil
    ) {
        self.accountId = accountId
        self.name = name
        self.amount = amount
        self.currency = currency
        self.closeDate = closeDate
        self.stage = stage
        self.probability = probability
        self.forecastCategory = forecastCategory
        self.ownerId = ownerId
        self.campaignId = campaignId
        self.convertedFromLeadId = convertedFromLeadId
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(accountId)
        writer.write(name)
        writer.write(amount)
        writer.write(currency)
        writer.write(closeDate)
        writer.write(stage)
        writer.write(probability)
        writer.write(forecastCategory)
        writer.write(ownerId)
        writer.write(campaignId)
        writer.write(convertedFromLeadId)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("accountId", accountId)
        object.member("amount", amount)
        object.memberIfPresent("campaignId", campaignId)
        object.member("closeDate", closeDate)
        object.memberIfPresent("convertedFromLeadId", convertedFromLeadId)
        object.member("currency", currency)
        object.member("forecastCategory", forecastCategory)
        object.member("name", name)
        object.member("ownerId", ownerId)
        object.member("probability", probability)
        object.member("stage", stage)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            accountId: try reader.read(),
            name: try reader.read(),
            amount: try reader.read(),
            currency: try reader.read(),
            closeDate: try reader.read(),
            stage: try reader.read(),
            probability: try reader.read(),
            forecastCategory: try reader.read(),
            ownerId: try reader.read(),
            campaignId: try reader.read(),
            convertedFromLeadId: try reader.read()
        )
    }
}
