public import RapportCRM
public import RapportTime

/// The lead funnel and campaign results: leads by source and status with conversion rates, and each campaign's
/// members, responses, influenced and won opportunities, costs and return on investment.
///
/// Rates and returns are null where their denominator is zero. Amounts are summed as recorded.
public struct FunnelReport: TabularReport, Hashable {
    /// The moment the report speaks of.
    public var asOf: Timestamp
    /// The log position the funnel has reached.
    public var position: UInt64
    /// The leads.
    public var leads: Leads
    /// Every campaign, in the order they were launched.
    public var campaigns: [Campaign]
}

extension FunnelReport {
    /// The leads, overall, by source and by status.
    public struct Leads: Encodable, Sendable, Hashable {
        /// Leads captured.
        public var count: Int
        /// Leads converted.
        public var converted: Int
        /// Leads disqualified.
        public var disqualified: Int
        /// Converted over all leads.
        public var conversionRate: Double?
        /// Leads by source, sources by name and leads with none last.
        public var bySource: [Source]
        /// Leads by the status recorded last, statuses by name.
        public var byStatus: [Status]

        private enum CodingKeys: String, CodingKey {
            case count, converted, disqualified, conversionRate, bySource, byStatus
        }

        /// Writes the leads, the rate as null when there are none.
        ///
        /// - Parameter encoder: The encoder.
        /// - Throws: What the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(count, forKey: .count)
            try container.encode(converted, forKey: .converted)
            try container.encode(disqualified, forKey: .disqualified)
            try container.encode(conversionRate, forKey: .conversionRate)
            try container.encode(bySource, forKey: .bySource)
            try container.encode(byStatus, forKey: .byStatus)
        }
    }

    /// The leads of one source.
    public struct Source: Encodable, Sendable, Hashable {
        /// The source, null for leads captured without one.
        public var source: String?
        /// Leads captured.
        public var count: Int
        /// Leads converted.
        public var converted: Int
        /// Converted over captured.
        public var conversionRate: Double?

        private enum CodingKeys: String, CodingKey { case source, count, converted, conversionRate }

        /// Writes the source's leads, a missing source or rate as null.
        ///
        /// - Parameter encoder: The encoder.
        /// - Throws: What the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(source, forKey: .source)
            try container.encode(count, forKey: .count)
            try container.encode(converted, forKey: .converted)
            try container.encode(conversionRate, forKey: .conversionRate)
        }
    }

    /// The leads in one status.
    public struct Status: Codable, Sendable, Hashable {
        /// The status's name, as recorded.
        public var status: String
        /// Leads in it.
        public var count: Int
    }

    /// One campaign's results.
    public struct Campaign: Encodable, Sendable, Hashable {
        /// The campaign's id.
        public var campaignId: String
        /// The campaign's name.
        public var name: String
        /// The campaign's type.
        public var type: String?
        /// Whether it was completed.
        public var completed: Bool
        /// Members: leads and contacts.
        public var members: Int
        /// Leads among the members.
        public var leadMembers: Int
        /// Contacts among the members.
        public var contactMembers: Int
        /// Members who responded.
        public var responses: Int
        /// Responses over members.
        public var responseRate: Double?
        /// Leads captured with the campaign's id.
        public var leadsCaptured: Int
        /// Of them, leads converted.
        public var leadsConverted: Int
        /// Opportunities opened with the campaign's id.
        public var influencedOpportunities: Int
        /// Their amounts now.
        public var influencedAmount: Money
        /// Of them, opportunities closed won now.
        public var wonOpportunities: Int
        /// Their amounts when won.
        public var wonAmount: Money
        /// The cost planned at launch.
        public var budgetedCost: Money?
        /// The actual cost recorded last.
        public var actualCost: Money?
        /// Return on investment: (won amount - actual cost) / actual cost; null without an actual cost above zero.
        public var roi: Double?

        private enum CodingKeys: String, CodingKey {
            case campaignId, name, type, completed, members, leadMembers, contactMembers, responses, responseRate
            case leadsCaptured, leadsConverted, influencedOpportunities, influencedAmount, wonOpportunities
            case wonAmount, budgetedCost, actualCost, roi
        }

        /// Writes the campaign, every field present (null where there is no value).
        ///
        /// - Parameter encoder: The encoder.
        /// - Throws: What the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(campaignId, forKey: .campaignId)
            try container.encode(name, forKey: .name)
            try container.encode(type, forKey: .type)
            try container.encode(completed, forKey: .completed)
            try container.encode(members, forKey: .members)
            try container.encode(leadMembers, forKey: .leadMembers)
            try container.encode(contactMembers, forKey: .contactMembers)
            try container.encode(responses, forKey: .responses)
            try container.encode(responseRate, forKey: .responseRate)
            try container.encode(leadsCaptured, forKey: .leadsCaptured)
            try container.encode(leadsConverted, forKey: .leadsConverted)
            try container.encode(influencedOpportunities, forKey: .influencedOpportunities)
            try container.encode(influencedAmount, forKey: .influencedAmount)
            try container.encode(wonOpportunities, forKey: .wonOpportunities)
            try container.encode(wonAmount, forKey: .wonAmount)
            try container.encode(budgetedCost, forKey: .budgetedCost)
            try container.encode(actualCost, forKey: .actualCost)
            try container.encode(roi, forKey: .roi)
        }
    }
}
