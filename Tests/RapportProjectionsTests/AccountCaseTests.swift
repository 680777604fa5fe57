import RapportCRM
import RapportProjections
import Testing

/// Service targets of the standard configuration: Critical 1 h / 4 h, High 4 h / 24 h, Medium 8 h / 72 h,
/// Low 24 h / 120 h (first response / resolution).
struct AccountCaseTests {
    static func openCase(_ id: String, _ priority: String, at time: String, in history: inout RecordedHistory) throws {
        try history.accountCommand(
            "OpenCase",
            at: time,
            #""caseId":"\#(id)","accountId":"acme","subject":"Case \#(id)","priority":"\#(priority)""#
        )
    }

    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-01T09:00:00Z", AccountFixtures.account("acme", "Acme"))
        // K1: answered on time; resolved 26 h after opening, 2 h 15 min of it on hold, so within 24 h.
        try Self.openCase("K1", "High", at: "2025-02-03T10:00:00Z", in: &history)
        try history.accountCommand("RecordCaseResponse", at: "2025-02-03T10:40:00Z", #""caseId":"K1""#)
        try history.accountCommand("PutCaseOnHold", at: "2025-02-03T12:00:00Z", #""caseId":"K1","reason":"Logs""#)
        try history.accountCommand("ResumeCase", at: "2025-02-03T14:15:00Z", #""caseId":"K1""#)
        try history.accountCommand("ResolveCase", at: "2025-02-04T12:00:00Z", #""caseId":"K1","resolution":"Fixed""#)
        try history.accountCommand("CloseCase", at: "2025-02-04T13:00:00Z", #""caseId":"K1""#)
        // K2: first response 30 min late, resolved on time.
        try Self.openCase("K2", "Critical", at: "2025-02-03T10:00:00Z", in: &history)
        try history.accountCommand("RecordCaseResponse", at: "2025-02-03T11:30:00Z", #""caseId":"K2""#)
        try history.accountCommand("ResolveCase", at: "2025-02-03T13:00:00Z", #""caseId":"K2","resolution":"Fixed""#)
        // K6: Medium, raised to Critical before its first response, which is late by the Critical target.
        try Self.openCase("K6", "Medium", at: "2025-02-03T10:00:00Z", in: &history)
        try history.accountCommand(
            "ChangeCasePriority",
            at: "2025-02-03T10:30:00Z",
            #""caseId":"K6","priority":"Critical""#
        )
        try history.accountCommand("RecordCaseResponse", at: "2025-02-03T11:30:00Z", #""caseId":"K6""#)
        // K3: Low, never answered; its first response is due 2025-02-11T09:00.
        try Self.openCase("K3", "Low", at: "2025-02-10T09:00:00Z", in: &history)
        // K4: Medium, answered, on hold since 10:00 the same day: its resolution clock stopped there.
        try Self.openCase("K4", "Medium", at: "2025-02-10T09:00:00Z", in: &history)
        try history.accountCommand("RecordCaseResponse", at: "2025-02-10T09:30:00Z", #""caseId":"K4""#)
        try history.accountCommand("PutCaseOnHold", at: "2025-02-10T10:00:00Z", #""caseId":"K4","reason":"Parts""#)
        return history
    }

    @Test func casesAreSplitIntoOpenAndClosedWithTheirMilestones() throws {
        let report = try #require(try Self.history().accountReport("acme", asOf: "2025-02-11T10:00:00Z"))
        #expect(report.openCases.map(\.id.text) == ["K6", "K3", "K4"])
        #expect(report.closedCases.map(\.id.text) == ["K1", "K2"])

        let held = report.closedCases[0]
        #expect(held.status == .closed)
        #expect(held.heldMinutes == 135)
        #expect(held.firstRespondedAt == AccountFixtures.time("2025-02-03T10:40:00Z"))
        #expect(held.resolutionDueAt == AccountFixtures.time("2025-02-04T12:15:00Z"))
        #expect(held.resolvedAt == AccountFixtures.time("2025-02-04T12:00:00Z"))
        #expect(held.closedAt == AccountFixtures.time("2025-02-04T13:00:00Z"))
        #expect(!held.breached)

        let lateResponse = report.closedCases[1]
        #expect(lateResponse.status == .resolved)
        #expect(lateResponse.firstResponseBreached)
        #expect(!lateResponse.resolutionBreached)

        let raised = report.openCases[0]
        #expect(raised.priority == .critical)
        #expect(raised.status == .working)
        #expect(raised.firstResponseDueAt == AccountFixtures.time("2025-02-03T11:00:00Z"))
        #expect(raised.firstResponseBreached)
        #expect(raised.resolutionBreached)

        #expect(report.openCases[1].firstResponseBreached)
        #expect(report.openCases[1].subject == "Case K3")
        let onHold = report.openCases[2]
        #expect(onHold.status == .onHold)
        #expect(!onHold.breached)

        #expect(report.totals.openCases == 3)
        #expect(report.totals.breachedSlas == 3)
    }

    @Test func anOpenCaseIsBreachedOnlyOnceItsTargetIsPastAtAsOf() throws {
        let history = try Self.history()
        let before = try #require(history.accountReport("acme", asOf: "2025-02-11T08:00:00Z"))
        #expect(before.openCases[1].id.text == "K3")
        #expect(!before.openCases[1].breached)
        #expect(before.totals.breachedSlas == 2)
        let exactly = try #require(history.accountReport("acme", asOf: "2025-02-11T09:00:00Z"))
        #expect(!exactly.openCases[1].breached)
    }

    @Test func aReopenedCaseIsOpenAgainAndItsNextResolutionIsJudgedFromOpening() throws {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-01T09:00:00Z", AccountFixtures.account("acme", "Acme"))
        try Self.openCase("K5", "High", at: "2025-02-05T10:00:00Z", in: &history)
        try history.accountCommand("RecordCaseResponse", at: "2025-02-05T10:30:00Z", #""caseId":"K5""#)
        try history.accountCommand("ResolveCase", at: "2025-02-05T20:00:00Z", #""caseId":"K5","resolution":"Fixed""#)
        try history.accountCommand("CloseCase", at: "2025-02-05T21:00:00Z", #""caseId":"K5""#)
        var report = try #require(history.accountReport("acme", asOf: "2025-02-09T00:00:00Z"))
        #expect(report.closedCases.map(\.breached) == [false])
        #expect(report.totals.openCases == 0)

        try history.accountCommand("ReopenCase", at: "2025-02-10T08:00:00Z", #""caseId":"K5","reason":"Back again""#)
        report = try #require(history.accountReport("acme", asOf: "2025-02-10T09:00:00Z"))
        let reopened = try #require(report.openCases.first)
        #expect(reopened.status == .working)
        #expect(reopened.resolvedAt == nil)
        #expect(reopened.closedAt == nil)
        #expect(reopened.resolutionBreached)
        #expect(report.totals.openCases == 1)

        try history.accountCommand(
            "ResolveCase",
            at: "2025-02-10T12:00:00Z",
            #""caseId":"K5","resolution":"Fixed for good""#
        )
        report = try #require(history.accountReport("acme", asOf: "2025-02-10T13:00:00Z"))
        #expect(report.openCases.isEmpty)
        #expect(report.closedCases.first?.resolutionBreached == true)
        #expect(report.totals.breachedSlas == 1)
    }
}
