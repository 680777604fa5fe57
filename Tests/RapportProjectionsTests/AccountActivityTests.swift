import RapportCRM
import RapportProjections
import RapportTime
import Testing

struct AccountActivityTests {
    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-01T09:00:00Z", AccountFixtures.account("acme", "Acme"))
        try history.accountCommand(
            "AddContact",
            at: "2025-02-01T10:00:00Z",
            #""contactId":"c1","accountId":"acme","lastName":"Lee""#
        )
        try history.accountCommand(
            "OpenOpportunity",
            at: "2025-02-01T11:00:00Z",
            #""opportunityId":"o1","accountId":"acme","name":"Deal","closeDate":"2025-06-30","ownerId":"user-1""#
        )
        try history.accountCommand(
            "OpenCase",
            at: "2025-02-01T12:00:00Z",
            #""caseId":"k1","accountId":"acme","subject":"Broken","priority":"Low""#
        )
        try history.accountCommand(
            "LogActivity",
            at: "2025-03-01T10:00:00Z",
            #""activityId":"a1","channel":"Call","subject":"Discovery call","#
                + #""durationMinutes":45,"opportunityId":"o1","ownerId":"user-2""#
        )
        try history.accountCommand(
            "LogActivity",
            at: "2025-03-02T09:00:00Z",
            #""activityId":"a2","channel":"Email","subject":"Brochure","contactId":"c1""#
        )
        try history.accountCommand(
            "LogActivity",
            at: "2025-03-01T10:00:00Z",
            #""activityId":"a3","channel":"Note","subject":"Customer called back","caseId":"k1""#
        )
        try history.accountCommand(
            "CreateTask",
            at: "2025-03-03T08:00:00Z",
            #""activityId":"t1","subject":"Send the quote","#
                + #""dueDate":"2025-03-10","ownerId":"user-1","accountId":"acme""#
        )
        try history.accountCommand("CompleteTask", at: "2025-03-04T12:00:00Z", #""activityId":"t1""#)
        try history.accountCommand(
            "CreateTask",
            at: "2025-02-28T08:00:00Z",
            #""activityId":"t2","subject":"Book a visit","dueDate":"2025-03-15","ownerId":"user-1","contactId":"c1""#
        )
        return history
    }

    @Test func timelineIsNewestFirstByBusinessTimeThroughEveryRelatedRecord() throws {
        let report = try #require(try Self.history().accountReport("acme"))
        #expect(report.activities.map(\.id.text) == ["t1", "a2", "a1", "a3", "t2"])
        #expect(report.activities.map(\.kind) == [.task, .email, .call, .note, .task])
        let task = report.activities[0]
        #expect(task.subject == "Send the quote")
        #expect(task.dueDate == AccountFixtures.day("2025-03-10"))
        #expect(task.completedAt == AccountFixtures.time("2025-03-04T12:00:00Z"))
        #expect(report.activities[4].completedAt == nil)
        let call = report.activities[2]
        #expect(call.durationMinutes == 45)
        #expect(call.ownerId == "user-2")
        #expect(call.occurredAt == AccountFixtures.time("2025-03-01T10:00:00Z"))
        #expect(report.totals.lastActivityAt == AccountFixtures.time("2025-03-03T08:00:00Z"))
    }

    @Test func anAccountWithoutActivitiesHasNoLastActivity() throws {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-01T09:00:00Z", AccountFixtures.account("acme", "Acme"))
        #expect(history.accountReport("acme")?.totals.lastActivityAt == nil)
        #expect(history.accountReport("acme")?.activities.isEmpty == true)
    }

    @Test func onlyTheLatestFiftyAreKeptWhateverOrderTheyArrive() throws {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-01-01T09:00:00Z", AccountFixtures.account("acme", "Acme"))
        func log(_ number: Int, in history: inout RecordedHistory) throws {
            let time =
                AccountFixtures.time("2025-02-01T09:00:00Z").microsecondsSinceEpoch + Int64(number) * 86_400_000_000
            let at = Timestamp(microsecondsSinceEpoch: time).rfc3339
            if number == 3 || number == 40 {
                try history.accountCommand(
                    "CreateTask",
                    at: at,
                    #""activityId":"x\#(number)","subject":"Task","#
                        + #""dueDate":"2025-06-01","ownerId":"user-1","accountId":"acme""#
                )
            } else {
                try history.accountCommand(
                    "LogActivity",
                    at: at,
                    #""activityId":"x\#(number)","channel":"Call","subject":"Call \#(number)","accountId":"acme""#
                )
            }
        }
        for number in 1...30 { try log(number, in: &history) }
        for number in (31...55).reversed() { try log(number, in: &history) }
        try history.accountCommand("CompleteTask", at: "2025-05-01T09:00:00Z", #""activityId":"x3""#)
        try history.accountCommand("CompleteTask", at: "2025-05-02T09:00:00Z", #""activityId":"x40""#)

        let report = try #require(history.accountReport("acme"))
        #expect(report.activities.count == 50)
        #expect(report.activities.map(\.id.text) == (6...55).reversed().map { "x\($0)" })
        #expect(
            report.activities.first { $0.id.text == "x40" }?.completedAt == AccountFixtures.time("2025-05-02T09:00:00Z")
        )
        #expect(report.totals.lastActivityAt == report.activities.first?.occurredAt)
    }
}
