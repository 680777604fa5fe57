import RapportCRM
import RapportTime
import Testing

struct CaseDecisionTests {
    /// A command of the given type by `user-1` at a business time, with the given `data` fields.
    static func command(_ type: String, at time: String = "2025-02-03T10:00:00Z", _ data: String) -> String {
        #"{"type":"\#(type)","actor":"user-1","occurredAt":"\#(time)","data":{\#(data)}}"#
    }

    /// A command about `case-1`, with more `data` fields when given.
    static func onCase(_ type: String, at time: String = "2025-02-03T11:00:00Z", _ data: String = "") -> String {
        command(type, at: time, #""caseId":"case-1""# + (data.isEmpty ? "" : "," + data))
    }

    static let openAcme = command("OpenAccount", #""accountId":"acme","name":"Acme","ownerId":"user-1""#)
    static let openGlobex = command("OpenAccount", #""accountId":"globex","name":"Globex","ownerId":"user-1""#)
    static let openCase = command(
        "OpenCase",
        #""caseId":"case-1","accountId":"acme","subject":"Printer on fire","priority":"High""#
    )

    static let caseId = try! RecordId("case-1")
    static let acme = try! RecordId("acme")

    /// A domain with account `acme` and the High case `case-1` opened for it at 10:00.
    static func domainWithCase() throws -> Decisions {
        var domain = Decisions()
        try domain.run(openAcme)
        try domain.run(openCase)
        return domain
    }

    /// The event of a decision that caused exactly one event, in `case-1`'s stream; nil for any other.
    static func only(_ events: [NewEvent]) -> CaseEvent? {
        guard events.count == 1, events[0].recordId == caseId, case .case(let event) = events[0].event else {
            return nil
        }
        return event
    }

    /// The state of `case-1`.
    static func state(_ domain: Decisions) throws -> CaseState {
        try #require(domain.state.cases[caseId])
    }

    @Test func openCaseRecordsItsFieldsAndTheTargetsInForce() throws {
        var domain = Decisions()
        try domain.run(Self.openAcme)
        let events = try domain.run(
            Self.command(
                "OpenCase",
                #""caseId":"case-1","accountId":"acme","subject":"Printer on fire","description":"Smoke since noon","priority":"Critical","origin":"Phone","type":"Problem","ownerId":"agent-1""#
            )
        )
        let expected = CaseOpened(
            accountId: Self.acme,
            subject: "Printer on fire",
            description: "Smoke since noon",
            priority: .critical,
            origin: .phone,
            type: .problem,
            ownerId: try RecordId("agent-1"),
            status: .new,
            firstResponseMinutes: 60,
            resolutionMinutes: 240
        )
        #expect(Self.only(events) == .opened(expected))
        let state = try Self.state(domain)
        #expect(state.version == 1)
        #expect(state.accountId == Self.acme && state.contactId == nil)
        #expect(state.status == .new && state.priority == .critical)
        #expect(state.ownerId == (try RecordId("agent-1")))
        #expect(!state.responded && state.holdStartedAt == nil && state.escalationLevel == 0)
        #expect(domain.state.accounts[Self.acme]?.cases == [Self.caseId])
    }

    @Test func openCaseRecordsTheTargetsOfTheConfigurationInForce() throws {
        var domain = Decisions()
        domain.configuration.caseTargets = CasePriority.allCases.map {
            ServiceTargets(priority: $0, firstResponseMinutes: 15, resolutionMinutes: 90)
        }
        try domain.run(Self.openAcme)
        guard case .opened(let opened) = Self.only(try domain.run(Self.openCase)) else {
            Issue.record("expected CaseOpened")
            return
        }
        #expect(opened.firstResponseMinutes == 15 && opened.resolutionMinutes == 90)
    }

    @Test func openCaseAcceptsAContactOfTheAccount() throws {
        var domain = try Self.domainWithContacts()
        let events = try domain.run(
            Self.command(
                "OpenCase",
                #""caseId":"case-1","accountId":"acme","contactId":"ann","subject":"Login fails","priority":"Low""#
            )
        )
        guard case .opened(let opened) = Self.only(events) else {
            Issue.record("expected CaseOpened, got \(events)")
            return
        }
        #expect(opened.contactId == (try RecordId("ann")))
        #expect(opened.firstResponseMinutes == 24 * 60 && opened.resolutionMinutes == 5 * 24 * 60)
        #expect(try Self.state(domain).contactId == (try RecordId("ann")))
    }

    @Test func assignCaseRecordsThePreviousAndTheNewOwner() throws {
        var domain = try Self.domainWithCase()
        let agent1 = try RecordId("agent-1")
        let agent2 = try RecordId("agent-2")
        #expect(
            Self.only(try domain.run(Self.onCase("AssignCase", #""ownerId":"agent-1""#)))
                == .assigned(CaseAssigned(fromOwnerId: nil, toOwnerId: agent1))
        )
        #expect(
            Self.only(try domain.run(Self.onCase("AssignCase", #""ownerId":"agent-2""#)))
                == .assigned(CaseAssigned(fromOwnerId: agent1, toOwnerId: agent2))
        )
        let state = try Self.state(domain)
        #expect(state.ownerId == agent2 && state.version == 3)
    }

    @Test func assignCaseToItsOwnerChangesNothing() throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.onCase("AssignCase", #""ownerId":"agent-1""#))
        #expect(try domain.run(Self.onCase("AssignCase", #""ownerId":"agent-1""#)).isEmpty)
        #expect(try Self.state(domain).version == 2)
    }

    @Test func theFirstResponseCompletesTheMilestoneAndLaterOnesDoNot() throws {
        var domain = try Self.domainWithCase()
        let first = try domain.run(
            Self.onCase("RecordCaseResponse", #""channel":"Email","message":"We are on it""#)
        )
        #expect(
            Self.only(first)
                == .responseRecorded(
                    CaseResponseRecorded(channel: .email, message: "We are on it", firstResponse: true)
                )
        )
        var state = try Self.state(domain)
        #expect(state.responded && state.status == .working)
        let second = try domain.run(Self.onCase("RecordCaseResponse"))
        #expect(Self.only(second) == .responseRecorded(CaseResponseRecorded(firstResponse: false)))
        state = try Self.state(domain)
        #expect(state.status == .working && state.version == 3)
    }

    @Test func aResolvedCaseStillTakesResponses() throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.onCase("ResolveCase", #""resolution":"Replaced the fuser""#))
        let events = try domain.run(Self.onCase("RecordCaseResponse", #""channel":"Chat""#))
        #expect(Self.only(events) == .responseRecorded(CaseResponseRecorded(channel: .chat, firstResponse: true)))
        #expect(try Self.state(domain).status == .resolved)
    }

    @Test func changeCasePriorityRecordsTheNewTargetsInForce() throws {
        var domain = try Self.domainWithCase()
        let events = try domain.run(Self.onCase("ChangeCasePriority", #""priority":"Critical""#))
        let expected = CasePriorityChanged(
            fromPriority: .high,
            toPriority: .critical,
            firstResponseMinutes: 60,
            resolutionMinutes: 240
        )
        #expect(Self.only(events) == .priorityChanged(expected))
        #expect(try Self.state(domain).priority == .critical)
    }

    @Test func changeCasePriorityToTheSameChangesNothing() throws {
        var domain = try Self.domainWithCase()
        #expect(try domain.run(Self.onCase("ChangeCasePriority", #""priority":"High""#)).isEmpty)
        #expect(try Self.state(domain).version == 1)
    }

    @Test func eachEscalationRaisesTheLevel() throws {
        var domain = try Self.domainWithCase()
        let first = try domain.run(Self.onCase("EscalateCase", #""reason":"Customer threatens to leave""#))
        #expect(Self.only(first) == .escalated(CaseEscalated(reason: "Customer threatens to leave", level: 1)))
        #expect(try Self.state(domain).status == .escalated)
        let second = try domain.run(Self.onCase("EscalateCase", #""reason":"Still down""#))
        #expect(Self.only(second) == .escalated(CaseEscalated(reason: "Still down", level: 2)))
        let state = try Self.state(domain)
        #expect(state.escalationLevel == 2 && state.status == .escalated)
    }

    @Test func aHoldStopsTheClockAndTheResumeRecordsItsLength() throws {
        var domain = try Self.domainWithCase()
        let hold = try domain.run(
            Self.onCase("PutCaseOnHold", at: "2025-02-03T12:00:00Z", #""reason":"Waiting for logs""#)
        )
        let heldAt = try #require(Timestamp(rfc3339: "2025-02-03T12:00:00Z"))
        #expect(Self.only(hold) == .putOnHold(CasePutOnHold(reason: "Waiting for logs", onHoldSince: heldAt)))
        var state = try Self.state(domain)
        #expect(state.status == .onHold && state.holdStartedAt == heldAt)
        let resume = try domain.run(Self.onCase("ResumeCase", at: "2025-02-04T13:30:59Z"))
        #expect(Self.only(resume) == .resumed(CaseResumed(holdMinutes: 25 * 60 + 30, status: .new)))
        state = try Self.state(domain)
        #expect(state.status == .new && state.holdStartedAt == nil)
    }

    @Test(arguments: [
        ("RecordCaseResponse", "", CaseStatus.working),
        ("EscalateCase", #""reason":"Angry""#, CaseStatus.escalated),
    ])
    func aResumedCaseReturnsToTheStatusItIsWorkedIn(type: String, data: String, status: CaseStatus) throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.onCase(type, data))
        try domain.run(Self.onCase("PutCaseOnHold", #""reason":"Waiting""#))
        let events = try domain.run(Self.onCase("ResumeCase", at: "2025-02-03T11:45:00Z"))
        #expect(Self.only(events) == .resumed(CaseResumed(holdMinutes: 45, status: status)))
        #expect(try Self.state(domain).status == status)
    }

    @Test func resolveCaseRecordsTheResolution() throws {
        var domain = try Self.domainWithCase()
        let events = try domain.run(Self.onCase("ResolveCase", #""resolution":"Replaced the fuser""#))
        #expect(Self.only(events) == .resolved(CaseResolved(resolution: "Replaced the fuser")))
        #expect(try Self.state(domain).status == .resolved)
    }

    @Test func closeCaseClosesAResolvedCaseWithoutAReason() throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.onCase("ResolveCase", #""resolution":"Fixed""#))
        let events = try domain.run(Self.onCase("CloseCase"))
        #expect(Self.only(events) == .closed(CaseClosed(reason: nil, wasResolved: true)))
        #expect(try Self.state(domain).status == .closed)
    }

    @Test func closeCaseClosesAnUnresolvedCaseWithAReason() throws {
        var domain = try Self.domainWithCase()
        let events = try domain.run(Self.onCase("CloseCase", #""reason":"Duplicate of case-0""#))
        #expect(Self.only(events) == .closed(CaseClosed(reason: "Duplicate of case-0", wasResolved: false)))
        #expect(try Self.state(domain).status == .closed)
    }

    @Test func reopenCaseReopensAResolvedOrClosedCase() throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.onCase("RecordCaseResponse"))
        try domain.run(Self.onCase("ResolveCase", #""resolution":"Fixed""#))
        let fromResolved = try domain.run(Self.onCase("ReopenCase", #""reason":"Broke again""#))
        #expect(
            Self.only(fromResolved)
                == .reopened(CaseReopened(reason: "Broke again", fromStatus: .resolved, status: .working))
        )
        #expect(try Self.state(domain).status == .working)
        try domain.run(Self.onCase("CloseCase", #""reason":"Customer gone""#))
        let fromClosed = try domain.run(Self.onCase("ReopenCase", #""reason":"Customer back""#))
        #expect(
            Self.only(fromClosed)
                == .reopened(CaseReopened(reason: "Customer back", fromStatus: .closed, status: .working))
        )
        #expect(try Self.state(domain).status == .working)
    }

    @Test func aMergeOfItsAccountTransfersTheCaseToTheSurvivor() throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.openGlobex)
        let events = try domain.run(
            Self.command("MergeAccounts", #""accountId":"globex","mergedAccountId":"acme""#)
        )
        let globex = try RecordId("globex")
        let transfer = AccountTransfer(fromAccountId: Self.acme, toAccountId: globex, viaMerge: true)
        #expect(events.contains(NewEvent(Self.caseId, .case(.transferred(CaseTransferred(transfer))))))
        let state = try Self.state(domain)
        #expect(state.accountId == globex && state.version == 2)
        #expect(domain.state.accounts[Self.acme]?.cases.isEmpty == true)
        #expect(domain.state.accounts[globex]?.cases == [Self.caseId])
    }

    /// A domain with accounts `acme` and `globex` and a contact of each, `ann` and `bob`.
    static func domainWithContacts() throws -> Decisions {
        var domain = Decisions()
        try domain.run(openAcme)
        try domain.run(openGlobex)
        try domain.run(command("AddContact", #""contactId":"ann","accountId":"acme","lastName":"Ng""#))
        try domain.run(command("AddContact", #""contactId":"bob","accountId":"globex","lastName":"Ray""#))
        return domain
    }
}
