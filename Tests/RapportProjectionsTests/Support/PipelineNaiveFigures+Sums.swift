import RapportCRM
import RapportProjections
import RapportTime

extension PipelineNaiveFigures {
    /// Computes every figure from scratch over a history's events.
    ///
    /// - Parameter events: The events, in log order.
    init(events: [RecordedEvent]) {
        let deals = Self.deals(events)
        let (ranked, openStages) = Self.stageOrder(events)
        let open = deals.filter { $0.status == "open" }
        let won = deals.filter { $0.status == "won" }
        let lost = deals.filter { $0.status == "lost" }
        func amount(_ deals: [Deal]) -> Int64 { deals.reduce(0) { $0 + $1.amount } }
        func weighted(_ deals: [Deal]) -> Int64 {
            Self.weighted(deals.reduce(0) { $0 + $1.amount * Int64($1.probability) })
        }
        func rate(_ part: Int64, _ whole: Int64) -> Int64 { whole > 0 ? Self.fixed(Double(part) / Double(whole)) : 0 }
        func openRow(_ key: String, _ deals: [Deal]) -> Row {
            Row(key: key, numbers: [Int64(deals.count), amount(deals), weighted(deals)])
        }

        let cycles = won.map { $0.closedAt - $0.openedAt }.sorted()
        let day = 86_400_000_000.0
        let median =
            cycles.isEmpty
            ? 0
            : cycles.count % 2 == 1
                ? Double(cycles[cycles.count / 2]) / day
                : (Double(cycles[cycles.count / 2 - 1]) + Double(cycles[cycles.count / 2])) / 2 / day
        let average = cycles.isEmpty ? 0 : Double(cycles.reduce(0, +)) / Double(cycles.count) / day
        summary = [
            openRow("open", open),
            Row(key: "won", numbers: [Int64(won.count), amount(won)]),
            Row(key: "lost", numbers: [Int64(lost.count), amount(lost)]),
            Row(
                key: "winRate",
                numbers: [rate(Int64(won.count), Int64(won.count + lost.count)), rate(amount(won), amount(won + lost))]
            ),
            Row(
                key: "averageDealSize",
                numbers: [won.isEmpty ? 0 : (amount(won) * 2 + Int64(won.count)) / Int64(won.count) / 2]
            ),
            Row(key: "salesCycle", numbers: [Int64(cycles.count), Self.fixed(average), Self.fixed(median)]),
        ]
        byStage = ranked.filter(openStages.contains).map { stage in openRow(stage, open.filter { $0.stage == stage }) }
        byOwner = Set(deals.map(\.owner)).sorted().map { owner in
            let mine = deals.filter { $0.owner == owner }
            let (wonByOwner, lostByOwner) = (mine.filter { $0.status == "won" }, mine.filter { $0.status == "lost" })
            return Row(
                key: owner,
                numbers: openRow(owner, mine.filter { $0.status == "open" }).numbers
                    + [Int64(wonByOwner.count), amount(wonByOwner), Int64(lostByOwner.count), amount(lostByOwner)]
            )
        }
        byCloseMonth = Set(open.map { Self.month($0.closeDate) }).sorted().map { month in
            openRow(month, open.filter { Self.month($0.closeDate) == month })
        }
        byCloseQuarter = Set(open.map { Self.quarter(Self.month($0.closeDate)) }).sorted().map { quarter in
            openRow(quarter, open.filter { Self.quarter(Self.month($0.closeDate)) == quarter })
        }
        forecast = Self.forecast(open: open, won: won)
        closedByMonth = Self.closed(won: won, lost: lost) { Self.month($0.closeDate) }
        closedByQuarter = Self.closed(won: won, lost: lost) { Self.quarter(Self.month($0.closeDate)) }
        conversion = ranked.filter(openStages.contains).map { stage in
            let entered = deals.filter { $0.steps.contains(stage) }
            let advanced = entered.filter { deal in
                let after = deal.steps[(deal.steps.firstIndex(of: stage) ?? 0)...].dropFirst()
                return after.contains { step in
                    step == "won"
                        || (ranked.firstIndex(of: step) ?? 0) > (ranked.firstIndex(of: stage) ?? 0)
                }
            }
            return Row(
                key: stage,
                numbers: [
                    Int64(entered.count), Int64(advanced.count), rate(Int64(advanced.count), Int64(entered.count)),
                ]
            )
        }
        let slipped = deals.filter { !$0.slippedFrom.isEmpty }
        slippage =
            [Row(key: "slipped", numbers: [Int64(slipped.count), amount(slipped)])]
            + Set(slipped.flatMap(\.slippedFrom)).sorted().map { month in
                let out = slipped.filter { $0.slippedFrom.contains(month) }
                return Row(key: month, numbers: [Int64(out.count), amount(out)])
            }
    }

    private static func forecast(open: [Deal], won: [Deal]) -> [Row] {
        func row(_ name: String, _ categories: [ForecastCategory]) -> Row {
            let deals = open.filter { categories.contains($0.category) } + (categories.contains(.closed) ? won : [])
            return Row(key: name, numbers: [Int64(deals.count), deals.reduce(0) { $0 + $1.amount }])
        }
        return [
            row("Pipeline", [.pipeline]), row("Best Case", [.bestCase]), row("Commit", [.commit]),
            row("Closed", [.closed]), row("Omitted", [.omitted]),
            row("Commit", [.commit, .closed]), row("Best Case", [.bestCase, .commit, .closed]),
            row("Open Pipeline", [.pipeline, .bestCase, .commit]),
        ]
    }

    private static func closed(won: [Deal], lost: [Deal], period: (Deal) -> String) -> [Row] {
        Set((won + lost).map(period)).sorted().map { key in
            let (inWon, inLost) = (won.filter { period($0) == key }, lost.filter { period($0) == key })
            let total = inWon.count + inLost.count
            return Row(
                key: key,
                numbers: [
                    Int64(inWon.count), inWon.reduce(0) { $0 + $1.amount },
                    Int64(inLost.count), inLost.reduce(0) { $0 + $1.amount },
                    total > 0 ? fixed(Double(inWon.count) / Double(total)) : 0,
                ]
            )
        }
    }
}
