import RapportCRM
import RapportLog
import RapportProjections

/// The kinds of record whose events a selection of read models folds, to tell from a record's stream name,
/// without decoding it, whether any selected model needs its event.
struct FoldedKinds: Sendable {
    /// One bit a kind folded, by its ``RapportCRM/RecordKind/number``: a set read without retaining anything.
    private let kinds: UInt8
    /// Whether every kind is folded: then every event is, and no stream name needs reading.
    private let foldsEveryKind: Bool

    /// The kinds the selected models fold (see ``RapportProjections/ReadModel/recordKinds``).
    init(_ selection: ReadModels.Selection) {
        let folded = RecordKind.allCases.filter(selection.folds)
        kinds = folded.reduce(0) { $0 | 1 << $1.number }
        foldsEveryKind = folded.count == RecordKind.allCases.count
    }

    /// Whether a selected model folds the record's event. A stream of no known kind counts, so that its event is
    /// decoded and refused as the log's other readers refuse it.
    func include(_ view: RecordView) -> Bool {
        foldsEveryKind || (RecordKind(streamName: view.streamIdBytes).map { kinds >> $0.number & 1 == 1 } ?? true)
    }
}
