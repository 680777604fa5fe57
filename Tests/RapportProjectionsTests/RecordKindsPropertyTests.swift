import PropertyBased
import RapportCRM
import Testing

@testable import RapportProjections

/// Each read model folds only the events of the records its `recordKinds` names: leaving out every other event
/// gives the same model, which is what lets a report of one model pass over those events undecoded.
struct RecordKindsPropertyTests {
    @Test func eachModelIsTheSameWithoutTheEventsOfOtherKinds() async {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            #expect(
                Self.fold(PipelineModel.self, history.events)
                    == Self.fold(PipelineModel.self, history.events, all: true)
            )
            #expect(
                Self.fold(BacklogModel.self, history.events) == Self.fold(BacklogModel.self, history.events, all: true)
            )
            #expect(
                Self.fold(FunnelModel.self, history.events) == Self.fold(FunnelModel.self, history.events, all: true)
            )
            #expect(
                Self.fold(AccountsModel.self, history.events)
                    == Self.fold(AccountsModel.self, history.events, all: true)
            )
        }
    }

    @Test func theDemoHasEventsThatTheSmallerModelsLeaveOut() {
        let kinds = Set(RecordedHistory.demo(seed: 7, accounts: 12).events.map(\.stream.kind))
        for model in [PipelineModel.recordKinds, BacklogModel.recordKinds, FunnelModel.recordKinds] {
            #expect(!kinds.subtracting(model).isEmpty)
        }
        #expect(kinds.isSubset(of: AccountsModel.recordKinds))
    }

    @Test func aSelectionFoldsTheKindsOfTheModelsInIt() {
        for kind in RecordKind.allCases {
            #expect(ReadModels.Selection([PipelineModel.name]).folds(kind) == (kind == .opportunity))
            #expect(ReadModels.Selection([BacklogModel.name]).folds(kind) == (kind == .case))
            #expect(
                ReadModels.Selection([PipelineModel.name, BacklogModel.name]).folds(kind)
                    == (kind == .opportunity || kind == .case)
            )
            #expect(ReadModels.Selection.all.folds(kind))
            #expect(!ReadModels.Selection([]).folds(kind))
        }
    }

    /// A model folded from the events of its kinds, or from all of them.
    private static func fold<Model: ReadModel>(_: Model.Type, _ events: [RecordedEvent], all: Bool = false) -> Model {
        var model = Model()
        for event in events where all || Model.recordKinds.contains(event.stream.kind) {
            model.apply(event)
        }
        return model
    }
}
