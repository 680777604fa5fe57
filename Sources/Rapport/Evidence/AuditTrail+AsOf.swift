public import RapportCRM
public import RapportLog
public import RapportProjections
public import RapportTime

extension AuditTrail {
    /// The audit trail of one record as of a business time: the events of its stream that occurred by then.
    ///
    /// - Parameters:
    ///   - stream: The record's stream.
    ///   - moment: The business time; events that occurred after it are left out.
    ///   - log: The log.
    ///   - keys: The keys that open personal values.
    /// - Returns: The trail.
    /// - Throws: ``RapportError`` with code `stream_not_found` when no event of the stream occurred by then,
    ///   `unreadable_event` or `log_failure`.
    public static func history(of stream: StreamName, asOf moment: Timestamp, in log: EventLog, keys: PersonalDataKeys)
        throws -> AuditTrail
    {
        try history(of: stream, within: TimeWindow(asOf: moment), in: log, keys: keys).nonEmpty(asOf: moment)
    }

    /// The audit trail of one record within a time window: the events of its stream the window admits.
    ///
    /// - Parameters:
    ///   - stream: The record's stream.
    ///   - window: The bounds on position, record time and business time.
    ///   - log: The log.
    ///   - keys: The keys that open personal values.
    /// - Returns: The trail, empty when the window admits none of the record's events.
    /// - Throws: ``RapportError`` with code `stream_not_found` when the record does not exist, `unreadable_event`
    ///   or `log_failure`.
    public static func history(
        of stream: StreamName,
        within window: TimeWindow,
        in log: EventLog,
        keys: PersonalDataKeys
    ) throws -> AuditTrail {
        var trail = try history(of: stream, in: log, keys: keys)
        trail.keep(within: window)
        return trail
    }

    /// The audit trail of an account as of a business time: what ``history(ofAccount:in:)`` lists, as it stood
    /// then. Only the events that occurred by then, and of the accounts merged into it only those whose merge
    /// occurred by then (with their records): exactly what the account 360 view as of that time folds.
    ///
    /// - Parameters:
    ///   - id: The account's id.
    ///   - moment: The business time.
    ///   - log: The log.
    ///   - keys: The keys that open personal values.
    /// - Returns: The trail.
    /// - Throws: ``RapportError`` with code `stream_not_found` when the account does not exist or had no event
    ///   by then, `unreadable_event` or `log_failure`.
    public static func history(ofAccount id: RecordId, asOf moment: Timestamp, in log: EventLog, keys: PersonalDataKeys)
        throws -> AuditTrail
    {
        try history(ofAccount: id, within: TimeWindow(asOf: moment), in: log, keys: keys).nonEmpty(asOf: moment)
    }

    /// The audit trail of an account within a time window, as it stood at the window's end: the events the window
    /// admits, and of the accounts merged into it only those whose merge the window admits (with their records),
    /// so that it lists what the account 360 view over the same window folds.
    ///
    /// - Parameters:
    ///   - id: The account's id.
    ///   - window: The bounds on position, record time and business time.
    ///   - log: The log.
    ///   - keys: The keys that open personal values.
    /// - Returns: The trail, empty when the window admits none of its events.
    /// - Throws: ``RapportError`` with code `stream_not_found` when the account does not exist, `unreadable_event`
    ///   or `log_failure`.
    public static func history(
        ofAccount id: RecordId,
        within window: TimeWindow,
        in log: EventLog,
        keys: PersonalDataKeys
    ) throws -> AuditTrail {
        var trail = try history(ofAccount: id, in: log, keys: keys)
        trail.keep(within: window)
        let family = trail.mergedFamily(of: StreamName(.account, id).description)
        var accountOf: [String: String] = [:]
        trail.entries = trail.entries.filter { entry in
            if entry.stream.hasPrefix(RecordKind.account.streamPrefix) { return family.contains(entry.stream) }
            let move = entry.changes.first { $0.field == "accountId" }
            let before = move.map { $0.old?.cellText ?? "" } ?? accountOf[entry.stream]
            let after = move.map { $0.new?.cellText ?? "" } ?? accountOf[entry.stream]
            accountOf[entry.stream] = after
            let streams = [before, after].compactMap { $0 }.map { RecordKind.account.streamPrefix + $0 }
            return streams.contains(where: family.contains)
        }
        return trail
    }

    /// Leaves out the entries the window does not admit.
    private mutating func keep(within window: TimeWindow) {
        entries.removeAll {
            !window.includes(position: $0.position, recordedAt: $0.recordedAt, occurredAt: $0.occurredAt)
        }
    }

    /// The streams of an account and of the accounts merged into it by the trail's events, directly or through
    /// another merge.
    private func mergedFamily(of account: String) -> Set<String> {
        var family: Set<String> = [account]
        var pending = [account]
        while let next = pending.popLast() {
            for entry in entries where entry.stream == next && entry.type == AccountMergedIn.eventType {
                guard let merged = entry.changes.first(where: { $0.field == "mergedAccountId" })?.new?.cellText
                else { continue }
                let stream = RecordKind.account.streamPrefix + merged
                if family.insert(stream).inserted { pending.append(stream) }
            }
        }
        return family
    }

    private func nonEmpty(asOf moment: Timestamp) throws -> AuditTrail {
        guard !entries.isEmpty else {
            throw RapportError(.streamNotFound, "\(subject) has no event that occurred by \(moment)")
        }
        return self
    }
}
