public import RapportTime

/// An open opportunity moved to another open stage.
///
/// It records the new stage's probability and forecast category in force then, so a later change of
/// configuration never changes history.
public struct OpportunityStageChanged: EventPayload {
    public static let eventType = "OpportunityStageChanged"

    /// The stage it left.
    public var fromStage: String
    /// The stage it is in now.
    public var toStage: String
    /// The new stage's probability of winning then, in percent.
    public var probability: Int
    /// The new stage's forecast category then.
    public var forecastCategory: ForecastCategory

    /// Creates the event.
    public init(fromStage: String, toStage: String, probability: Int, forecastCategory: ForecastCategory) {
        self.fromStage = fromStage
        self.toStage = toStage
        self.probability = probability
        self.forecastCategory = forecastCategory
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(fromStage)
        writer.write(toStage)
        writer.write(probability)
        writer.write(forecastCategory)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("forecastCategory", forecastCategory)
        object.member("fromStage", fromStage)
        object.member("probability", probability)
        object.member("toStage", toStage)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            fromStage: try reader.read(),
            toStage: try reader.read(),
            probability: try reader.read(),
            forecastCategory: try reader.read()
        )
    }
}

/// An open opportunity's amount was set by hand.
public struct OpportunityAmountChanged: EventPayload {
    public static let eventType = "OpportunityAmountChanged"

    /// The amount before.
    public var from: Money
    /// The amount now.
    public var to: Money

    /// Creates the event.
    public init(from: Money, to: Money) {
        self.from = from
        self.to = to
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(from)
        writer.write(to)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("from", from)
        object.member("to", to)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(from: try reader.read(), to: try reader.read())
    }
}

/// An open opportunity's expected close date moved (a slip when it moved later).
public struct OpportunityCloseDateMoved: EventPayload {
    public static let eventType = "OpportunityCloseDateMoved"

    /// The expected close date before.
    public var from: CalendarDate
    /// The expected close date now.
    public var to: CalendarDate

    /// Creates the event.
    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(from)
        writer.write(to)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("from", from)
        object.member("to", to)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(from: try reader.read(), to: try reader.read())
    }
}
