import PropertyBased
import RapportCRM
import Testing

@testable import RapportProjections

/// Read models given room for as many records as other models hold fold a history into what models without it
/// fold, and grow none of their tables for the records those models hold.
struct ReadModelCapacityTests {
    @Test func roomForTheRecordsChangesNoFold() async {
        await propertyCheck(count: 30, input: RecordedHistory.random, Gen<Bool>.bool) { history, all in
            var folded = ReadModels()
            for event in history.events { folded.apply(event) }
            let selection = all ? ReadModels.Selection.all : ReadModels.Selection([AccountsModel.name])
            var roomy = ReadModels()
            roomy.reserveCapacity(like: folded, only: selection)
            #expect(roomy == ReadModels())
            for event in history.events { roomy.apply(event) }
            #expect(roomy == folded)
        }
    }

    @Test func eachTableHasRoomForTheRecordsOfTheModelItIsSizedLike() {
        var folded = ReadModels()
        for event in RecordedHistory.demo(seed: 3, accounts: 40).events { folded.apply(event) }
        var roomy = ReadModels()
        roomy.reserveCapacity(like: folded, only: .all)
        #expect(roomy.accounts.accounts.capacity >= folded.accounts.accounts.count)
        #expect(roomy.accounts.contacts.capacity >= folded.accounts.contacts.count)
        #expect(roomy.accounts.opportunities.capacity >= folded.accounts.opportunities.count)
        #expect(roomy.accounts.cases.capacity >= folded.accounts.cases.count)
        #expect(roomy.pipeline.dealNumbers.capacity >= folded.pipeline.dealNumbers.count)
        #expect(roomy.pipeline.deals.capacity >= folded.pipeline.deals.count)
        #expect(roomy.backlog.caseIndex.capacity >= folded.backlog.caseIndex.count)
        #expect(roomy.backlog.days.capacity >= folded.backlog.days.count)
        #expect(roomy.funnel.leads.capacity >= folded.funnel.leads.count)
        #expect(roomy.funnel.opportunities.capacity >= folded.funnel.opportunities.count)
        #expect(folded.accounts.contacts.count > 40)
    }

    @Test func onlyTheSelectedModelsGetRoom() {
        var folded = ReadModels()
        for event in RecordedHistory.demo(seed: 3, accounts: 40).events { folded.apply(event) }
        var roomy = ReadModels()
        roomy.reserveCapacity(like: folded, only: ReadModels.Selection([AccountsModel.name]))
        #expect(roomy.accounts.contacts.capacity >= folded.accounts.contacts.count)
        #expect(roomy.pipeline.dealNumbers.capacity == 0)
        #expect(roomy.backlog.caseIndex.capacity == 0)
    }
}
