import RapportCRM
import Testing

/// A record id known to be valid.
private func id(_ text: String) -> RecordId {
    try! RecordId(text)
}

extension AccountDecisionTests {
    @Test func deactivateAccountRecordsTheReasonAndStopsNewRecords() throws {
        var domain = try Commands.domain([("acme", nil)])
        let events = try domain.run(
            Commands.json("DeactivateAccount", #""accountId":"acme","reason":"Went out of business""#)
        )
        let expected = AccountDeactivated(reason: "Went out of business")
        #expect(events == [NewEvent(id("acme"), .account(.deactivated(expected)))])
        #expect(domain.state.accounts[id("acme")]?.status == .inactive)
        domain.expectRefusal(
            Commands.addContact("ann", to: "acme", email: "ann@acme.example"),
            code: .accountInactive,
            field: "data.accountId"
        )
    }

    @Test func deactivateAccountWithoutAReason() throws {
        var domain = try Commands.domain([("acme", nil)])
        let events = try domain.run(Commands.json("DeactivateAccount", #""accountId":"acme""#))
        #expect(events == [NewEvent(id("acme"), .account(.deactivated(AccountDeactivated())))])
    }

    static let deactivateRefusals: [(String, DomainError.Code, String)] = [
        (#""accountId":"nowhere""#, .accountNotFound, "data.accountId"),
        (#""accountId":"merged""#, .accountMerged, "data.accountId"),
        (#""accountId":"inactive""#, .accountInactive, "data.accountId"),
        (#""accountId":"acme","reason":"tab\there""#, .invalidField, "data.reason"),
    ]

    @Test(arguments: deactivateRefusals)
    func deactivateAccountRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Commands.domain([("survivor", nil), ("merged", nil), ("inactive", nil), ("acme", nil)])
        try domain.run(Commands.json("MergeAccounts", #""accountId":"survivor","mergedAccountId":"merged""#))
        try domain.run(Commands.json("DeactivateAccount", #""accountId":"inactive""#))
        domain.expectRefusal(Commands.json("DeactivateAccount", data), code: code, field: field)
    }

    @Test func reactivateAccountUndoesADeactivation() throws {
        var domain = try Commands.domain([("acme", nil)])
        try domain.run(Commands.json("DeactivateAccount", #""accountId":"acme""#))
        let events = try domain.run(Commands.json("ReactivateAccount", #""accountId":"acme""#))
        #expect(events == [NewEvent(id("acme"), .account(.reactivated(AccountReactivated())))])
        #expect(domain.state.accounts[id("acme")]?.status == .active)
        #expect(domain.state.accounts[id("acme")]?.version == 3)
        try domain.run(Commands.addContact("ann", to: "acme", email: "ann@acme.example"))
    }

    static let reactivateRefusals: [(String, DomainError.Code, String)] = [
        (#""accountId":"nowhere""#, .accountNotFound, "data.accountId"),
        (#""accountId":"merged""#, .accountMerged, "data.accountId"),
        (#""accountId":"acme""#, .accountActive, "data.accountId"),
    ]

    @Test(arguments: reactivateRefusals)
    func reactivateAccountRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Commands.domain([("survivor", nil), ("merged", nil), ("acme", nil)])
        try domain.run(Commands.json("DeactivateAccount", #""accountId":"merged""#))
        try domain.run(Commands.json("MergeAccounts", #""accountId":"survivor","mergedAccountId":"merged""#))
        domain.expectRefusal(Commands.json("ReactivateAccount", data), code: code, field: field)
    }
}
