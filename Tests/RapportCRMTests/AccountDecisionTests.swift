import RapportCRM
import Testing

struct AccountDecisionTests {
    @Test func openAccountRecordsItsFields() throws {
        var domain = Decisions()
        let events = try domain.run(
            #"{"type":"OpenAccount","actor":"user-7","data":{"accountId":"acme","name":"Acme","ownerId":"user-7","annualRevenue":1250000.5}}"#
        )
        #expect(events.count == 1)
        guard case .account(.opened(let opened)) = events.first?.event else {
            Issue.record("expected AccountOpened, got \(events)")
            return
        }
        #expect(opened.name == "Acme")
        #expect(opened.annualRevenue == Money(tenThousandths: 12_500_005_000))
        #expect(domain.state.version(of: StreamName(.account, try RecordId("acme"))) == 1)
    }

    @Test func openAccountRefusesAnExistingId() throws {
        var domain = Decisions()
        let open = #"{"type":"OpenAccount","actor":"u","data":{"accountId":"acme","name":"Acme","ownerId":"u"}}"#
        try domain.run(open)
        domain.expectRefusal(open, code: .accountExists, field: "data.accountId")
    }
}
