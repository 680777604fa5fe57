import RapportCRM
import RapportTime
import Testing

extension ActivityDecisionTests {
    static let completeTask = command("CompleteTask", #""activityId":"task-1""#)

    @Test func createTaskRecordsItsFieldsWithNormalPriorityAndTheOpportunitysAccount() throws {
        var domain = try Self.domainWithRecords()
        let events = try domain.run(Self.createTask)
        let expected = TaskCreated(
            subject: "Send the quote",
            dueDate: CalendarDate(year: 2026, month: 3, day: 5)!,
            ownerId: Self.id("user-2"),
            priority: .normal,
            accountId: Self.id("acme"),
            opportunityId: Self.id("deal-1")
        )
        #expect(events == [NewEvent(Self.id("task-1"), .activity(.taskCreated(expected)))])
        let task = try #require(domain.state.activities[Self.id("task-1")])
        #expect(task.version == 1 && task.accountId == Self.id("acme") && task.status == .openTask)
        #expect(domain.state.accounts[Self.id("acme")]?.activities == [Self.id("task-1")])
    }

    @Test func createTaskTakesTheGivenPriorityAndRelatedRecords() throws {
        var domain = try Self.domainWithRecords()
        let events = try domain.run(
            Self.command(
                "CreateTask",
                #""activityId":"task-2","subject":"Call back","dueDate":"2026-03-02","ownerId":"user-1","priority":"High","contactId":"ann","leadId":"lead-1","caseId":"case-1""#
            )
        )
        guard case .activity(.taskCreated(let created)) = events.first?.event, events.count == 1 else {
            Issue.record("expected TaskCreated, got \(events)")
            return
        }
        #expect(created.priority == .high && created.accountId == Self.id("globex"))
        #expect(created.contactId == Self.id("ann") && created.leadId == Self.id("lead-1"))
        #expect(created.caseId == Self.id("case-1") && created.opportunityId == nil)
    }

    @Test func createTaskRefusesAnExistingId() throws {
        var domain = try Self.domainWithRecords()
        try domain.run(Self.createTask)
        domain.expectRefusal(Self.createTask, code: .activityExists, field: "data.activityId")
    }

    static let createRefusals: [(String, DomainError.Code, String)] = [
        (#""subject":"","dueDate":"2026-03-05","ownerId":"u""#, .invalidField, "data.subject"),
        (#""subject":"S","dueDate":"2026-13-01","ownerId":"u""#, .invalidField, "data.dueDate"),
        (#""subject":"S","ownerId":"u""#, .missingField, "data.dueDate"),
        (#""subject":"S","dueDate":"2026-03-05""#, .missingField, "data.ownerId"),
        (#""subject":"S","dueDate":"2026-03-05","ownerId":"u","priority":"Urgent""#, .invalidField, "data.priority"),
    ]

    @Test(arguments: createRefusals)
    func createTaskRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithRecords()
        let command = Self.command("CreateTask", #""activityId":"t-1","opportunityId":"deal-1","# + data)
        domain.expectRefusal(command, code: code, field: field)
    }

    @Test(arguments: relatedRefusals)
    func createTaskRefusesRelatedRecords(related: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithRecords()
        let data = #""activityId":"t-1","subject":"S","dueDate":"2026-03-05","ownerId":"u""#
        domain.expectRefusal(
            Self.command("CreateTask", data + (related.isEmpty ? "" : "," + related)),
            code: code,
            field: field
        )
    }

    @Test func completeTaskMarksItDone() throws {
        var domain = try Self.domainWithRecords()
        try domain.run(Self.createTask)
        let events = try domain.run(Self.completeTask)
        #expect(events == [NewEvent(Self.id("task-1"), .activity(.taskCompleted(TaskCompleted())))])
        let task = try #require(domain.state.activities[Self.id("task-1")])
        #expect(task.version == 2 && task.status == .completedTask && task.accountId == Self.id("acme"))
    }

    @Test func completeTaskRefusesAnUnknownActivity() throws {
        var domain = try Self.domainWithRecords()
        domain.expectRefusal(Self.completeTask, code: .activityNotFound, field: "data.activityId")
    }

    @Test func completeTaskRefusesALoggedActivity() throws {
        var domain = try Self.domainWithRecords()
        try domain.run(Self.logCall)
        domain.expectRefusal(
            Self.command("CompleteTask", #""activityId":"call-1""#),
            code: .notATask,
            field: "data.activityId"
        )
    }

    @Test func completeTaskRefusesADoneTask() throws {
        var domain = try Self.domainWithRecords()
        try domain.run(Self.createTask)
        try domain.run(Self.completeTask)
        domain.expectRefusal(Self.completeTask, code: .taskCompleted, field: "data.activityId")
    }
}
