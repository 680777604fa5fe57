import RapportLog
import RapportProjections
import RapportTime

/// What a fold (or any reader of events in order) needs of one log batch, taken on a reading thread (see
/// ``RapportLog/EventLog/scan(from:preparing:_:)``): something of each record whose event it wants (the event
/// decoded, or the record's mark to decode it later), and what a fold's progress must note of the batch's other
/// records.
struct FoldBatch<Element: Sendable>: Sendable {
    /// What was taken of each record to fold, in log order.
    var elements: [Element] = []
    /// The last record read, folded or not, and the latest business time of the records read inside the time
    /// window, taken or not: what the fold's progress notes once the batch is folded.
    var last: (position: UInt64, recordedAt: Timestamp, latestIncluded: Timestamp?)?
    /// Whether the window or the end ends in this batch: nothing after it is read.
    var endsWindow = false

    /// Takes something of each record of a batch that `window` includes and a model of `foldedKinds` folds.
    ///
    /// - Parameters:
    ///   - records: The batch's records.
    ///   - window: The events wanted.
    ///   - end: The position where reading stops.
    ///   - foldedKinds: The kinds of record whose events are taken; the others are only noted.
    ///   - take: What to keep of a record to fold, or `nil` to pass over it.
    /// - Returns: The batch.
    /// - Throws: The log's `corrupt_data`, or what `take` throws.
    static func reading(
        _ records: BatchRecords,
        in window: TimeWindow = .live,
        upTo end: UInt64 = .max,
        kinds foldedKinds: FoldedKinds,
        taking take: (RecordView) throws -> Element?
    ) throws -> FoldBatch {
        var batch = FoldBatch()
        var latestIncluded: Timestamp?
        _ = try records.forEach { view in
            let (position, recordedAt, occurredAt) = (view.position, view.recordedAt, view.occurredAt)
            if position >= end || window.endsBefore(position: position, recordedAt: recordedAt) {
                batch.endsWindow = true
                return false
            }
            if window.includes(position: position, recordedAt: recordedAt, occurredAt: occurredAt) {
                if foldedKinds.include(view), let element = try take(view) { batch.elements.append(element) }
                latestIncluded = max(latestIncluded ?? occurredAt, occurredAt)
            }
            batch.last = (position, recordedAt, latestIncluded)
            return true
        }
        return batch
    }
}
