import RapportCRM
import RapportTime

extension AccountsModel {
    /// What the view keeps of one opportunity: where it stands, with the stage's probability and forecast
    /// category its events recorded.
    struct OpportunityRecord: Sendable, Hashable {
        var accountId: RecordId
        var name: String
        var amount: Money
        var currency: UInt32
        var closeDate: CalendarDate
        var stage: UInt32
        var probability: Int
        var forecastCategory: ForecastCategory
        var owner: UInt32
        var status = AccountReport.OpportunityStatus.open
        /// Why it was lost, while it is closed lost.
        var lossReason: UInt32 = 0
        var openedAt: Timestamp
    }
}

extension AccountsModel.OpportunityRecord {
    /// The opportunity as it opened.
    ///
    /// - Parameters:
    ///   - opened: The event.
    ///   - at: When it opened.
    ///   - texts: The pool its repeated texts go to.
    init(_ opened: OpportunityOpened, at: Timestamp, texts: inout AccountTexts) {
        self.init(
            accountId: opened.accountId,
            name: opened.name,
            amount: opened.amount,
            currency: texts.number(of: opened.currency),
            closeDate: opened.closeDate,
            stage: texts.number(of: opened.stage),
            probability: opened.probability,
            forecastCategory: opened.forecastCategory,
            owner: texts.number(of: opened.ownerId.text),
            openedAt: at
        )
    }

    /// Folds one of the opportunity's own events (its opening and transfers are folded by the model, which keeps
    /// the accounts' lists).
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - texts: The pool its repeated texts go to.
    mutating func apply(_ event: OpportunityEvent, texts: inout AccountTexts) {
        switch event {
        case .opened, .transferred: break
        case .stageChanged(let change):
            enter(stage: change.toStage, change.probability, change.forecastCategory, texts: &texts)
        case .amountChanged(let change): amount = change.to
        case .closeDateMoved(let change): closeDate = change.to
        case .lineItemAdded(let change): amount = change.amount
        case .lineItemRemoved(let change): amount = change.amount
        case .closedWon(let closed):
            enter(stage: closed.stage, closed.probability, closed.forecastCategory, texts: &texts)
            close(as: .won, amount: closed.amount, on: closed.closeDate)
        case .closedLost(let closed):
            enter(stage: closed.stage, closed.probability, closed.forecastCategory, texts: &texts)
            close(as: .lost, amount: closed.amount, on: closed.closeDate)
            lossReason = texts.number(of: closed.reason)
        case .reopened(let reopened):
            enter(stage: reopened.toStage, reopened.probability, reopened.forecastCategory, texts: &texts)
            status = .open
            lossReason = 0
        }
    }

    private mutating func enter(
        stage name: String,
        _ probability: Int,
        _ forecastCategory: ForecastCategory,
        texts: inout AccountTexts
    ) {
        stage = texts.number(of: name)
        self.probability = probability
        self.forecastCategory = forecastCategory
    }

    private mutating func close(as status: AccountReport.OpportunityStatus, amount: Money, on day: CalendarDate) {
        self.status = status
        self.amount = amount
        closeDate = day
    }

    /// The amount weighted by the stage's probability, truncated to a ten-thousandth; never traps.
    var weightedAmount: Money {
        let product = amount.tenThousandths.multipliedReportingOverflow(by: Int64(clamping: probability))
        return Money(tenThousandths: product.overflow ? 0 : product.partialValue / 100)
    }
}

extension AccountsModel.OpportunityRecord: AccountViewField {
    func write(to writer: inout ByteWriter) {
        writer.write(accountId)
        writer.write(name)
        writer.write(amount)
        writer.write(closeDate)
        writer.write(probability)
        writer.write(forecastCategory)
        writer.write(openedAt)
        for number in [currency, stage, owner] { AccountTexts.writeNumber(number, to: &writer) }
        status.writeOrdinal(to: &writer)
        AccountTexts.writeNumber(lossReason, to: &writer)
    }

    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        let accountId: RecordId = try reader.read()
        let name: String = try reader.read()
        let amount: Money = try reader.read()
        let closeDate: CalendarDate = try reader.read()
        let probability: Int = try reader.read()
        let forecastCategory: ForecastCategory = try reader.read()
        let openedAt: Timestamp = try reader.read()
        return Self(
            accountId: accountId,
            name: name,
            amount: amount,
            currency: try texts.readNumber(from: &reader),
            closeDate: closeDate,
            stage: try texts.readNumber(from: &reader),
            probability: probability,
            forecastCategory: forecastCategory,
            owner: try texts.readNumber(from: &reader),
            status: try .readOrdinal(from: &reader),
            lossReason: try texts.readNumber(from: &reader),
            openedAt: openedAt
        )
    }
}
