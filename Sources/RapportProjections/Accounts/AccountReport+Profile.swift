public import RapportCRM
public import RapportTime

extension AccountReport {
    /// An account's own fields.
    public struct Profile: Sendable, Hashable, Encodable {
        /// The account's id.
        public let id: RecordId
        /// The name.
        public let name: String
        /// The type, e.g. `Customer`.
        public let type: String?
        /// The industry.
        public let industry: String?
        /// The owning user.
        public let ownerId: String?
        /// The web site.
        public let website: String?
        /// Yearly revenue.
        public let annualRevenue: Money?
        /// Number of employees.
        public let employees: Int?
        /// The billing country.
        public let country: String?
        /// The sales territory.
        public let territory: String?
        /// Active, inactive or merged.
        public let status: Status
        /// The survivor it was merged into, when it was.
        public let mergedInto: RecordId?
        /// When it opened (business time).
        public let openedAt: Timestamp

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(type, forKey: .type)
            try container.encode(industry, forKey: .industry)
            try container.encode(ownerId, forKey: .ownerId)
            try container.encode(website, forKey: .website)
            try container.encode(annualRevenue, forKey: .annualRevenue)
            try container.encode(employees, forKey: .employees)
            try container.encode(country, forKey: .country)
            try container.encode(territory, forKey: .territory)
            try container.encode(status, forKey: .status)
            try container.encode(mergedInto, forKey: .mergedInto)
            try container.encode(openedAt, forKey: .openedAt)
        }

        private enum Keys: String, CodingKey {
            case id, name, type, industry, ownerId, website, annualRevenue, employees, country, territory, status
            case mergedInto, openedAt
        }
    }

    /// Another account the view points to: a parent or a child.
    public struct AccountLink: Sendable, Hashable, Encodable {
        /// The account's id.
        public let id: RecordId
        /// Its name, when the view has the account.
        public let name: String?
        /// Its status, when the view has the account.
        public let status: Status?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(status, forKey: .status)
        }

        private enum Keys: String, CodingKey {
            case id, name, status
        }
    }

    /// A duplicate merged into the account.
    public struct MergedAccount: Sendable, Hashable, Encodable {
        /// The duplicate's id.
        public let id: RecordId
        /// Its name, when the view has the account.
        public let name: String?
        /// When it was merged (business time).
        public let mergedAt: Timestamp

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(mergedAt, forKey: .mergedAt)
        }

        private enum Keys: String, CodingKey {
            case id, name, mergedAt
        }
    }
}
