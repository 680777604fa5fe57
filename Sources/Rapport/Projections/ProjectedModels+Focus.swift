import RapportCRM
import RapportLog
import RapportProjections

extension ProjectedModels {
    /// Folds the next event of the log into models whose account 360 view is focused on some accounts (see
    /// ``RapportProjections/AccountsModel/focused(on:)``): the event is decoded only when it may concern them,
    /// and its personal values opened only when it is folded.
    ///
    /// A method of the models rather than code of the caller's loop, so that the view is asked in place: read
    /// through a variable a loop's closure captures, it was copied for every event.
    ///
    /// - Parameters:
    ///   - view: The record at ``FoldProgress/position``, inside the time window.
    ///   - focus: The accounts the view is focused on.
    ///   - keys: The keys that open personal values.
    ///   - selection: The read models to fold into.
    /// - Returns: The account a record moved onto a focused one comes from, when the event is out of focus:
    ///   nothing is folded, and only a view that also holds that account, or the whole view, can answer it;
    ///   `nil` once the event is folded or passed over.
    /// - Throws: ``RapportError`` `unreadable_event` or `key_store_failure`.
    mutating func foldFocused(
        _ view: RecordView,
        on focus: Set<RecordId>,
        keys: PersonalDataKeys,
        only selection: ReadModels.Selection
    ) throws -> RecordId? {
        if let (admission, event) = try admission(of: view, focusedOn: focus) {
            switch admission {
            case .fold:
                fold(try EventReading.opened(event, keys: keys), only: selection)
                return nil
            case .outOfFocus(let source):
                return source
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
        return nil
    }

    /// The account a record comes from when the next event moves it onto a focused account and the view does not
    /// hold it, folding nothing: for a fold already out of focus, which goes on only to find every account a
    /// wider focus needs.
    ///
    /// - Parameters:
    ///   - view: The record, inside the time window.
    ///   - focus: The accounts the view is focused on.
    /// - Returns: The account, or `nil` when the event moves no record onto a focused account.
    /// - Throws: ``RapportError`` `unreadable_event`.
    func sourceOutOfFocus(_ view: RecordView, on focus: Set<RecordId>) throws -> RecordId? {
        guard case .outOfFocus(let source) = try admission(of: view, focusedOn: focus)?.admission else { return nil }
        return source
    }

    /// What the focused view does with a record's event, and the event with its personal values still sealed;
    /// `nil`, without decoding it, when the event cannot concern the view.
    private func admission(
        of view: RecordView,
        focusedOn focus: Set<RecordId>
    ) throws -> (admission: AccountsModel.FocusAdmission, event: RecordedEvent)? {
        guard
            models.accounts.mayConcernFocus(
                streamName: view.streamIdBytes,
                type: view.typeBytes,
                payload: view.payloadBytes,
                focusedOn: focus
            )
        else { return nil }
        let event = try EventReading.sealedEvent(in: view)
        return (models.accounts.admission(of: event, focusedOn: focus), event)
    }
}
