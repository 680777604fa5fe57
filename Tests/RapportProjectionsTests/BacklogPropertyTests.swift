import PropertyBased
import RapportCRM
import RapportProjections
import RapportTime
import Testing

/// The backlog on random demo histories: it agrees with a naive scan, survives its binary form, and folds a
/// history cut anywhere.
struct BacklogPropertyTests {
    @Test func agreesWithANaiveScanOfTheEventsAtMomentsThroughTheHistory() async {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            for asOf in Self.moments(in: history) {
                let window = TimeWindow(asOf: asOf)
                let events = history.events.filter(window.includes)
                var model = BacklogModel()
                for event in events { model.apply(event) }
                let report = model.report(in: ReportContext(asOf: asOf, position: UInt64(events.count)))
                Self.expect(report, toAgreeWith: BacklogNaiveScan(events: events, asOf: asOf), at: asOf)
            }
        }
    }

    @Test func readsBackEqualFromItsBinaryForm() async throws {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            let model = history.fold(into: BacklogModel.self)
            var writer = ByteWriter()
            model.write(to: &writer)
            let read = try writer.bytes.withUnsafeBytes { bytes in
                var reader = ByteReader(bytes)
                let read = try BacklogModel.read(from: &reader)
                #expect(reader.isAtEnd)
                return read
            }
            #expect(read == model)
            let asOf = Timestamp(rfc3339: "2025-06-30T12:00:00Z")!
            let context = ReportContext(asOf: asOf, position: UInt64(history.events.count))
            #expect(read.report(in: context) == model.report(in: context))
        }
    }

    @Test func foldsASuffixOfAHistoryWithoutTheCasesItNeverSawOpen() async {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            let cut = history.events.count / 2
            let suffix = Array(history.events[cut...])
            var model = BacklogModel()
            for event in suffix { model.apply(event) }
            let asOf = Timestamp(rfc3339: "2026-01-01T00:00:00Z")!
            let report = model.report(in: ReportContext(asOf: asOf, position: UInt64(history.events.count)))
            let openedInSuffix = suffix.count { if case .case(.opened) = $0.event { true } else { false } }
            #expect(report.rates.opened == openedInSuffix)
            Self.expect(report, toAgreeWith: BacklogNaiveScan(events: suffix, asOf: asOf), at: asOf)
        }
    }

    /// Moments through a history: each case event's business time and the microsecond before it (a case just
    /// before it resumes, is resolved or closed), and the last business time.
    private static func moments(in history: RecordedHistory) -> [Timestamp] {
        var moments: Set<Timestamp> = []
        for event in history.events {
            guard case .case = event.event else { continue }
            moments.insert(event.occurredAt)
            moments.insert(Timestamp(microsecondsSinceEpoch: event.occurredAt.microsecondsSinceEpoch - 1))
        }
        if let last = history.events.map(\.occurredAt).max() { moments.insert(last) }
        return moments.sorted()
    }

    private static func expect(_ report: BacklogReport, toAgreeWith naive: BacklogNaiveScan, at asOf: Timestamp) {
        let open = naive.cases.filter(\.isOpen)
        #expect(report.open.count == open.count)
        #expect(report.open.onHold == open.count { $0.status == .onHold })
        #expect(report.open.unassigned == open.count { $0.owner == nil })
        for row in report.byPriority {
            let cases = open.filter { $0.priority == row.priority }
            #expect(row.count == cases.count)
            #expect(row.breached == cases.count { $0.firstResponse == .breached || $0.resolution == .breached })
        }
        for row in report.byStatus { #expect(row.count == open.count { $0.status == row.status }) }
        for row in report.byAge { #expect(row.count == open.count { bucket(of: $0, at: asOf) == row.bucket }) }
        var cells: [String: Int] = [:]
        for item in open { cells["\(item.priority) \(item.status) \(bucket(of: item, at: asOf))", default: 0] += 1 }
        #expect(report.cells.count == cells.count)
        for cell in report.cells { #expect(cells["\(cell.priority) \(cell.status) \(cell.bucket)"] == cell.count) }
        let owners = Set(open.map(\.owner)).sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }
        #expect(report.queues.map(\.ownerId) == owners)
        for queue in report.queues {
            let cases = open.filter { $0.owner == queue.ownerId }
                .sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
            #expect(queue.cases.map(\.caseId) == cases.map(\.id))
            #expect(queue.cases.map(\.subject) == cases.map(\.subject))
        }
        expect(report.sla.firstResponse, toCount: naive.cases.map(\.firstResponse))
        expect(report.sla.resolution, toCount: naive.cases.map(\.resolution))
        for level in report.sla.byPriority {
            let cases = naive.cases.filter { $0.priority == level.priority }
            expect(level.firstResponse, toCount: cases.map(\.firstResponse))
            expect(level.resolution, toCount: cases.map(\.resolution))
        }
        expect(report.firstResponseMinutes, toSummarize: naive.cases.compactMap(\.firstResponseMinutes))
        expect(report.resolutionMinutes, toSummarize: naive.cases.compactMap(\.resolutionMinutes))
        let days = Set(naive.openedPerDay.keys).union(naive.closedPerDay.keys).sorted()
        #expect(report.daily.map(\.date) == days)
        #expect(report.daily.map(\.opened) == days.map { naive.openedPerDay[$0] ?? 0 })
        #expect(report.daily.map(\.closed) == days.map { naive.closedPerDay[$0] ?? 0 })
        #expect(report.rates.opened == naive.cases.count)
        #expect(report.rates.escalated == naive.cases.count(where: \.escalated))
        #expect(report.rates.finished == naive.cases.count(where: \.finished))
        #expect(report.rates.reopened == naive.cases.count(where: \.reopened))
    }

    private static func bucket(of item: BacklogNaiveScan.Case, at asOf: Timestamp) -> String {
        let days = Double(asOf.microsecondsSinceEpoch - item.openedAt.microsecondsSinceEpoch) / 86_400_000_000
        switch days {
        case ..<1: return "0-1d"
        case ..<3: return "1-3d"
        case ..<7: return "3-7d"
        case ..<30: return "7-30d"
        default: return ">30d"
        }
    }

    private static func expect(_ counts: BacklogReport.MilestoneCounts, toCount states: [BacklogNaiveScan.Milestone]) {
        #expect(counts.due == states.count { $0 == .due })
        #expect(counts.atRisk == states.count { $0 == .atRisk })
        #expect(counts.breached == states.count { $0 == .breached })
        #expect(counts.met == states.count { $0 == .met })
        #expect(counts.closedWithout == states.count { $0 == .closedWithout })
    }

    private static func expect(_ summary: BacklogReport.DurationSummary, toSummarize minutes: [Int64]) {
        let sorted = minutes.sorted()
        #expect(summary.count == sorted.count)
        let rank = { (share: Double) -> Int64? in
            sorted.isEmpty ? nil : sorted[Int((Double(sorted.count) * share).rounded(.up)) - 1]
        }
        #expect(summary.median == rank(0.5))
        #expect(summary.p90 == rank(0.9))
    }
}
