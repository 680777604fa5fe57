import RapportCRM
import RapportTime

extension PipelineModel {
    /// The pipeline's figures.
    ///
    /// - Parameter context: The moment the report speaks of and the position folded.
    /// - Returns: The report.
    public func report(in context: ReportContext) -> PipelineReport {
        PipelineReport(
            asOf: context.asOf,
            position: context.position,
            open: Self.weighted(figures.open),
            byStage: stages.ranked.filter { stages.seenOpen[Int($0)] }.map { number in
                let totals = figures.openByStage[Int(number)]
                return .init(
                    stage: stages[number],
                    count: totals.count,
                    amount: totals.money,
                    weightedAmount: totals.weightedMoney
                )
            },
            byOwner: ownerFigures(),
            byCloseMonth: Self.periods(figures.openByMonth, \.monthText),
            byCloseQuarter: Self.periods(Self.quarters(figures.openByMonth), \.quarterText),
            forecast: forecast(),
            won: Self.total(figures.won),
            lost: Self.total(figures.lost),
            winRate: .init(
                byCount: Self.rate(Int128(figures.won.count), of: Int128(figures.won.count + figures.lost.count)),
                byValue: Self.rate(figures.won.amount, of: figures.won.amount + figures.lost.amount)
            ),
            averageDealSize: figures.won.averageMoney,
            salesCycle: salesCycle(),
            closedByMonth: Self.closedPeriods(figures.wonByMonth, figures.lostByMonth, \.monthText),
            closedByQuarter: Self.closedPeriods(
                Self.quarters(figures.wonByMonth),
                Self.quarters(figures.lostByMonth),
                \.quarterText
            ),
            stageConversion: stages.ranked.filter {
                stages.seenOpen[Int($0)] && $0 < Int32(PipelineStages.trackedCount)
            }.map { number in
                let (entered, advanced) = (figures.enteredByStage[Int(number)], figures.advancedByStage[Int(number)])
                return .init(
                    stage: stages[number],
                    entered: entered,
                    advanced: advanced,
                    rate: Self.rate(Int128(advanced), of: Int128(entered))
                )
            },
            slippage: slippage()
        )
    }

    private func ownerFigures() -> [PipelineReport.Owner] {
        (0..<Int32(owners.count)).sorted { owners[$0].utf8.lexicographicallyPrecedes(owners[$1].utf8) }
            .compactMap { number in
                let (open, won, lost) = (
                    figures.openByOwner[Int(number)], figures.wonByOwner[Int(number)], figures.lostByOwner[Int(number)]
                )
                guard !open.isEmpty || !won.isEmpty || !lost.isEmpty else { return nil }
                return .init(
                    owner: owners[number],
                    count: open.count,
                    amount: open.money,
                    weightedAmount: open.weightedMoney,
                    won: Self.total(won),
                    lost: Self.total(lost)
                )
            }
    }

    private func forecast() -> PipelineReport.Forecast {
        var byCategory = figures.openByCategory
        byCategory[PipelineDeal.place(of: .closed)].add(figures.won)
        func sum(_ categories: [ForecastCategory]) -> PipelineTotals {
            var totals = PipelineTotals()
            for category in categories { totals.add(byCategory[PipelineDeal.place(of: category)]) }
            return totals
        }
        let cumulative: [(String, PipelineTotals)] = [
            ("Commit", sum([.commit, .closed])),
            ("Best Case", sum([.bestCase, .commit, .closed])),
            ("Open Pipeline", sum([.pipeline, .bestCase, .commit])),
        ]
        return .init(
            categories: PipelineDeal.categories.map { category in
                let totals = byCategory[PipelineDeal.place(of: category)]
                return .init(category: category.rawValue, count: totals.count, amount: totals.money)
            },
            cumulative: cumulative.map { .init(category: $0.0, count: $0.1.count, amount: $0.1.money) }
        )
    }

    private func salesCycle() -> PipelineReport.SalesCycle {
        var cycles: [Int64] = []
        cycles.reserveCapacity(figures.won.count)
        for deal in deals where deal.status == .won {
            cycles.append(deal.closedAt.microsecondsSinceEpoch &- deal.openedAt.microsecondsSinceEpoch)
        }
        cycles.sort()
        let day = 86_400_000_000.0
        guard !cycles.isEmpty else { return .init(count: 0, averageDays: 0, medianDays: 0) }
        let middle = cycles.count / 2
        let median =
            cycles.count % 2 == 1 ? Double(cycles[middle]) : (Double(cycles[middle - 1]) + Double(cycles[middle])) / 2
        return .init(
            count: cycles.count,
            averageDays: Double(figures.wonCycleMicroseconds) / Double(cycles.count) / day,
            medianDays: median / day
        )
    }

    private func slippage() -> PipelineReport.Slippage {
        var byMonth: [PipelineMonth: PipelineTotals] = [:]
        var slipped = Set<Int32>()
        var total = PipelineTotals()
        for slip in slips {
            let number = Int32(truncatingIfNeeded: slip >> 32)
            let deal = deals[Int(number)]
            let month = PipelineMonth(key: Int32(bitPattern: UInt32(truncatingIfNeeded: slip)))
            byMonth[month, default: PipelineTotals()].add(deal.amount, probability: deal.probability, sign: 1)
            if slipped.insert(number).inserted { total.add(deal.amount, probability: deal.probability, sign: 1) }
        }
        return .init(
            count: total.count,
            amount: total.money,
            byMonth: byMonth.sorted { $0.key < $1.key }.map {
                .init(period: $0.key.monthText, count: $0.value.count, amount: $0.value.money)
            }
        )
    }
}
