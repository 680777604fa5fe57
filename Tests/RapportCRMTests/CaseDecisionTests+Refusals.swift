import RapportCRM
import Testing

/// A command that must be refused, with the code and field of the refusal; test results show its type, code and
/// field rather than its JSON, which can be thousands of characters long.
struct CaseRefusal: Sendable, CustomTestStringConvertible {
    var json: String
    var code: DomainError.Code
    var field: String

    init(_ json: String, _ code: DomainError.Code, _ field: String) {
        self.json = json
        self.code = code
        self.field = field
    }

    var testDescription: String {
        let type = json.split(separator: "\"", maxSplits: 4).dropFirst(3).first ?? "?"
        return "\(type): \(code) at \(field)"
    }
}

extension CaseDecisionTests {
    static let long256 = String(repeating: "x", count: 256)
    static let long4001 = String(repeating: "x", count: 4001)

    /// Opening commands refused for their fields or their account, with a case `case-1` already open.
    static let openRefusals: [CaseRefusal] = [
        CaseRefusal(openCase, .caseExists, "data.caseId"),
        CaseRefusal(open(#""accountId":"nowhere","subject":"S","priority":"Low""#), .accountNotFound, "data.accountId"),
        CaseRefusal(open(#""accountId":"acme","subject":"  ","priority":"Low""#), .invalidField, "data.subject"),
        CaseRefusal(
            open(#""accountId":"acme","subject":"\#(long256)","priority":"Low""#),
            .invalidField,
            "data.subject"
        ),
        CaseRefusal(open(#""accountId":"acme","priority":"Low""#), .missingField, "data.subject"),
        CaseRefusal(
            open(#""accountId":"acme","subject":"S","description":"\#(long4001)","priority":"Low""#),
            .invalidField,
            "data.description"
        ),
        CaseRefusal(
            open(#""accountId":"acme","subject":"S","description":"bell \u0007","priority":"Low""#),
            .invalidField,
            "data.description"
        ),
        CaseRefusal(open(#""accountId":"acme","subject":"S","priority":"Urgent""#), .invalidField, "data.priority"),
        CaseRefusal(open(#""accountId":"acme","subject":"S""#), .missingField, "data.priority"),
        CaseRefusal(
            open(#""accountId":"acme","subject":"S","priority":"Low","origin":"Fax""#),
            .invalidField,
            "data.origin"
        ),
        CaseRefusal(
            open(#""accountId":"acme","subject":"S","priority":"Low","type":"Rant""#),
            .invalidField,
            "data.type"
        ),
        CaseRefusal(
            open(#""accountId":"acme","subject":"S","priority":"Low","ownerId":"a b""#),
            .invalidId,
            "data.ownerId"
        ),
        CaseRefusal(
            open(#""accountId":"acme","subject":"S","priority":"Low","prio":"Low""#),
            .unknownField,
            "data.prio"
        ),
        CaseRefusal(
            command("OpenCase", #""caseId":"case 2","accountId":"acme","subject":"S","priority":"Low""#),
            .invalidId,
            "data.caseId"
        ),
    ]

    /// An `OpenCase` of `case-2` with the given other fields.
    static func open(_ data: String) -> String {
        command("OpenCase", #""caseId":"case-2","# + data)
    }

    @Test(arguments: openRefusals)
    func openCaseRefuses(_ refusal: CaseRefusal) throws {
        var domain = try Self.domainWithCase()
        domain.expectRefusal(refusal.json, code: refusal.code, field: refusal.field)
    }

    @Test(arguments: [
        (
            #"{"type":"DeactivateAccount","actor":"user-1","data":{"accountId":"acme"}}"#,
            DomainError.Code.accountInactive
        ),
        (
            #"{"type":"MergeAccounts","actor":"user-1","data":{"accountId":"globex","mergedAccountId":"acme"}}"#,
            .accountMerged
        ),
    ])
    func openCaseRefusesAnAccountThatTakesNoNewRecords(change: String, code: DomainError.Code) throws {
        var domain = Decisions()
        try domain.run(Self.openAcme)
        try domain.run(Self.openGlobex)
        try domain.run(change)
        domain.expectRefusal(Self.openCase, code: code, field: "data.accountId")
    }

    @Test(arguments: [
        ("carl", DomainError.Code.contactNotFound),
        ("bob", .contactNotInAccount),
    ])
    func openCaseRefusesAContactThatIsNotTheAccounts(contactId: String, code: DomainError.Code) throws {
        var domain = try Self.domainWithContacts()
        domain.expectRefusal(
            Self.open(#""accountId":"acme","contactId":"\#(contactId)","subject":"S","priority":"Low""#),
            code: code,
            field: "data.contactId"
        )
    }

    @Test func commandsNeedingTargetsRefuseAPriorityTheConfigurationHasNoneFor() throws {
        var domain = try Self.domainWithCase()
        domain.configuration.caseTargets.removeAll { $0.priority == .low }
        domain.expectRefusal(
            Self.open(#""accountId":"acme","subject":"S","priority":"Low""#),
            code: .invalidConfiguration,
            field: "data.priority"
        )
        domain.expectRefusal(
            Self.onCase("ChangeCasePriority", #""priority":"Low""#),
            code: .invalidConfiguration,
            field: "data.priority"
        )
    }

    /// Every command about an existing case, with valid data.
    static let caseCommands: [String] = [
        onCase("AssignCase", #""ownerId":"agent-1""#),
        onCase("RecordCaseResponse"),
        onCase("ChangeCasePriority", #""priority":"Low""#),
        onCase("EscalateCase", #""reason":"Angry""#),
        onCase("PutCaseOnHold", #""reason":"Waiting""#),
        onCase("ResumeCase"),
        onCase("ResolveCase", #""resolution":"Fixed""#),
        onCase("CloseCase", #""reason":"Duplicate""#),
        onCase("ReopenCase", #""reason":"Again""#),
    ]

    @Test(arguments: caseCommands)
    func everyCaseCommandRefusesAnUnknownCase(json: String) throws {
        var domain = Decisions()
        try domain.run(Self.openAcme)
        domain.expectRefusal(json, code: .caseNotFound, field: "data.caseId")
    }

    @Test(arguments: caseCommands.dropLast())
    func aClosedCaseRefusesEverythingButAReopen(json: String) throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.onCase("CloseCase", #""reason":"Duplicate""#))
        domain.expectRefusal(json, code: .caseClosed, field: "data.caseId")
    }

    @Test(arguments: [
        onCase("AssignCase", #""ownerId":"agent-1""#),
        onCase("ChangeCasePriority", #""priority":"Low""#),
        onCase("EscalateCase", #""reason":"Angry""#),
        onCase("PutCaseOnHold", #""reason":"Waiting""#),
        onCase("ResolveCase", #""resolution":"Fixed""#),
    ])
    func aResolvedCaseTakesOnlyResponsesCloseAndReopen(json: String) throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.onCase("ResolveCase", #""resolution":"Fixed""#))
        domain.expectRefusal(json, code: .caseResolved, field: "data.caseId")
    }

    @Test(arguments: [
        onCase("EscalateCase", #""reason":"Angry""#),
        onCase("PutCaseOnHold", #""reason":"Waiting""#),
        onCase("ResolveCase", #""resolution":"Fixed""#),
        onCase("CloseCase", #""reason":"Duplicate""#),
    ])
    func aCaseOnHoldMustResumeBeforeEscalatingResolvingOrClosing(json: String) throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.onCase("PutCaseOnHold", #""reason":"Waiting""#))
        domain.expectRefusal(json, code: .caseOnHold, field: "data.caseId")
    }

    @Test(arguments: [false, true])
    func resumeCaseRefusesACaseNotOnHold(resolved: Bool) throws {
        var domain = try Self.domainWithCase()
        if resolved { try domain.run(Self.onCase("ResolveCase", #""resolution":"Fixed""#)) }
        domain.expectRefusal(Self.onCase("ResumeCase"), code: .caseNotOnHold, field: "data.caseId")
    }

    @Test func resumeCaseRefusesATimeBeforeTheHoldBegan() throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.onCase("PutCaseOnHold", at: "2025-02-03T12:00:00Z", #""reason":"Waiting""#))
        domain.expectRefusal(
            Self.onCase("ResumeCase", at: "2025-02-03T11:59:59Z"),
            code: .caseResumedBeforeHold,
            field: "occurredAt"
        )
    }

    @Test func closeCaseNeedsAReasonForAnUnresolvedCase() throws {
        var domain = try Self.domainWithCase()
        domain.expectRefusal(Self.onCase("CloseCase"), code: .caseNotResolved, field: "data.reason")
    }

    @Test func reopenCaseRefusesACaseThatIsNeitherResolvedNorClosed() throws {
        var domain = try Self.domainWithCase()
        domain.expectRefusal(
            Self.onCase("ReopenCase", #""reason":"Again""#),
            code: .caseNotResolved,
            field: "data.caseId"
        )
    }

    @Test(arguments: [
        CaseRefusal(onCase("AssignCase", #""ownerId":"""#), .invalidId, "data.ownerId"),
        CaseRefusal(onCase("AssignCase"), .missingField, "data.ownerId"),
        CaseRefusal(onCase("RecordCaseResponse", #""channel":"Fax""#), .invalidField, "data.channel"),
        CaseRefusal(onCase("RecordCaseResponse", #""message":"\#(long4001)""#), .invalidField, "data.message"),
        CaseRefusal(onCase("RecordCaseResponse", #""message":"tab\u0009""#), .invalidField, "data.message"),
        CaseRefusal(onCase("ChangeCasePriority", #""priority":"Urgent""#), .invalidField, "data.priority"),
        CaseRefusal(onCase("EscalateCase", #""reason":" ""#), .invalidField, "data.reason"),
        CaseRefusal(onCase("EscalateCase", #""reason":"\#(long256)""#), .invalidField, "data.reason"),
        CaseRefusal(onCase("EscalateCase"), .missingField, "data.reason"),
        CaseRefusal(onCase("PutCaseOnHold", #""reason":"""#), .invalidField, "data.reason"),
        CaseRefusal(onCase("ResumeCase", #""reason":"Back""#), .unknownField, "data.reason"),
        CaseRefusal(onCase("ResolveCase", #""resolution":"""#), .invalidField, "data.resolution"),
        CaseRefusal(onCase("ResolveCase", #""resolution":"\#(long4001)""#), .invalidField, "data.resolution"),
        CaseRefusal(onCase("CloseCase", #""reason":"""#), .invalidField, "data.reason"),
        CaseRefusal(command("AssignCase", #""caseId":"","ownerId":"agent-1""#), .invalidId, "data.caseId"),
    ])
    func caseCommandsRefuseInvalidFields(_ refusal: CaseRefusal) throws {
        var domain = try Self.domainWithCase()
        domain.expectRefusal(refusal.json, code: refusal.code, field: refusal.field)
    }

    @Test(arguments: [
        CaseRefusal(onCase("ReopenCase", #""reason":"""#), .invalidField, "data.reason"),
        CaseRefusal(onCase("ReopenCase"), .missingField, "data.reason"),
    ])
    func reopenCaseRefusesAnInvalidReason(_ refusal: CaseRefusal) throws {
        var domain = try Self.domainWithCase()
        try domain.run(Self.onCase("ResolveCase", #""resolution":"Fixed""#))
        domain.expectRefusal(refusal.json, code: refusal.code, field: refusal.field)
    }
}
