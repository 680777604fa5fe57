import RapportCRM
import RapportTime

/// What the pipeline figures need of one opportunity, in 56 bytes: names are numbers into the model's tables.
struct PipelineDeal: Hashable, Sendable {
    /// Whether a deal is open, won or lost.
    enum Status: UInt8, Sendable {
        case open = 0
        case won = 1
        case lost = 2
    }

    /// The amount: the latest one recorded (opened, changed, the line items' sum, or closed with).
    var amount: Money
    /// When it was opened, in business time.
    var openedAt: Timestamp
    /// When it was last closed, in business time (the start of its sales cycle's end).
    var closedAt: Timestamp
    /// The stages it entered while open, one bit per stage number below ``PipelineStages/trackedCount``.
    var enteredStages: UInt64
    /// The stages it entered and later left for a stage ranked after them, or closed won from.
    var advancedStages: UInt64
    /// The owner's number.
    var owner: Int32
    /// The month of the expected close date while open; of the day it closed once closed.
    var closeMonth: PipelineMonth
    /// The current stage's number.
    var stage: Int32
    /// The current stage's probability as recorded, in percent, held to 0...100.
    var probability: UInt8
    /// The current stage's forecast category as recorded.
    var category: ForecastCategory
    /// Open, won or lost.
    var status: Status

    /// A probability as events record it, held to 0...100.
    ///
    /// - Parameter percent: The recorded probability.
    /// - Returns: The probability as a deal stores it.
    @inline(__always)
    static func probability(_ percent: Int) -> UInt8 {
        UInt8(clamping: min(max(percent, 0), 100))
    }

    /// The bit of a stage in ``enteredStages`` and ``advancedStages``, or 0 when the stage is not tracked.
    ///
    /// - Parameter stage: The stage's number.
    /// - Returns: The bit.
    @inline(__always)
    static func bit(of stage: Int32) -> UInt64 {
        stage >= 0 && stage < Int32(PipelineStages.trackedCount) ? 1 << UInt64(stage) : 0
    }

    /// The forecast categories in forecast order; a category's place is the byte that stands for it in the
    /// binary form.
    static let categories: [ForecastCategory] = [.pipeline, .bestCase, .commit, .closed, .omitted]

    /// A category's place in ``categories``.
    ///
    /// - Parameter category: The category.
    /// - Returns: Its place.
    @inline(__always)
    static func place(of category: ForecastCategory) -> Int {
        switch category {
        case .pipeline: 0
        case .bestCase: 1
        case .commit: 2
        case .closed: 3
        case .omitted: 4
        }
    }
}
