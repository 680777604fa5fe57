import PropertyBased
import RapportCRM
import RapportTime
import Testing

struct OpportunityEventCodecTests {
    typealias Values = AccountEventGenerators

    /// A day between the years 1 and 9999, the ones the JSON form `YYYY-MM-DD` can write.
    static let date = Gen<Int32>.int32(in: -719_162...2_932_896).map { CalendarDate(daysSinceEpoch: $0) }

    /// Any forecast category.
    static let category = Gen<ForecastCategory?>.element(of: ForecastCategory.allCases).map { $0! }

    static let events = Generator<OpportunityEvent, Shrink.None<OpportunityEvent>> { rng in
        func text() -> String { Values.text.run(using: &rng) }
        func id() -> RecordId { Values.id.run(using: &rng) }
        func money() -> Money { Values.money.run(using: &rng) }
        func number() -> Int { Values.number.run(using: &rng) }
        func date() -> CalendarDate { Self.date.run(using: &rng) }
        func category() -> ForecastCategory { Self.category.run(using: &rng) }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:
            return .opened(
                OpportunityOpened(
                    accountId: id(),
                    name: text(),
                    amount: money(),
                    currency: text(),
                    closeDate: date(),
                    stage: text(),
                    probability: number(),
                    forecastCategory: category(),
                    ownerId: id(),
                    campaignId: Values.id.optional.run(using: &rng),
                    convertedFromLeadId: Values.id.optional.run(using: &rng)
                )
            )
        case 1:
            let transfer = AccountTransfer(fromAccountId: id(), toAccountId: id(), viaMerge: Bool.random(using: &rng))
            return .transferred(OpportunityTransferred(transfer))
        case 2:
            return .stageChanged(
                OpportunityStageChanged(
                    fromStage: text(),
                    toStage: text(),
                    probability: number(),
                    forecastCategory: category()
                )
            )
        case 3:
            return .amountChanged(OpportunityAmountChanged(from: money(), to: money()))
        case 4:
            return .closeDateMoved(OpportunityCloseDateMoved(from: date(), to: date()))
        case 5:
            return .lineItemAdded(
                OpportunityLineItemAdded(
                    lineItemId: id(),
                    productId: id(),
                    quantity: number(),
                    unitPrice: money(),
                    amount: money()
                )
            )
        case 6:
            return .lineItemRemoved(OpportunityLineItemRemoved(lineItemId: id(), amount: money()))
        case 7:
            return .closedWon(
                OpportunityClosedWon(
                    stage: text(),
                    probability: number(),
                    forecastCategory: category(),
                    amount: money(),
                    closeDate: date()
                )
            )
        case 8:
            return .closedLost(
                OpportunityClosedLost(
                    reason: text(),
                    stage: text(),
                    probability: number(),
                    forecastCategory: category(),
                    amount: money(),
                    closeDate: date()
                )
            )
        default:
            return .reopened(
                OpportunityReopened(
                    fromStage: text(),
                    toStage: text(),
                    probability: number(),
                    forecastCategory: category()
                )
            )
        }
    }

    @Test func opportunityEventsSurviveTheirBinaryAndJSONForms() async {
        await propertyCheck(count: 200, input: Self.events) { event in
            try EventRoundTrip.check(.opportunity(event))
        }
    }
}
