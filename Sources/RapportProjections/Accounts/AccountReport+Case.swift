public import RapportCRM
public import RapportTime

extension AccountReport {
    /// A case of the account, with its service milestones.
    ///
    /// A milestone is breached when it was met after its target (the target its events recorded then), or,
    /// while the case is open, when the target is past at the report's `asOf`. The resolution target excludes the
    /// time on hold the resumptions recorded; a current hold stops its clock.
    public struct Case: Sendable, Hashable, Encodable {
        /// The case's id.
        public let id: RecordId
        /// The one-line summary.
        public let subject: String?
        /// How urgent it is.
        public let priority: CasePriority
        /// Where it stands.
        public let status: CaseStatus
        /// The owning user.
        public let ownerId: String?
        /// The contact who raised it.
        public let contactId: RecordId?
        /// When it opened (business time).
        public let openedAt: Timestamp
        /// When the first response is due.
        public let firstResponseDueAt: Timestamp
        /// When the first response came.
        public let firstRespondedAt: Timestamp?
        /// When the resolution is due, pushed back by finished holds.
        public let resolutionDueAt: Timestamp
        /// When it was last resolved, unless reopened since.
        public let resolvedAt: Timestamp?
        /// When it was closed, unless reopened since.
        public let closedAt: Timestamp?
        /// The minutes spent on finished holds.
        public let heldMinutes: Int
        /// Whether the first-response target was missed.
        public let firstResponseBreached: Bool
        /// Whether the resolution target was missed.
        public let resolutionBreached: Bool

        /// Whether either service target was missed.
        public var breached: Bool { firstResponseBreached || resolutionBreached }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(subject, forKey: .subject)
            try container.encode(priority, forKey: .priority)
            try container.encode(status, forKey: .status)
            try container.encode(ownerId, forKey: .ownerId)
            try container.encode(contactId, forKey: .contactId)
            try container.encode(openedAt, forKey: .openedAt)
            try container.encode(firstResponseDueAt, forKey: .firstResponseDueAt)
            try container.encode(firstRespondedAt, forKey: .firstRespondedAt)
            try container.encode(resolutionDueAt, forKey: .resolutionDueAt)
            try container.encode(resolvedAt, forKey: .resolvedAt)
            try container.encode(closedAt, forKey: .closedAt)
            try container.encode(heldMinutes, forKey: .heldMinutes)
            try container.encode(breached, forKey: .breached)
            try container.encode(firstResponseBreached, forKey: .firstResponseBreached)
            try container.encode(resolutionBreached, forKey: .resolutionBreached)
        }

        private enum Keys: String, CodingKey {
            case id, subject, priority, status, ownerId, contactId, openedAt, firstResponseDueAt, firstRespondedAt
            case resolutionDueAt, resolvedAt, closedAt, heldMinutes, breached, firstResponseBreached
            case resolutionBreached
        }
    }
}
