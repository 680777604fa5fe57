public import RapportTime

/// A marketing campaign was launched.
public struct CampaignLaunched: EventPayload {
    public static let eventType = "CampaignLaunched"

    /// The campaign's name.
    public var name: String
    /// The campaign's type, e.g. `Webinar`.
    public var type: Optional<String>
    /// What the campaign is planned to cost.
    public var budgetedCost: Optional<Money>
    /// The first day.
    public var startDate: Optional<CalendarDate>
    /// The last day.
    public var endDate: Optional<CalendarDate>

    /// Creates the event.
    public init(
        name: String,
        type: String? = nil,
        budgetedCost: Money? = nil,
        startDate: CalendarDate? = nil,
        endDate: CalendarDate? = nil
    ) {
        self.name = name
        self.type = type
        self.budgetedCost = budgetedCost
        self.startDate = startDate
        self.endDate = endDate
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(name)
        writer.write(type)
        writer.write(budgetedCost)
        writer.write(startDate)
        writer.write(endDate)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.memberIfPresent("budgetedCost", budgetedCost)
        object.memberIfPresent("endDate", endDate)
        object.member("name", name)
        object.memberIfPresent("startDate", startDate)
        object.memberIfPresent("type", type)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            name: try reader.read(),
            type: try reader.read(),
            budgetedCost: try reader.read(),
            startDate: try reader.read(),
            endDate: try reader.read()
        )
    }
}

/// The campaign's actual cost was recorded.
public struct CampaignCostRecorded: EventPayload {
    public static let eventType = "CampaignCostRecorded"

    /// The campaign's new total actual cost to date (not an increment): it replaces the total recorded before.
    public var actualCost: Money

    /// Creates the event.
    public init(actualCost: Money) {
        self.actualCost = actualCost
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(actualCost)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("actualCost", actualCost)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(actualCost: try reader.read())
    }
}

/// The campaign was completed; it takes no changes afterwards.
public struct CampaignCompleted: EventPayload {
    public static let eventType = "CampaignCompleted"

    /// How many members the campaign had when it completed.
    public var memberCount: Int
    /// How many of them had responded.
    public var responseCount: Int

    /// Creates the event.
    public init(memberCount: Int, responseCount: Int) {
        self.memberCount = memberCount
        self.responseCount = responseCount
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(memberCount)
        writer.write(responseCount)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("memberCount", memberCount)
        object.member("responseCount", responseCount)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(memberCount: try reader.read(), responseCount: try reader.read())
    }
}
