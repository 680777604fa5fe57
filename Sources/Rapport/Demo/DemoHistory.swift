public import RapportCRM
import RapportTime

/// A realistic, deterministic CRM history for demonstrations and benchmarks: accounts with contacts, leads
/// (some converted, some disqualified), opportunities moving through the stages to won or lost with slipping
/// close dates, cases through their lifecycle with service targets met and missed, activities and tasks, and
/// campaigns, spread over two years of business time (2024 and 2025).
///
/// The same seed always gives the same commands. Each account's commands depend only on the seed and the
/// account's number, so any account can be generated on its own; about 100 events come from each account.
public struct DemoHistory: Sendable {
    /// The seed.
    public let seed: UInt64
    /// How many accounts.
    public let accounts: Int

    /// The first day of the history.
    static let start = CalendarDate(year: 2024, month: 1, day: 1)!
    /// The day after the last one.
    static let end = CalendarDate(year: 2026, month: 1, day: 1)!

    /// Describes a history.
    ///
    /// - Parameters:
    ///   - seed: The seed.
    ///   - accounts: How many accounts.
    public init(seed: UInt64, accounts: Int) {
        self.seed = seed
        self.accounts = accounts
    }

    /// How many campaigns run over the two years.
    var campaignCount: Int { max(3, accounts / 400) }

    /// The commands that come before every account's: the campaigns' launches.
    ///
    /// - Returns: The commands.
    public func openingCommands() -> [CommandEnvelope] {
        var random = SeededRandom(seed: seed, stream: .max)
        return (0..<campaignCount).map { index in
            let startDay = Self.start.adding(days: index * 700 / campaignCount)
            let launch = LaunchCampaign(
                campaignId: Self.campaignId(index),
                name: "\(random.pick(DemoNames.campaignTypes)) \(startDay.components.year) #\(index + 1)",
                type: random.pick(DemoNames.campaignTypes),
                budgetedCost: Money(units: Int64(random.number(5...200)) * 1_000),
                startDate: startDay,
                endDate: startDay.adding(days: 60)
            )
            return CommandEnvelope(
                launch.command,
                actor: "marketing-1",
                occurredAt: startDay.startOfDay.adding(hours: 9)
            )
        }
    }

    /// The commands that come after every account's: each campaign's actual cost, then its completion.
    ///
    /// - Returns: The commands.
    public func closingCommands() -> [CommandEnvelope] {
        var random = SeededRandom(seed: seed, stream: .max - 1)
        let closing = Self.end.adding(days: -1).startOfDay.adding(hours: 17)
        return (0..<campaignCount).flatMap { index in
            let campaign = Self.campaignId(index)
            let cost = RecordCampaignCost(
                campaignId: campaign,
                actualCost: Money(units: Int64(random.number(4...180)) * 1_000)
            )
            return [
                CommandEnvelope(cost.command, actor: "marketing-1", occurredAt: closing),
                CommandEnvelope(
                    CompleteCampaign(campaignId: campaign).command,
                    actor: "marketing-1",
                    occurredAt: closing
                ),
            ]
        }
    }

    /// The commands of one account's history, in business-time order.
    ///
    /// - Parameter index: The account's number, from 0.
    /// - Returns: The commands.
    public func commands(forAccount index: Int) -> [CommandEnvelope] {
        var script = AccountScript(history: self, index: index)
        script.write()
        return script.commands()
    }

    /// Whether an account is a duplicate that is merged into an earlier one at the end of its history.
    func isDuplicate(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        var random = SeededRandom(seed: seed ^ 0xD0D0, stream: UInt64(index))
        return random.chance(0.01)
    }

    /// Whether an account is deactivated at the end of its history.
    func isDeactivated(_ index: Int) -> Bool {
        var random = SeededRandom(seed: seed ^ 0xDEAD, stream: UInt64(index))
        return !isDuplicate(index) && random.chance(0.02)
    }

    /// The nearest earlier account that is neither a duplicate nor deactivated, to be a parent or a survivor.
    func steadyAccount(before index: Int) -> Int? {
        var candidate = index - 1
        while candidate >= 0 {
            if !isDuplicate(candidate) && !isDeactivated(candidate) { return candidate }
            candidate -= 1
        }
        return nil
    }

    static func accountId(_ index: Int) -> RecordId { RecordId(unchecked: "A\(index)") }
    static func campaignId(_ index: Int) -> RecordId { RecordId(unchecked: "CMP-\(index + 1)") }
}

extension Timestamp {
    /// The time some hours later.
    func adding(hours: Double) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: microsecondsSinceEpoch + Int64(hours * 3_600_000_000))
    }

    /// The time some days later.
    func adding(days: Double) -> Timestamp {
        adding(hours: days * 24)
    }
}
