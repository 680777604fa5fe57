public import RapportCRM

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AccountsModel {
    /// What a view focused on one account (``focused(on:)``) does with the next event of the log.
    public enum FocusAdmission: Sendable, Hashable {
        /// Fold it: it changes a record the focused view holds, or puts a new one on the account.
        case fold
        /// Pass over it: it cannot change the account's report.
        case pass
        /// The event moves onto a focused account a record the view does not hold (a transfer, or a merge, of
        /// another account's contact, opportunity, case or activity): a view that also holds the account it comes
        /// from, named here, can fold it, or the whole view.
        case outOfFocus(from: RecordId)
    }

    /// The part of the view that some accounts' reports read: those accounts whole; every other account's
    /// ``AccountRecord/profile`` (its name and status, for the parent, children and merged duplicates a report
    /// names, whenever they join); the focused accounts' contacts, opportunities and cases; the campaigns and the
    /// text pool.
    ///
    /// Folding on from it only the events ``admission(of:focusedOn:)`` says to fold gives each focused account the
    /// same report as folding every event into the whole view, until an event is out of focus. An account the
    /// view does not have yet is focused from its opening, folded like any other.
    ///
    /// - Parameter ids: The accounts; usually one, and those whose records a merge or transfer moved onto it.
    /// - Returns: The focused view.
    public func focused(on ids: Set<RecordId>) -> AccountsModel {
        var focused = AccountsModel()
        focused.texts = texts
        focused.campaigns = campaigns
        focused.accounts = accounts.mapValues(\.profile)
        for id in ids {
            guard let account = accounts[id] else { continue }
            focused.accounts[id] = account
            for contactId in account.contactIds { focused.contacts[contactId] = contacts[contactId] }
            for opportunityId in account.opportunityIds {
                focused.opportunities[opportunityId] = opportunities[opportunityId]
            }
            for caseId in account.caseIds { focused.cases[caseId] = cases[caseId] }
        }
        focused.openTasks = openTasks.filter { ids.contains($0.value) }
        return focused
    }

    /// Whether an event, known only by its stream, type and undecoded payload, may matter to a focused view, so
    /// that it is worth decoding for ``admission(of:focusedOn:)``: an event of a record the view holds, of a
    /// campaign, of an account, or of a type that can put another record on the account, whose payload then names
    /// it. The others are passed over unread.
    ///
    /// An event that puts a record the view does not hold on a focused account names the account in its payload,
    /// whose texts are stored as their UTF-8 bytes: a payload without a focused account id's bytes anywhere
    /// cannot do so, and most of the log's events (other accounts' activities) are passed over with a search of
    /// their bytes instead of being decoded.
    ///
    /// - Parameters:
    ///   - streamName: The event's stream name, as the log stores it.
    ///   - type: The event's type name, as the log stores it.
    ///   - payload: The event's payload, as the log stores it.
    ///   - focus: The accounts the view is focused on.
    /// - Returns: `false` only when the event cannot matter; `true` for a stream of no known kind, so that it is
    ///   read and refused like anywhere else.
    public func mayConcernFocus(
        streamName: UnsafeRawBufferPointer,
        type: UnsafeRawBufferPointer,
        payload: UnsafeRawBufferPointer,
        focusedOn focus: Set<RecordId>
    ) -> Bool {
        guard let kind = RecordKind(streamName: streamName) else { return true }
        if kind == .campaign { return true }
        let linking = Self.linkingTypes.includes(type, of: kind)
        if linking && kind == .account { return true }
        let idBytes = UnsafeRawBufferPointer(rebasing: streamName[kind.streamPrefixLength...])
        let id = RecordId(unchecked: String(decoding: idBytes, as: UTF8.self))
        let held =
            switch kind {
            case .account: accounts.index(forKey: id) != nil
            case .contact: contacts.index(forKey: id) != nil
            case .opportunity: opportunities.index(forKey: id) != nil
            case .case: cases.index(forKey: id) != nil
            case .activity: openTasks.index(forKey: id) != nil
            case .lead, .campaign: false
            }
        return held || (linking && focus.contains { Self.bytes(of: $0, appearIn: payload) })
    }

    /// Whether an id's UTF-8 bytes appear anywhere in a payload: each place that holds the id's first byte
    /// (found with `memchr`) compared with `memcmp`, since the C library's substring search is not portable.
    private static func bytes(of id: RecordId, appearIn payload: UnsafeRawBufferPointer) -> Bool {
        var text = id.text
        return text.withUTF8 { needle in
            guard let needleStart = needle.baseAddress, var rest = payload.baseAddress else { return false }
            let end = rest + payload.count
            let first = Int32(needle[0])
            while end - rest >= needle.count {
                guard let found = memchr(rest, first, end - rest - needle.count + 1) else { return false }
                if memcmp(found, needleStart, needle.count) == 0 { return true }
                rest = UnsafeRawPointer(found) + 1
            }
            return false
        }
    }

    /// The event types that can put a record on an account, or an account under a parent.
    private static let linkingTypes = LinkingTypes([
        (.account, AccountOpened.eventType), (.account, AccountUpdated.eventType),
        (.contact, ContactAdded.eventType), (.contact, ContactMoved.eventType),
        (.opportunity, OpportunityOpened.eventType), (.opportunity, OpportunityTransferred.eventType),
        (.case, CaseOpened.eventType), (.case, CaseTransferred.eventType),
        (.activity, ActivityLogged.eventType), (.activity, TaskCreated.eventType),
        (.activity, ActivityTransferred.eventType), (.lead, LeadConverted.eventType),
    ])

    /// Some event types, told from a type name's bytes as the log stores them: for each type, by its number
    /// (``RapportCRM/CRMEvent/typeNumber(named:)``), whether it is one of them, and for each kind of record the
    /// lengths of its types that are, one bit a length, so that most types are told apart by their length alone.
    /// Plain values, which a check reads without retaining anything.
    private struct LinkingTypes {
        private var flags: [Bool]
        private var lengths: [UInt64]

        init(_ types: [(RecordKind, String)]) {
            flags = [Bool](repeating: false, count: CRMEvent.typeCount)
            lengths = [UInt64](repeating: 0, count: RecordKind.allCases.count)
            for (kind, name) in types {
                guard let number = CRMEvent.typeNumber(of: name) else {
                    preconditionFailure("\(name) is an event type")
                }
                flags[number] = true
                lengths[kind.number] |= 1 << min(name.utf8.count, 63)
            }
        }

        /// Whether an event of a record of this kind, its type named by these bytes, is of one of the types.
        func includes(_ type: UnsafeRawBufferPointer, of kind: RecordKind) -> Bool {
            guard lengths[kind.number] >> min(type.count, 63) & 1 == 1 else { return false }
            return CRMEvent.typeNumber(named: type).map { flags[$0] } ?? false
        }
    }

    /// What a view focused on some accounts (``focused(on:)``, folded on this way) does with the next event.
    ///
    /// - Parameters:
    ///   - event: The event, in log order; its personal values may still be sealed.
    ///   - focus: The accounts the view is focused on.
    /// - Returns: ``FocusAdmission/fold`` for an event of a record the view holds or one that puts a new record on
    ///   a focused account, ``FocusAdmission/outOfFocus(from:)`` for one that moves onto it a record the view does
    ///   not hold, else ``FocusAdmission/pass``.
    public func admission(of event: RecordedEvent, focusedOn focus: Set<RecordId>) -> FocusAdmission {
        let id = event.stream.id
        func onto(_ account: RecordId?) -> FocusAdmission { account.map(focus.contains) == true ? .fold : .pass }
        func moving(_ transfer: AccountTransfer) -> FocusAdmission {
            focus.contains(transfer.toAccountId) ? .outOfFocus(from: transfer.fromAccountId) : .pass
        }
        switch event.event {
        case .account(let change): return accountAdmission(of: change, to: id)
        case .contact(.added(let added)) where contacts.index(forKey: id) == nil: return onto(added.accountId)
        case .contact(.moved(let moved)) where contacts.index(forKey: id) == nil: return moving(moved.transfer)
        case .contact: return contacts.index(forKey: id) != nil ? .fold : .pass
        case .opportunity(.opened(let opened)) where opportunities.index(forKey: id) == nil:
            return onto(opened.accountId)
        case .opportunity(.transferred(let moved)) where opportunities.index(forKey: id) == nil:
            return moving(moved.transfer)
        case .opportunity: return opportunities.index(forKey: id) != nil ? .fold : .pass
        case .case(.opened(let opened)) where cases.index(forKey: id) == nil: return onto(opened.accountId)
        case .case(.transferred(let moved)) where cases.index(forKey: id) == nil: return moving(moved.transfer)
        case .case: return cases.index(forKey: id) != nil ? .fold : .pass
        case .activity(.logged(let logged)): return onto(logged.accountId)
        case .activity(.taskCreated(let created)): return onto(created.accountId)
        case .activity(.taskCompleted): return onto(openTasks[id])
        case .activity(.transferred(let moved)):
            return focus.contains(moved.transfer.fromAccountId) ? .fold : moving(moved.transfer)
        case .lead(.converted(let converted)): return onto(converted.accountId)
        case .lead: return .pass
        case .campaign: return .fold
        }
    }

    /// The admission of an account's event: the focused view holds every account, the account whole and the
    /// others' profiles, so it folds every account's event, a new account's opening included.
    private func accountAdmission(of change: AccountEvent, to id: RecordId) -> FocusAdmission {
        guard accounts.index(forKey: id) == nil else { return .fold }
        if case .opened = change { return .fold }
        return .pass
    }
}
