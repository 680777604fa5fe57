public import RapportCRM
public import RapportTime

extension AccountReport {
    /// An opportunity of the account, with the stage's probability and forecast category its events recorded.
    public struct Opportunity: Sendable, Hashable, Encodable {
        /// The opportunity's id.
        public let id: RecordId
        /// The deal's name.
        public let name: String
        /// The stage.
        public let stage: String?
        /// The stage's probability of winning, in percent.
        public let probability: Int
        /// The stage's forecast category.
        public let forecastCategory: ForecastCategory
        /// The amount (the amount won or lost once closed).
        public let amount: Money
        /// The ISO 4217 currency of the amount.
        public let currency: String?
        /// The expected close date, or the day it closed.
        public let closeDate: CalendarDate
        /// The owning user.
        public let ownerId: String?
        /// Open, won or lost.
        public let status: OpportunityStatus
        /// Why it was lost, when it was.
        public let lossReason: String?
        /// When it opened (business time).
        public let openedAt: Timestamp

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(stage, forKey: .stage)
            try container.encode(probability, forKey: .probability)
            try container.encode(forecastCategory, forKey: .forecastCategory)
            try container.encode(amount, forKey: .amount)
            try container.encode(currency, forKey: .currency)
            try container.encode(closeDate, forKey: .closeDate)
            try container.encode(ownerId, forKey: .ownerId)
            try container.encode(status, forKey: .status)
            try container.encode(status == .won, forKey: .won)
            try container.encode(lossReason, forKey: .lossReason)
            try container.encode(openedAt, forKey: .openedAt)
        }

        private enum Keys: String, CodingKey {
            case id, name, stage, probability, forecastCategory, amount, currency, closeDate, ownerId, status, won
            case lossReason, openedAt
        }
    }
}
