public import RapportCRM
public import RapportTime

/// The pipeline report: what ``PipelineModel/report(in:)`` computes, printed as JSON or as tables.
///
/// Amounts are ``Money`` (JSON numbers), rates are numbers from 0 to 1 (0 when nothing is closed), days are
/// numbers of days of business time. Lists are in a fixed order: stages in pipeline order, forecast categories
/// in forecast order, owners by id, periods by date.
public struct PipelineReport: TabularReport, Hashable {
    /// The moment the report speaks of.
    public var asOf: Timestamp
    /// The number of events folded.
    public var position: UInt64
    /// Open deals.
    public var open: Weighted
    /// Open deals by current stage, in pipeline order.
    public var byStage: [Stage]
    /// Deals by owner id: open, won and lost.
    public var byOwner: [Owner]
    /// Open deals by the month of their expected close date (`YYYY-MM`).
    public var byCloseMonth: [Period]
    /// Open deals by the quarter of their expected close date (`YYYY-Qn`).
    public var byCloseQuarter: [Period]
    /// The forecast: open deals by recorded category, won deals as Closed.
    public var forecast: Forecast
    /// Won deals.
    public var won: Total
    /// Lost deals.
    public var lost: Total
    /// Won over won and lost.
    public var winRate: WinRate
    /// The average amount of a won deal.
    public var averageDealSize: Money
    /// How long won deals took from opened to won.
    public var salesCycle: SalesCycle
    /// Deals won and lost by the month they closed in (`YYYY-MM`).
    public var closedByMonth: [ClosedPeriod]
    /// Deals won and lost by the quarter they closed in (`YYYY-Qn`).
    public var closedByQuarter: [ClosedPeriod]
    /// For each stage deals were open in, in pipeline order: the deals that entered it and those that went on from
    /// it (the first 64 stages seen are tracked).
    public var stageConversion: [StageConversion]
    /// Deals whose expected close date moved to a later month.
    public var slippage: Slippage

    /// A count of deals and their amount.
    public struct Total: Sendable, Hashable, Encodable {
        /// How many deals.
        public var count: Int
        /// Their summed amount.
        public var amount: Money
    }

    /// A count of deals, their amount, and their amount weighted by each deal's recorded probability.
    public struct Weighted: Sendable, Hashable, Encodable {
        /// How many deals.
        public var count: Int
        /// Their summed amount.
        public var amount: Money
        /// The sum of each amount times its probability over 100.
        public var weightedAmount: Money
    }

    /// Open deals in one stage.
    public struct Stage: Sendable, Hashable, Encodable {
        /// The stage's name.
        public var stage: String
        /// How many deals.
        public var count: Int
        /// Their summed amount.
        public var amount: Money
        /// Their weighted amount.
        public var weightedAmount: Money
    }

    /// One owner's deals.
    public struct Owner: Sendable, Hashable, Encodable {
        /// The owner's user id.
        public var owner: String
        /// How many open deals.
        public var count: Int
        /// Their summed amount.
        public var amount: Money
        /// Their weighted amount.
        public var weightedAmount: Money
        /// Deals won.
        public var won: Total
        /// Deals lost.
        public var lost: Total
    }

    /// Open deals expected to close in one month or quarter.
    public struct Period: Sendable, Hashable, Encodable {
        /// The month (`YYYY-MM`) or quarter (`YYYY-Qn`).
        public var period: String
        /// How many deals.
        public var count: Int
        /// Their summed amount.
        public var amount: Money
        /// Their weighted amount.
        public var weightedAmount: Money
    }

    /// Deals closed in one month or quarter.
    public struct ClosedPeriod: Sendable, Hashable, Encodable {
        /// The month (`YYYY-MM`) or quarter (`YYYY-Qn`).
        public var period: String
        /// Deals won.
        public var won: Total
        /// Deals lost.
        public var lost: Total
        /// Won over won and lost, by count.
        public var winRate: Double
    }

    /// The forecast by category.
    public struct Forecast: Sendable, Hashable, Encodable {
        /// Each category on its own, in forecast order (Pipeline, Best Case, Commit, Closed, Omitted): open deals
        /// by the category their stage recorded, and won deals as Closed.
        public var categories: [Category]
        /// The cumulative figures: Commit (Commit + Closed), Best Case (Best Case + Commit + Closed) and Open
        /// Pipeline (Pipeline + Best Case + Commit); Omitted is in none.
        public var cumulative: [Category]
    }

    /// Deals in one forecast category.
    public struct Category: Sendable, Hashable, Encodable {
        /// The category's name.
        public var category: String
        /// How many deals.
        public var count: Int
        /// Their summed amount.
        public var amount: Money
    }

    /// Won over won and lost.
    public struct WinRate: Sendable, Hashable, Encodable {
        /// By number of deals.
        public var byCount: Double
        /// By amount.
        public var byValue: Double
    }

    /// How long won deals took, from the business time they were opened to the one they were (last) won at.
    public struct SalesCycle: Sendable, Hashable, Encodable {
        /// How many won deals.
        public var count: Int
        /// The mean, in days.
        public var averageDays: Double
        /// The median, in days (the mean of the two middle ones for an even count).
        public var medianDays: Double
    }

    /// How deals went on from one stage.
    public struct StageConversion: Sendable, Hashable, Encodable {
        /// The stage's name.
        public var stage: String
        /// The deals that ever entered it.
        public var entered: Int
        /// Those that later entered a stage ranked after it, or closed won.
        public var advanced: Int
        /// `advanced` over `entered`.
        public var rate: Double
    }

    /// Deals whose expected close date moved to a later month at least once.
    public struct Slippage: Sendable, Hashable, Encodable {
        /// How many deals slipped.
        public var count: Int
        /// Their summed (current) amount.
        public var amount: Money
        /// By the month slipped out of: the deals that moved out of it, and their amount.
        public var byMonth: [SlippedMonth]
    }

    /// The deals whose close date moved out of one month to a later one.
    public struct SlippedMonth: Sendable, Hashable, Encodable {
        /// The month (`YYYY-MM`).
        public var period: String
        /// How many deals.
        public var count: Int
        /// Their summed (current) amount.
        public var amount: Money
    }
}
