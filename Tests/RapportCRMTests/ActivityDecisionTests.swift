import RapportCRM
import RapportTime
import Testing

struct ActivityDecisionTests {
    /// A command of the given type by `user-1` with the given `data` fields.
    static func command(_ type: String, _ data: String) -> String {
        #"{"type":"\#(type)","actor":"user-1","data":{\#(data)}}"#
    }

    /// An id known to be valid.
    static func id(_ text: String) -> RecordId { try! RecordId(text) }

    /// A domain with accounts `acme`, `globex` and `initech`, contact `ann` at Globex, lead `lead-1`,
    /// opportunity `deal-1` with Acme and case `case-1` of Initech.
    static func domainWithRecords() throws -> Decisions {
        var domain = Decisions()
        for account in ["acme", "globex", "initech"] {
            try domain.run(
                command("OpenAccount", #""accountId":"\#(account)","name":"\#(account)","ownerId":"user-1""#)
            )
        }
        try domain.run(command("AddContact", #""contactId":"ann","accountId":"globex","lastName":"Ann""#))
        try domain.run(command("CaptureLead", #""leadId":"lead-1","company":"Hooli","lastName":"Gavin""#))
        try domain.run(
            command(
                "OpenOpportunity",
                #""opportunityId":"deal-1","accountId":"acme","name":"Deal","closeDate":"2026-06-30","ownerId":"user-1""#
            )
        )
        try domain.run(
            command("OpenCase", #""caseId":"case-1","accountId":"initech","subject":"Help","priority":"Low""#)
        )
        return domain
    }

    static let logCall = command(
        "LogActivity",
        #""activityId":"call-1","channel":"Call","subject":"Pricing call","durationMinutes":30,"description":"Asked for a discount","accountId":"acme","contactId":"ann","leadId":"lead-1","opportunityId":"deal-1","caseId":"case-1","ownerId":"user-2""#
    )

    static let createTask = command(
        "CreateTask",
        #""activityId":"task-1","subject":"Send the quote","dueDate":"2026-03-05","ownerId":"user-2","opportunityId":"deal-1""#
    )

    // MARK: LogActivity

    @Test func logActivityRecordsItsFieldsAndTheGivenAccount() throws {
        var domain = try Self.domainWithRecords()
        let events = try domain.run(Self.logCall)
        let expected = ActivityLogged(
            channel: .call,
            subject: "Pricing call",
            durationMinutes: 30,
            description: "Asked for a discount",
            accountId: Self.id("acme"),
            contactId: Self.id("ann"),
            leadId: Self.id("lead-1"),
            opportunityId: Self.id("deal-1"),
            caseId: Self.id("case-1"),
            ownerId: Self.id("user-2")
        )
        #expect(events == [NewEvent(Self.id("call-1"), .activity(.logged(expected)))])
        let activity = try #require(domain.state.activities[Self.id("call-1")])
        #expect(activity.version == 1 && activity.accountId == Self.id("acme") && activity.status == .logged)
        #expect(domain.state.accounts[Self.id("acme")]?.activities == [Self.id("call-1")])
        #expect(domain.state.accounts[Self.id("globex")]?.activities == [])
    }

    /// Related records, and the account the activity then belongs to: the account named, else the contact's,
    /// the opportunity's or the case's, in that order; none for a lead alone.
    static let accountsOfRelatedRecords: [(String, String?)] = [
        (#""contactId":"ann""#, "globex"),
        (#""opportunityId":"deal-1""#, "acme"),
        (#""caseId":"case-1""#, "initech"),
        (#""leadId":"lead-1""#, nil),
        (#""caseId":"case-1","opportunityId":"deal-1","contactId":"ann""#, "globex"),
        (#""caseId":"case-1","opportunityId":"deal-1""#, "acme"),
        (#""accountId":"initech","contactId":"ann""#, "initech"),
    ]

    @Test(arguments: accountsOfRelatedRecords)
    func logActivityBelongsToTheAccountOfItsRelatedRecords(related: String, account: String?) throws {
        var domain = try Self.domainWithRecords()
        let events = try domain.run(
            Self.command("LogActivity", #""activityId":"note-1","channel":"Note","subject":"Met them","# + related)
        )
        guard case .activity(.logged(let logged)) = events.first?.event, events.count == 1 else {
            Issue.record("expected ActivityLogged, got \(events)")
            return
        }
        let accountId = account.map(Self.id)
        #expect(logged.accountId == accountId && logged.durationMinutes == nil && logged.ownerId == nil)
        #expect(domain.state.activities[Self.id("note-1")]?.accountId == accountId)
        if let accountId {
            #expect(domain.state.accounts[accountId]?.activities == [Self.id("note-1")])
        }
    }

    @Test func logActivityRefusesAnExistingId() throws {
        var domain = try Self.domainWithRecords()
        try domain.run(Self.logCall)
        domain.expectRefusal(Self.logCall, code: .activityExists, field: "data.activityId")
    }

    static let logRefusals: [(String, DomainError.Code, String)] = [
        (#""channel":"Fax","subject":"S","accountId":"acme""#, .invalidField, "data.channel"),
        (#""channel":"Call","subject":" ","accountId":"acme""#, .invalidField, "data.subject"),
        (
            #""channel":"Call","subject":"S","durationMinutes":-1,"accountId":"acme""#, .invalidField,
            "data.durationMinutes"
        ),
        (
            #""channel":"Call","subject":"S","durationMinutes":10081,"accountId":"acme""#, .invalidField,
            "data.durationMinutes"
        ),
        (
            #""channel":"Call","subject":"S","description":"a\u0007b","accountId":"acme""#, .invalidField,
            "data.description"
        ),
        (#""channel":"Call","subject":"S","ownerId":"","accountId":"acme""#, .invalidId, "data.ownerId"),
    ]

    @Test(arguments: logRefusals)
    func logActivityRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithRecords()
        domain.expectRefusal(Self.command("LogActivity", #""activityId":"a-1","# + data), code: code, field: field)
    }

    /// Related records that break one rule each, with the code and field named; both LogActivity and
    /// CreateTask check them.
    static let relatedRefusals: [(String, DomainError.Code, String)] = [
        ("", .relatedRecordRequired, "data"),
        (#""accountId":"nowhere""#, .accountNotFound, "data.accountId"),
        (#""contactId":"nobody""#, .contactNotFound, "data.contactId"),
        (#""leadId":"nobody""#, .leadNotFound, "data.leadId"),
        (#""opportunityId":"nothing""#, .opportunityNotFound, "data.opportunityId"),
        (#""caseId":"nothing""#, .caseNotFound, "data.caseId"),
        (#""opportunityId":"deal-1","caseId":"nothing""#, .caseNotFound, "data.caseId"),
    ]

    @Test(arguments: relatedRefusals)
    func logActivityRefusesRelatedRecords(related: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithRecords()
        let data = #""activityId":"a-1","channel":"Email","subject":"S""# + (related.isEmpty ? "" : "," + related)
        domain.expectRefusal(Self.command("LogActivity", data), code: code, field: field)
    }

    /// Each command that creates an activity, with the fields it needs besides the related records.
    static let creations = [
        ("LogActivity", #""activityId":"a-1","channel":"Call","subject":"S","#),
        ("CreateTask", #""activityId":"a-1","subject":"S","dueDate":"2026-03-05","ownerId":"u","#),
    ]

    @Test(arguments: creations)
    func activitiesRefuseDeactivatedAndMergedAccounts(type: String, fields: String) throws {
        var domain = try Self.domainWithRecords()
        try domain.run(Self.command("DeactivateAccount", #""accountId":"globex""#))
        try domain.run(Self.command("MergeAccounts", #""accountId":"acme","mergedAccountId":"initech""#))
        domain.expectRefusal(
            Self.command(type, fields + #""accountId":"globex""#),
            code: .accountInactive,
            field: "data.accountId"
        )
        domain.expectRefusal(
            Self.command(type, fields + #""accountId":"initech""#),
            code: .accountMerged,
            field: "data.accountId"
        )
    }

    @Test func aMergeMovesTheActivityToTheSurvivor() throws {
        var domain = try Self.domainWithRecords()
        try domain.run(Self.logCall)
        try domain.run(Self.command("MergeAccounts", #""accountId":"globex","mergedAccountId":"acme""#))
        #expect(domain.state.activities[Self.id("call-1")]?.accountId == Self.id("globex"))
        #expect(domain.state.accounts[Self.id("globex")]?.activities == [Self.id("call-1")])
        #expect(domain.state.accounts[Self.id("acme")]?.activities == [])
    }
}
