import Testing

@testable import RapportCRM

/// The ledger finds the first field present that no type read, in path order and then name order, whichever of
/// the containers opened on an object read a field.
struct FieldLedgerTests {
    @Test func theFirstUnreadFieldIsFoundByPathThenName() {
        let ledger = FieldLedger(subject: "OpenAccount")
        let top = ledger.object(at: "", keys: ["type", "data", "actor"])
        let data = ledger.object(at: "data", keys: ["name", "website", "accountId"])
        for key in ["type", "data", "actor", "name", "accountId"] {
            top.recordRead(key)
            data.recordRead(key)
        }
        #expect(ledger.firstUnknownField() == "data.website")
        data.recordRead("website")
        #expect(ledger.firstUnknownField() == nil)
    }

    @Test func everyContainerOnAnObjectSharesItsRecord() {
        let ledger = FieldLedger(subject: "a command")
        let first = ledger.object(at: "", keys: ["b", "a", "c"])
        let again = ledger.object(at: "", keys: ["ignored"])
        first.recordRead("a")
        again.recordRead("c")
        again.recordRead("absent")
        #expect(again === first)
        #expect(ledger.firstUnknownField() == "b")
    }

    @Test func theRefusalNamesTheFieldAndWhatTheSubjectHas() {
        let error = FieldLedger(subject: "OpenAccount").unknownField("data.amout", known: ["name", "amount"])
        #expect(error.code == .unknownField)
        #expect(error.field == "data.amout")
        #expect(error.message == "data.amout is not a field of OpenAccount; it has name, amount")
    }
}
