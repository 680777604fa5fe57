import PropertyBased
import RapportCRM
import RapportTime
import Testing

@testable import RapportProjections

/// The pipeline on random demo histories: it agrees with a naive scan, and folds any part of a history.
struct PipelinePropertyTests {
    @Test func agreesWithANaiveScanOfTheEvents() async {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            let naive = PipelineNaiveFigures(events: history.events)
            let report = PipelineNaiveFigures(report: history.pipelineReport())
            #expect(report.summary == naive.summary)
            #expect(report.byStage == naive.byStage)
            #expect(report.byOwner == naive.byOwner)
            #expect(report.byCloseMonth == naive.byCloseMonth)
            #expect(report.byCloseQuarter == naive.byCloseQuarter)
            #expect(report.forecast == naive.forecast)
            #expect(report.closedByMonth == naive.closedByMonth)
            #expect(report.closedByQuarter == naive.closedByQuarter)
            #expect(report.conversion == naive.conversion)
            #expect(report.slippage == naive.slippage)
        }
    }

    @Test func theDemoExercisesEveryFigure() {
        let report = RecordedHistory.demo(seed: 7, accounts: 12).pipelineReport()
        #expect(report.open.count > 0 && report.won.count > 0 && report.lost.count > 0)
        #expect(report.slippage.count > 0 && report.salesCycle.count == report.won.count)
        #expect(report.stageConversion.count == 8)
    }

    @Test func foldsSuffixesOfAHistory() async {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            let events = history.events
            for start in stride(from: 1, to: events.count, by: max(1, events.count / 7)) {
                var model = PipelineModel()
                for event in events[start...] { model.apply(event) }
                let report = model.report(in: ReportContext(asOf: Timestamp(microsecondsSinceEpoch: 0), position: 0))
                #expect(report.byStage.reduce(0) { $0 + $1.count } == report.open.count)
                #expect(report.byCloseMonth.reduce(0) { $0 + $1.count } == report.open.count)
                #expect(report.closedByMonth.reduce(0) { $0 + $1.won.count } == report.won.count)
            }
        }
    }

    @Test func foldsHistoriesCutByBusinessTime() async {
        await propertyCheck(count: 10, input: RecordedHistory.random) { history in
            let times = history.events.map(\.occurredAt).sorted()
            for cut in [times.count / 4, times.count / 2, times.count * 3 / 4] where cut < times.count {
                let window = TimeWindow(asOf: times[cut])
                var model = PipelineModel()
                for event in history.events where window.includes(event) { model.apply(event) }
                let report = model.report(in: ReportContext(asOf: times[cut], position: 0))
                #expect(report.forecast.categories.reduce(0) { $0 + $1.count } == report.open.count + report.won.count)
            }
        }
    }
}
