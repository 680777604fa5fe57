import RapportCRM
import RapportTime

extension AccountsModel {
    /// Folds an activity's or task's event into the timeline of the account it belongs to, as the event records
    /// it (directly, or through the related contact, opportunity or case).
    mutating func applyActivity(_ event: ActivityEvent, to id: RecordId, at: Timestamp) {
        switch event {
        case .logged(let logged):
            guard let accountId = logged.accountId else { return }
            place(ActivityRecord(id, logged, at: at, texts: &texts), in: accountId)
        case .taskCreated(let created):
            guard let accountId = created.accountId else { return }
            place(ActivityRecord(id, created, at: at, texts: &texts), in: accountId)
        case .taskCompleted:
            guard let accountId = openTasks.removeValue(forKey: id) else { return }
            accounts.modifyValue(forKey: accountId) { $0.activities.complete(id, at: at) }
        case .transferred(let transferred):
            let from = transferred.transfer.fromAccountId
            guard let entry = accounts[from]?.activities.remove(id) else { return }
            if entry.isOpenTask { openTasks[id] = nil }
            place(entry, in: transferred.transfer.toAccountId)
        }
    }

    /// Puts an entry on an account's timeline, keeping the index of open tasks in step with what the timeline
    /// keeps and drops.
    private mutating func place(_ entry: ActivityRecord, in accountId: RecordId) {
        var dropped: ActivityRecord?
        guard accounts.modifyValue(forKey: accountId, { dropped = $0.activities.insert(entry) }) else { return }
        if entry.isOpenTask, dropped?.id != entry.id { openTasks[entry.id] = accountId }
        if let dropped, dropped.isOpenTask { openTasks[dropped.id] = nil }
    }
}
