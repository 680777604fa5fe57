public import RapportCRM
public import RapportLog

extension AuditTrail {
    /// The audit trail of an account with everything related to it, in log order: the account's own events,
    /// those of the accounts merged into it (and of those merged into them), and those of every contact,
    /// opportunity, case, activity and task while it belonged to one of these accounts, including the event
    /// that moved it in (by a transfer or a merge) or out.
    ///
    /// Each record's changes are found against its whole stream, so a record moved in shows the values it had.
    /// The accounts come from the streams (each merge is an `AccountMergedIn` in the survivor's stream); the
    /// related records from one pass over the log, reading in full only the events that put a record on an
    /// account (`ContactAdded`, `OpportunityOpened`, `CaseOpened`, `ActivityLogged`, `TaskCreated` and the
    /// transfers), then each related record's stream.
    ///
    /// - Parameters:
    ///   - id: The account's id.
    ///   - log: The log, open for reading or writing.
    ///   - keys: The keys that open personal values.
    /// - Returns: The trail, subject `account <id>`.
    /// - Throws: ``RapportError`` with code `stream_not_found` when the account does not exist,
    ///   `unreadable_event` or `log_failure` when the log cannot be read.
    public static func history(ofAccount id: RecordId, in log: EventLog, keys: PersonalDataKeys) throws -> AuditTrail {
        let accounts = try mergedAccounts(into: id, in: log, keys: keys)
        let family = Set(accounts.keys)
        var entries: [AuditEntry] = []
        for events in accounts.values {
            var fields = RecordFields()
            for event in events {
                entries.append(AuditEntry(event, changes: try fields.apply(event)))
            }
        }
        for stream in try streamsJoining(family, in: log, keys: keys) {
            var fields = RecordFields()
            for event in try events(of: stream, in: log, keys: keys) {
                let before = fields.accountId
                let changes = try fields.apply(event)
                if before.map(family.contains) == true || fields.accountId.map(family.contains) == true {
                    entries.append(AuditEntry(event, changes: changes))
                }
            }
        }
        entries.sort { $0.position < $1.position }
        return AuditTrail(subject: "account \(id.text)", entries: entries)
    }

    /// The events of an account and of every account merged into it, directly or through another merge, by
    /// account id.
    private static func mergedAccounts(into id: RecordId, in log: EventLog, keys: PersonalDataKeys) throws -> [String:
        [RecordedEvent]]
    {
        var accounts: [String: [RecordedEvent]] = [:]
        var pending = [id]
        while let next = pending.popLast() {
            guard accounts[next.text] == nil else { continue }
            let events = try events(of: StreamName(.account, next), in: log, keys: keys)
            accounts[next.text] = events
            for event in events {
                if case .account(.mergedIn(let merge)) = event.event {
                    pending.append(merge.mergedAccountId)
                }
            }
        }
        return accounts
    }

    /// The streams of the records that were put on one of the accounts at some point, in one pass over the log.
    private static func streamsJoining(_ accounts: Set<String>, in log: EventLog, keys: PersonalDataKeys) throws -> Set<
        StreamName
    > {
        var streams: Set<StreamName> = []
        // The reading threads find the streams, each in its batches; this one only gathers them.
        try EventReading.scan(log) { [keys] records in
            var joining: [StreamName] = []
            _ = try records.forEach { view in
                if let stream = try streamJoining(accounts, view, keys: keys) { joining.append(stream) }
                return true
            }
            return joining
        } _: { _, joining in
            streams.formUnion(joining)
            return true
        }
        return streams
    }

    /// The stream of a record when its event puts it on one of the accounts.
    private static func streamJoining(
        _ accounts: Set<String>,
        _ view: RecordView,
        keys: PersonalDataKeys
    ) throws -> StreamName? {
        guard joiningTypes.contains(where: { view.typeBytes.elementsEqual($0) }) else { return nil }
        let (_, event) = try EventReading.contents(
            type: view.typeBytes,
            metadata: view.metadataBytes,
            payload: view.payloadBytes,
            position: view.position,
            streamId: view.streamId
        )
        guard let account = event.joinedAccount, accounts.contains(account.text) else { return nil }
        // Read whole (stream name checked) only for the few records that are on one of the accounts.
        return try EventReading.event(in: view, keys: keys).stream
    }

    /// The names of the event types that put a record on an account, as the log stores them.
    private static let joiningTypes: [[UInt8]] = [
        ContactAdded.eventType, ContactMoved.eventType, OpportunityOpened.eventType, OpportunityTransferred.eventType,
        CaseOpened.eventType, CaseTransferred.eventType, ActivityLogged.eventType, TaskCreated.eventType,
        ActivityTransferred.eventType,
    ].map { Array($0.utf8) }
}

extension CRMEvent {
    /// The account the event puts its record on: the one it is opened on or moved to.
    fileprivate var joinedAccount: RecordId? {
        switch self {
        case .contact(.added(let added)): added.accountId
        case .contact(.moved(let moved)): moved.transfer.toAccountId
        case .opportunity(.opened(let opened)): opened.accountId
        case .opportunity(.transferred(let transferred)): transferred.transfer.toAccountId
        case .case(.opened(let opened)): opened.accountId
        case .case(.transferred(let transferred)): transferred.transfer.toAccountId
        case .activity(.logged(let logged)): logged.accountId
        case .activity(.taskCreated(let created)): created.accountId
        case .activity(.transferred(let transferred)): transferred.transfer.toAccountId
        default: nil
        }
    }
}
