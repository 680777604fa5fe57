public import RapportTime

/// An opportunity was closed as won.
///
/// It records the closing stage's probability and forecast category in force then, the amount won and the day
/// it closed, so reports need nothing else.
public struct OpportunityClosedWon: EventPayload {
    public static let eventType = "OpportunityClosedWon"

    /// The closed won stage.
    public var stage: String
    /// The stage's probability then, in percent.
    public var probability: Int
    /// The stage's forecast category then.
    public var forecastCategory: ForecastCategory
    /// The amount won.
    public var amount: Money
    /// The day it closed (UTC), which becomes its close date.
    public var closeDate: CalendarDate

    /// Creates the event.
    public init(
        stage: String,
        probability: Int,
        forecastCategory: ForecastCategory,
        amount: Money,
        closeDate: CalendarDate
    ) {
        self.stage = stage
        self.probability = probability
        self.forecastCategory = forecastCategory
        self.amount = amount
        self.closeDate = closeDate
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(stage)
        writer.write(probability)
        writer.write(forecastCategory)
        writer.write(amount)
        writer.write(closeDate)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("amount", amount)
        object.member("closeDate", closeDate)
        object.member("forecastCategory", forecastCategory)
        object.member("probability", probability)
        object.member("stage", stage)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            stage: try reader.read(),
            probability: try reader.read(),
            forecastCategory: try reader.read(),
            amount: try reader.read(),
            closeDate: try reader.read()
        )
    }
}

/// An opportunity was closed as lost, with the reason.
///
/// Like ``OpportunityClosedWon`` it records the stage's probability and forecast category then, the amount lost
/// and the day it closed.
public struct OpportunityClosedLost: EventPayload {
    public static let eventType = "OpportunityClosedLost"

    /// Why the deal was lost.
    public var reason: String
    /// The closed lost stage.
    public var stage: String
    /// The stage's probability then, in percent.
    public var probability: Int
    /// The stage's forecast category then.
    public var forecastCategory: ForecastCategory
    /// The amount lost.
    public var amount: Money
    /// The day it closed (UTC), which becomes its close date.
    public var closeDate: CalendarDate

    /// Creates the event.
    public init(
        reason: String,
        stage: String,
        probability: Int,
        forecastCategory: ForecastCategory,
        amount: Money,
        closeDate: CalendarDate
    ) {
        self.reason = reason
        self.stage = stage
        self.probability = probability
        self.forecastCategory = forecastCategory
        self.amount = amount
        self.closeDate = closeDate
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(reason)
        writer.write(stage)
        writer.write(probability)
        writer.write(forecastCategory)
        writer.write(amount)
        writer.write(closeDate)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("amount", amount)
        object.member("closeDate", closeDate)
        object.member("forecastCategory", forecastCategory)
        object.member("probability", probability)
        object.member("reason", reason)
        object.member("stage", stage)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            reason: try reader.read(),
            stage: try reader.read(),
            probability: try reader.read(),
            forecastCategory: try reader.read(),
            amount: try reader.read(),
            closeDate: try reader.read()
        )
    }
}

/// A closed opportunity was reopened in an open stage, with that stage's probability and forecast category then.
public struct OpportunityReopened: EventPayload {
    public static let eventType = "OpportunityReopened"

    /// The closed stage it left.
    public var fromStage: String
    /// The open stage it is in now.
    public var toStage: String
    /// The new stage's probability then, in percent.
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
