import RapportCRM
import RapportLog
import RapportProjections

extension ProjectedModels {
    /// Folds the next event of the log into models whose account 360 view is focused on one account (see
    /// ``RapportProjections/AccountsModel/focused(on:)``): the event is decoded only when it may concern that
    /// account, and its personal values opened only when it is folded.
    ///
    /// A method of the models rather than code of the caller's loop, so that the view is asked in place: read
    /// through a variable a loop's closure captures, it was copied for every event.
    ///
    /// - Parameters:
    ///   - view: The record at ``FoldProgress/position``, inside the time window.
    ///   - focus: The account the view is focused on.
    ///   - keys: The keys that open personal values.
    ///   - selection: The read models to fold into.
    /// - Returns: `false` when the event is out of focus: nothing is folded, and only the whole view can answer.
    /// - Throws: ``RapportError`` `unreadable_event` or `key_store_failure`.
    mutating func foldFocused(
        _ view: RecordView,
        on focus: RecordId,
        keys: PersonalDataKeys,
        only selection: ReadModels.Selection
    ) throws -> Bool {
        if models.accounts.mayConcernFocus(
            streamName: view.streamIdBytes,
            type: view.typeBytes,
            payload: view.payloadBytes,
            focusedOn: focus
        ) {
            let event = try EventReading.sealedEvent(in: view)
            switch models.accounts.admission(of: event, focusedOn: focus) {
            case .fold:
                fold(try EventReading.opened(event, keys: keys), only: selection)
                return true
            case .outOfFocus:
                return false
            case .pass:
                break
            }
        }
        progress.advance(
            position: view.position,
            recordedAt: view.recordedAt,
            occurredAt: view.occurredAt,
            folded: true
        )
        return true
    }
}
