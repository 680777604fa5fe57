public import RapportCRM
public import RapportTime

extension AccountReport {
    /// A contact of the account.
    public struct Contact: Sendable, Hashable, Encodable {
        /// The contact's id.
        public let id: RecordId
        /// The given name.
        public let firstName: String?
        /// The family name.
        public let lastName: String?
        /// The email address.
        public let email: String?
        /// The phone number.
        public let phone: String?
        /// The job title.
        public let title: String?
        /// When the contact was added (business time).
        public let addedAt: Timestamp
        /// Whether the contact was forgotten: its name, email and phone are erased (`null`), and the JSON form
        /// lists them under `erased`.
        public let erased: Bool

        /// The full name: the given name, when there is one, then the family name.
        public var name: String {
            [firstName, lastName].compactMap { $0 }.joined(separator: " ")
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(erased ? nil : name, forKey: .name)
            try container.encode(firstName, forKey: .firstName)
            try container.encode(lastName, forKey: .lastName)
            try container.encode(email, forKey: .email)
            try container.encode(phone, forKey: .phone)
            try container.encode(title, forKey: .title)
            try container.encode(addedAt, forKey: .addedAt)
            if erased {
                try container.encode(["name", "firstName", "lastName", "email", "phone"], forKey: .erased)
            }
        }

        private enum Keys: String, CodingKey {
            case id, name, firstName, lastName, email, phone, title, addedAt, erased
        }
    }

    /// A contact's membership of a campaign.
    public struct CampaignTouch: Sendable, Hashable, Encodable {
        /// The campaign's id.
        public let campaignId: RecordId
        /// The campaign's name, when the view has the campaign.
        public let campaignName: String?
        /// The contact who is a member.
        public let contactId: RecordId
        /// When the contact became a member (business time).
        public let addedAt: Timestamp
        /// When the contact first responded, if it did.
        public let respondedAt: Timestamp?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(campaignId, forKey: .campaignId)
            try container.encode(campaignName, forKey: .campaignName)
            try container.encode(contactId, forKey: .contactId)
            try container.encode(addedAt, forKey: .addedAt)
            try container.encode(respondedAt != nil, forKey: .responded)
            try container.encode(respondedAt, forKey: .respondedAt)
        }

        private enum Keys: String, CodingKey {
            case campaignId, campaignName, contactId, addedAt, responded, respondedAt
        }
    }

    /// A lead converted into the account.
    public struct LeadConversion: Sendable, Hashable, Encodable {
        /// The lead's id.
        public let leadId: RecordId
        /// The contact the lead's person became.
        public let contactId: RecordId
        /// The opportunity the conversion opened, if it opened one.
        public let opportunityId: RecordId?
        /// Whether the conversion opened the account (false: the lead was converted into an existing one).
        public let accountCreated: Bool
        /// When it was converted (business time).
        public let convertedAt: Timestamp

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(leadId, forKey: .leadId)
            try container.encode(contactId, forKey: .contactId)
            try container.encode(opportunityId, forKey: .opportunityId)
            try container.encode(accountCreated, forKey: .accountCreated)
            try container.encode(convertedAt, forKey: .convertedAt)
        }

        private enum Keys: String, CodingKey {
            case leadId, contactId, opportunityId, accountCreated, convertedAt
        }
    }
}
