public import RapportCRM
public import RapportTime

extension AccountReport {
    /// An entry of the account's timeline: an activity, or a task.
    public struct Activity: Sendable, Hashable, Encodable {
        /// The activity's or task's id.
        public let id: RecordId
        /// Call, email, meeting, note or task.
        public let kind: ActivityKind
        /// What it was about.
        public let subject: String?
        /// When it happened, or when the task was created (business time).
        public let occurredAt: Timestamp
        /// The user who did it, or is to do the task.
        public let ownerId: String?
        /// How long it took, in minutes.
        public let durationMinutes: Int?
        /// The day the task is due.
        public let dueDate: CalendarDate?
        /// When the task was completed.
        public let completedAt: Timestamp?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(subject, forKey: .subject)
            try container.encode(occurredAt, forKey: .occurredAt)
            try container.encode(ownerId, forKey: .ownerId)
            try container.encode(durationMinutes, forKey: .durationMinutes)
            try container.encode(dueDate, forKey: .dueDate)
            try container.encode(completedAt, forKey: .completedAt)
        }

        private enum Keys: String, CodingKey {
            case id, kind, subject, occurredAt, ownerId, durationMinutes, dueDate, completedAt
        }
    }

    /// The account's totals, over the records that belong to it now.
    public struct Totals: Sendable, Hashable, Encodable {
        /// The amounts of its won opportunities.
        public let lifetimeWon: Money
        /// The amounts of its open opportunities.
        public let openPipeline: Money
        /// The amounts of its open opportunities, each times its stage's probability (truncated to a
        /// ten-thousandth per opportunity).
        public let weightedPipeline: Money
        /// How many of its cases are open (not resolved, not closed).
        public let openCases: Int
        /// How many of its cases, open or not, missed a service target.
        public let breachedSlas: Int
        /// When its latest activity or task happened (business time).
        public let lastActivityAt: Timestamp?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(lifetimeWon, forKey: .lifetimeWon)
            try container.encode(openPipeline, forKey: .openPipeline)
            try container.encode(weightedPipeline, forKey: .weightedPipeline)
            try container.encode(openCases, forKey: .openCases)
            try container.encode(breachedSlas, forKey: .breachedSlas)
            try container.encode(lastActivityAt, forKey: .lastActivityAt)
        }

        private enum Keys: String, CodingKey {
            case lifetimeWon, openPipeline, weightedPipeline, openCases, breachedSlas, lastActivityAt
        }
    }
}
