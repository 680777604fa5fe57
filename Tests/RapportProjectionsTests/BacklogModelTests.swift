import Foundation
import RapportCRM
import RapportTime
import Testing

@testable import RapportProjections

/// The backlog on a hand-made history of six cases, each figure worked out by hand (standard targets: Critical 60
/// and 240 minutes, High 240 and 1,440, Medium 480 and 4,320, Low 1,440 and 7,200).
///
/// - K1, Medium, agent-1: responded after 60 minutes, on hold 150 minutes, raised to High; open, Working.
/// - K2, Critical, unassigned: on hold after 30 minutes and still on hold; open, On Hold.
/// - K3, Low, agent-1: responded after 180 minutes, escalated, resolved after 2,880, closed, reopened; open,
///   Escalated.
/// - K4, High, account dup merged into acme: responded after 300 minutes (late), resolved after 660, closed.
/// - K5, Critical: closed unresolved as a duplicate after 20 minutes, with no response.
/// - K6, Medium: responded after 30 minutes, resolved after 60; Resolved.
struct BacklogModelTests {
    static let asOf = Timestamp(rfc3339: "2026-03-03T08:00:00Z")!

    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        try history.run(
            command("OpenAccount", at: "2026-01-01T09:00:00Z", #""accountId":"acme","name":"Acme","ownerId":"u1""#)
        )
        try history.run(
            command("OpenAccount", at: "2026-01-01T09:00:00Z", #""accountId":"dup","name":"Acme Dup","ownerId":"u1""#)
        )
        try history.run(openCase("K3", "Low", at: "2026-02-20T09:00:00Z"))
        try history.run(command("AssignCase", at: "2026-02-20T09:10:00Z", #""caseId":"K3","ownerId":"agent-1""#))
        try history.run(command("RecordCaseResponse", at: "2026-02-20T12:00:00Z", #""caseId":"K3""#))
        try history.run(command("EscalateCase", at: "2026-02-21T09:00:00Z", #""caseId":"K3","reason":"Angry""#))
        try history.run(command("ResolveCase", at: "2026-02-22T09:00:00Z", #""caseId":"K3","resolution":"Fixed""#))
        try history.run(command("CloseCase", at: "2026-02-22T10:00:00Z", #""caseId":"K3""#))
        try history.run(command("ReopenCase", at: "2026-02-25T09:00:00Z", #""caseId":"K3","reason":"Back""#))
        try history.run(openCase("K4", "High", account: "dup", at: "2026-03-01T09:00:00Z"))
        try history.run(command("RecordCaseResponse", at: "2026-03-01T14:00:00Z", #""caseId":"K4""#))
        try history.run(command("ResolveCase", at: "2026-03-01T20:00:00Z", #""caseId":"K4","resolution":"Fixed""#))
        try history.run(command("CloseCase", at: "2026-03-02T09:00:00Z", #""caseId":"K4""#))
        try history.run(openCase("K1", "Medium", owner: "agent-1", at: "2026-03-02T09:00:00Z"))
        try history.run(command("RecordCaseResponse", at: "2026-03-02T10:00:00Z", #""caseId":"K1""#))
        try history.run(command("PutCaseOnHold", at: "2026-03-02T11:00:00Z", #""caseId":"K1","reason":"Wait""#))
        try history.run(command("ResumeCase", at: "2026-03-02T13:30:00Z", #""caseId":"K1""#))
        try history.run(command("ChangeCasePriority", at: "2026-03-02T14:00:00Z", #""caseId":"K1","priority":"High""#))
        try history.run(openCase("K2", "Critical", at: "2026-03-02T09:00:00Z"))
        try history.run(command("PutCaseOnHold", at: "2026-03-02T09:30:00Z", #""caseId":"K2","reason":"Wait""#))
        try history.run(openCase("K5", "Critical", at: "2026-03-02T09:00:00Z"))
        try history.run(command("CloseCase", at: "2026-03-02T09:20:00Z", #""caseId":"K5","reason":"Duplicate""#))
        try history.run(openCase("K6", "Medium", at: "2026-03-02T12:00:00Z"))
        try history.run(command("RecordCaseResponse", at: "2026-03-02T12:30:00Z", #""caseId":"K6""#))
        try history.run(command("ResolveCase", at: "2026-03-02T13:00:00Z", #""caseId":"K6","resolution":"Done""#))
        try history.run(
            command("MergeAccounts", at: "2026-03-02T15:00:00Z", #""accountId":"acme","mergedAccountId":"dup""#)
        )
        return history
    }

    static func report(at asOf: Timestamp = asOf) throws -> BacklogReport {
        let history = try history()
        return history.fold(into: BacklogModel.self)
            .report(in: ReportContext(asOf: asOf, position: UInt64(history.events.count)))
    }

    @Test func theMergeTransfersACaseThatStaysOneCase() throws {
        let history = try Self.history()
        let transfers = history.events.filter { if case .case(.transferred) = $0.event { true } else { false } }
        #expect(transfers.map(\.stream.id.text) == ["K4"])
        let report = try Self.report()
        #expect(report.rates.opened == 6)
        #expect(report.daily.map(\.opened).reduce(0, +) == 6)
    }

    @Test func countsOpenCasesByPriorityStatusAndAge() throws {
        let report = try Self.report()
        #expect(report.open == BacklogReport.OpenSummary(count: 3, onHold: 1, unassigned: 1))
        #expect(report.byPriority.map(\.priority) == [.critical, .high, .medium, .low])
        #expect(report.byPriority.map(\.count) == [1, 1, 0, 1])
        #expect(report.byPriority.map(\.breached) == [0, 0, 0, 1])
        #expect(report.byStatus.map(\.status) == [.new, .working, .escalated, .onHold])
        #expect(report.byStatus.map(\.count) == [0, 1, 1, 1])
        #expect(report.byAge.map(\.bucket) == ["0-1d", "1-3d", "3-7d", "7-30d", ">30d"])
        #expect(report.byAge.map(\.count) == [2, 0, 0, 1, 0])
        #expect(
            report.cells.map { "\($0.priority.rawValue) \($0.status.rawValue) \($0.bucket) \($0.count)" } == [
                "Critical On Hold 0-1d 1", "High Working 0-1d 1", "Low Escalated 7-30d 1",
            ]
        )
    }

    @Test func listsEachOwnersQueueOldestFirstAndTheUnassignedLast() throws {
        let report = try Self.report()
        #expect(report.queues.map(\.ownerId) == ["agent-1", nil])
        #expect(report.queues.map(\.count) == [2, 1])
        #expect(report.queues[0].cases.map(\.caseId) == ["K3", "K1"])
        #expect(report.queues[0].cases.map(\.ageMinutes) == [15_780, 1_380])
        #expect(report.queues[0].cases.map(\.priority) == [.low, .high])
        #expect(report.queues[0].cases.map(\.status) == [.escalated, .working])
        #expect(report.queues[0].cases.map(\.subject) == ["Case K3", "Case K1"])
        #expect(report.queues[1].cases.map(\.caseId) == ["K2"])
    }

    @Test func classifiesServiceMilestonesWithHoldsExcludedAndTheTargetsRecorded() throws {
        let sla = try Self.report().sla
        // First response: K2 due, K4 late, K1 K3 K6 met, K5 closed without one.
        #expect(sla.firstResponse == .init(due: 1, atRisk: 0, breached: 1, met: 3, closedWithout: 1))
        // Resolution: K2 due, K1 at risk (1,230 of High's 1,440 minutes used), K3 breached after its reopening,
        // K4 K6 met, K5 closed without one.
        #expect(sla.resolution == .init(due: 1, atRisk: 1, breached: 1, met: 2, closedWithout: 1))
        #expect(sla.atRiskShare == 0.25)
        let byPriority = Dictionary(uniqueKeysWithValues: sla.byPriority.map { ($0.priority, $0) })
        #expect(byPriority[.critical]?.firstResponse == .init(due: 1, closedWithout: 1))
        #expect(byPriority[.critical]?.resolution == .init(due: 1, closedWithout: 1))
        #expect(byPriority[.high]?.firstResponse == .init(breached: 1, met: 1))
        #expect(byPriority[.high]?.resolution == .init(atRisk: 1, met: 1))
        #expect(byPriority[.medium]?.firstResponse == .init(met: 1))
        #expect(byPriority[.low]?.resolution == .init(breached: 1))
    }

    @Test func aCaseOnHoldKeepsItsClockStoppedAsTimeGoesOn() throws {
        let later = try Self.report(at: Timestamp(rfc3339: "2026-03-13T08:00:00Z")!)
        let critical = later.sla.byPriority.first { $0.priority == .critical }
        #expect(critical?.firstResponse == .init(due: 1, closedWithout: 1))
        // K1's clock ran on: now past High's resolution target.
        #expect(later.sla.resolution == .init(due: 1, atRisk: 0, breached: 2, met: 2, closedWithout: 1))
        #expect(later.byAge.map(\.count) == [0, 0, 0, 3, 0])
    }

    @Test func summarizesResponseAndResolutionMinutesByNearestRank() throws {
        let report = try Self.report()
        // First responses 30, 60, 180, 300; resolutions 60 and 660 (K3's was undone by its reopening).
        #expect(report.firstResponseMinutes.count == 4)
        #expect(report.firstResponseMinutes.median == 60)
        #expect(report.firstResponseMinutes.p90 == 300)
        #expect(report.resolutionMinutes.count == 2)
        #expect(report.resolutionMinutes.median == 60)
        #expect(report.resolutionMinutes.p90 == 660)
    }

    @Test func countsCasesOpenedAndClosedPerBusinessDay() throws {
        let daily = try Self.report().daily
        #expect(daily.map(\.date.description) == ["2026-02-20", "2026-02-22", "2026-03-01", "2026-03-02"])
        #expect(daily.map(\.opened) == [1, 0, 1, 4])
        #expect(daily.map(\.closed) == [0, 1, 0, 2])
    }

    @Test func ratesCountCasesEverEscalatedAndEverReopened() throws {
        let rates = try Self.report().rates
        #expect(rates.opened == 6)
        #expect(rates.escalated == 1)
        #expect(rates.escalationRate == 1.0 / 6.0)
        #expect(rates.finished == 4)
        #expect(rates.reopened == 1)
        #expect(rates.reopenRate == 0.25)
    }

    @Test func anEmptyBacklogHasNullRatesAndDurations() throws {
        let report = BacklogModel().report(in: ReportContext(asOf: Self.asOf, position: 0))
        let json = try Self.json(report)
        #expect(json.contains(#""median":null"#))
        #expect(json.contains(#""escalationRate":null"#))
        #expect(report.queues.isEmpty)
        #expect(report.byAge.map(\.count) == [0, 0, 0, 0, 0])
    }

    @Test func writesTheJSONContractAndTables() throws {
        let report = try Self.report()
        let json = try Self.json(report)
        #expect(json.hasPrefix(#"{"asOf":"2026-03-03T08:00:00.000000Z","byAge":[{"bucket":"0-1d","count":2}"#))
        #expect(json.contains(#""open":{"count":3,"onHold":1,"unassigned":1}"#))
        #expect(json.contains(#"{"breached":1,"count":1,"priority":"Low"}"#))
        #expect(json.contains(#"{"cases":[{"ageMinutes":1380,"caseId":"K2""#))
        #expect(json.contains(#""ownerId":null"#))
        let titles = report.tables.map(\.title)
        #expect(titles.contains("Service levels"))
        for table in report.tables { #expect(table.rows.allSatisfy { $0.count == table.columns.count }) }
        let rates = report.tables.first { $0.title == "Rates" }
        #expect(rates?.rows == [["Escalation", "1", "6", "16.7%"], ["Reopen", "1", "4", "25.0%"]])
    }

    static func json(_ report: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}

private func command(_ type: String, at time: String, _ data: String) -> String {
    #"{"type":"\#(type)","actor":"agent-9","occurredAt":"\#(time)","data":{\#(data)}}"#
}

private func openCase(_ id: String, _ priority: String, account: String = "acme", owner: String? = nil, at time: String)
    -> String
{
    let ownerField = owner.map { #","ownerId":"\#($0)""# } ?? ""
    return command(
        "OpenCase",
        at: time,
        #""caseId":"\#(id)","accountId":"\#(account)","subject":"Case \#(id)","priority":"\#(priority)"\#(ownerField)"#
    )
}
