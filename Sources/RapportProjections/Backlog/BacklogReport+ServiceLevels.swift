public import RapportCRM

extension BacklogReport {
    /// The service milestones of every case (open or not), overall and by the cases' priority now.
    ///
    /// A milestone is `met` when reached within the target in force when it was reached, `breached` when reached
    /// late or when the service clock passed the target without it, `atRisk` when not reached, not breached and
    /// less than ``atRiskShare`` of the target is left, `due` when not reached with more left, and
    /// `closedWithout` when the case was closed without it before the target passed. The resolution milestone is
    /// measured to the latest resolution: a reopened case has it open again, on the clock counted from the opening.
    public struct ServiceLevels: Codable, Sendable, Hashable {
        /// The share of a target below which an open milestone is at risk: 0.25.
        public var atRiskShare: Double
        /// First-response milestones.
        public var firstResponse: MilestoneCounts
        /// Resolution milestones.
        public var resolution: MilestoneCounts
        /// Both milestones per priority, every priority listed, most urgent first.
        public var byPriority: [PriorityServiceLevels]
    }

    /// How many milestones of one kind are in each state.
    public struct MilestoneCounts: Codable, Sendable, Hashable {
        /// Not reached, at least a quarter of the target left.
        public var due = 0
        /// Not reached, less than a quarter of the target left.
        public var atRisk = 0
        /// Reached late, or the target passed without it.
        public var breached = 0
        /// Reached within the target.
        public var met = 0
        /// The case was closed without it before the target passed.
        public var closedWithout = 0

        /// Counts one more milestone in a state.
        mutating func count(_ state: MilestoneState) {
            switch state {
            case .due: due += 1
            case .atRisk: atRisk += 1
            case .breached: breached += 1
            case .met: met += 1
            case .closedWithout: closedWithout += 1
            }
        }
    }

    /// The milestones of the cases of one priority.
    public struct PriorityServiceLevels: Codable, Sendable, Hashable {
        /// The priority now.
        public var priority: CasePriority
        /// First-response milestones.
        public var firstResponse: MilestoneCounts
        /// Resolution milestones.
        public var resolution: MilestoneCounts
    }

    /// The median and 90th percentile of durations in whole minutes, by nearest rank: the smallest duration with
    /// at least half (nine tenths) of the durations at or below it; null when there are none.
    public struct DurationSummary: Encodable, Sendable, Hashable {
        /// How many durations.
        public var count: Int
        /// The median.
        public var median: Int64?
        /// The 90th percentile.
        public var p90: Int64?

        private enum CodingKeys: String, CodingKey { case count, median, p90 }

        /// Summarizes durations.
        ///
        /// - Parameter minutes: The durations, in any order.
        init(minutes: [Int64]) {
            let sorted = minutes.sorted()
            count = sorted.count
            median = Self.nearestRank(50, of: sorted)
            p90 = Self.nearestRank(90, of: sorted)
        }

        /// Writes the summary, null where there is no duration.
        ///
        /// - Parameter encoder: The encoder.
        /// - Throws: What the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(count, forKey: .count)
            try container.encode(median, forKey: .median)
            try container.encode(p90, forKey: .p90)
        }

        private static func nearestRank(_ percent: Int, of sorted: [Int64]) -> Int64? {
            guard !sorted.isEmpty else { return nil }
            let rank = (percent * sorted.count + 99) / 100
            return sorted[max(rank, 1) - 1]
        }
    }

    /// Escalation and reopen rates over every case folded.
    public struct Rates: Encodable, Sendable, Hashable {
        /// Cases opened.
        public var opened: Int
        /// Cases ever escalated.
        public var escalated: Int
        /// Escalated over opened; null when none was opened.
        public var escalationRate: Double?
        /// Cases ever resolved or closed.
        public var finished: Int
        /// Cases ever reopened.
        public var reopened: Int
        /// Reopened over finished; null when none was finished.
        public var reopenRate: Double?

        private enum CodingKeys: String, CodingKey {
            case opened, escalated, escalationRate, finished, reopened, reopenRate
        }

        /// Writes the rates, null where the denominator is zero.
        ///
        /// - Parameter encoder: The encoder.
        /// - Throws: What the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(opened, forKey: .opened)
            try container.encode(escalated, forKey: .escalated)
            try container.encode(escalationRate, forKey: .escalationRate)
            try container.encode(finished, forKey: .finished)
            try container.encode(reopened, forKey: .reopened)
            try container.encode(reopenRate, forKey: .reopenRate)
        }

        /// A count over another, nil when the other is zero.
        ///
        /// - Parameters:
        ///   - part: The numerator.
        ///   - whole: The denominator.
        /// - Returns: The ratio.
        static func rate(_ part: Int, of whole: Int) -> Double? {
            whole == 0 ? nil : Double(part) / Double(whole)
        }
    }
}
