public import RapportCRM
public import RapportTime

/// The case backlog at a moment: open cases by priority, status and age, the owners' queues, service levels,
/// response and resolution times, cases opened and closed per day, and escalation and reopen rates.
///
/// Open cases are those neither resolved nor closed (a reopened case is open again). Ages and service clocks are
/// measured at ``asOf``; durations are whole minutes of service clock (time on hold excluded).
public struct BacklogReport: TabularReport, Hashable {
    /// The moment ages and service levels are measured at.
    public var asOf: Timestamp
    /// The log position the backlog has reached.
    public var position: UInt64
    /// How many cases are open.
    public var open: OpenSummary
    /// Open cases by priority, every priority listed, most urgent first.
    public var byPriority: [PriorityCount]
    /// Open cases by status, every open status listed.
    public var byStatus: [StatusCount]
    /// Open cases by age, every bucket listed, youngest first.
    public var byAge: [AgeCount]
    /// Open cases by priority, status and age together: the cells with cases, in priority, status, age order.
    public var cells: [Cell]
    /// Each owner's open cases, owners by id and the unassigned last, cases oldest first.
    public var queues: [Queue]
    /// The service milestones of every case.
    public var sla: ServiceLevels
    /// Minutes from opening to the first response, over the cases that had one.
    public var firstResponseMinutes: DurationSummary
    /// Minutes from opening to the latest resolution, over the cases resolved now (resolved, or closed after a
    /// resolution).
    public var resolutionMinutes: DurationSummary
    /// Cases opened and closed per business day (UTC), days with either, oldest first.
    public var daily: [DayCount]
    /// Escalation and reopen rates.
    public var rates: Rates
}

extension BacklogReport {
    /// How many cases are open.
    public struct OpenSummary: Codable, Sendable, Hashable {
        /// Open cases.
        public var count: Int
        /// Open cases on hold now.
        public var onHold: Int
        /// Open cases with no owner.
        public var unassigned: Int
    }

    /// Open cases of one priority.
    public struct PriorityCount: Codable, Sendable, Hashable {
        /// The priority now.
        public var priority: CasePriority
        /// Open cases.
        public var count: Int
        /// Open cases with a breached milestone.
        public var breached: Int
    }

    /// Open cases in one status.
    public struct StatusCount: Codable, Sendable, Hashable {
        /// The status.
        public var status: CaseStatus
        /// Open cases.
        public var count: Int
    }

    /// Open cases in one age bucket.
    public struct AgeCount: Codable, Sendable, Hashable {
        /// The bucket, e.g. `1-3d`.
        public var bucket: String
        /// Open cases.
        public var count: Int
    }

    /// Open cases of one priority, status and age bucket.
    public struct Cell: Codable, Sendable, Hashable {
        /// The priority.
        public var priority: CasePriority
        /// The status.
        public var status: CaseStatus
        /// The age bucket.
        public var bucket: String
        /// Open cases.
        public var count: Int
    }

    /// One owner's open cases.
    public struct Queue: Encodable, Sendable, Hashable {
        /// The owner, null for the unassigned cases.
        public var ownerId: String?
        /// Open cases.
        public var count: Int
        /// The cases, oldest first (then by id).
        public var cases: [QueuedCase]

        private enum CodingKeys: String, CodingKey { case ownerId, count, cases }

        /// Writes the queue, the owner as null for unassigned cases.
        ///
        /// - Parameter encoder: The encoder.
        /// - Throws: What the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ownerId, forKey: .ownerId)
            try container.encode(count, forKey: .count)
            try container.encode(cases, forKey: .cases)
        }
    }

    /// One open case in a queue.
    public struct QueuedCase: Codable, Sendable, Hashable {
        /// The case's id.
        public var caseId: String
        /// The one-line summary.
        public var subject: String
        /// The priority now.
        public var priority: CasePriority
        /// The status now.
        public var status: CaseStatus
        /// When it was opened.
        public var openedAt: Timestamp
        /// Whole minutes since it was opened.
        public var ageMinutes: Int64
    }

    /// Cases opened and closed on one business day.
    public struct DayCount: Codable, Sendable, Hashable {
        /// The day.
        public var date: CalendarDate
        /// Cases opened.
        public var opened: Int
        /// Closings (a case closed again after a reopening counts again).
        public var closed: Int
    }
}
