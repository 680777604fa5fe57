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
        /// The event moves onto the account a record the focused view does not hold (a transfer, or a merge, of
        /// another account's contact, opportunity, case or activity): only the whole view can fold it, so the
        /// report must come from the whole view.
        case outOfFocus
    }

    /// The part of the view one account's report reads: the account whole; every other account's ``AccountRecord/profile``
    /// (its name and status, for the parent, children and merged duplicates the report names, whenever they join);
    /// the account's contacts, opportunities and cases; the campaigns and the text pool.
    ///
    /// Folding on from it only the events ``admission(of:focusedOn:)`` says to fold gives the account the same
    /// report as folding every event into the whole view, until an event is out of focus. When the view has no
    /// such account, its opening is folded like any other.
    ///
    /// - Parameter id: The account.
    /// - Returns: The focused view.
    public func focused(on id: RecordId) -> AccountsModel {
        var focused = AccountsModel()
        focused.texts = texts
        focused.campaigns = campaigns
        focused.accounts = accounts.mapValues(\.profile)
        guard let account = accounts[id] else { return focused }
        focused.accounts[id] = account
        for contactId in account.contactIds { focused.contacts[contactId] = contacts[contactId] }
        for opportunityId in account.opportunityIds {
            focused.opportunities[opportunityId] = opportunities[opportunityId]
        }
        for caseId in account.caseIds { focused.cases[caseId] = cases[caseId] }
        focused.openTasks = openTasks.filter { $0.value == id }
        return focused
    }

    /// Whether an event, known only by its stream, type and undecoded payload, may matter to a focused view, so
    /// that it is worth decoding for ``admission(of:focusedOn:)``: an event of a record the view holds, of a
    /// campaign, of an account, or of a type that can put another record on the account, whose payload then names
    /// it. The others are passed over unread.
    ///
    /// An event that puts a record the view does not hold on the account (or takes a task off it) names the
    /// account in its payload, whose texts are stored as their UTF-8 bytes: a payload without the account id's
    /// bytes anywhere cannot do so, and most of the log's events (other accounts' activities) are passed over
    /// with one search of their bytes instead of being decoded.
    ///
    /// - Parameters:
    ///   - streamName: The event's stream name, as the log stores it.
    ///   - type: The event's type name, as the log stores it.
    ///   - payload: The event's payload, as the log stores it.
    ///   - focus: The account the view is focused on.
    /// - Returns: `false` only when the event cannot matter; `true` for a stream of no known kind, so that it is
    ///   read and refused like anywhere else.
    public func mayConcernFocus(
        streamName: UnsafeRawBufferPointer,
        type: UnsafeRawBufferPointer,
        payload: UnsafeRawBufferPointer,
        focusedOn focus: RecordId
    ) -> Bool {
        guard let kind = RecordKind(streamName: streamName) else { return true }
        if kind == .campaign { return true }
        let linking = Self.linkingTypes(of: kind).contains(where: { type.elementsEqual($0) })
        if linking && kind == .account { return true }
        let idBytes = UnsafeRawBufferPointer(rebasing: streamName[kind.streamPrefix.utf8.count...])
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
        return held || (linking && Self.bytes(of: focus, appearIn: payload))
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

    /// The types of a kind of record whose events can put a record on an account, or an account under a parent,
    /// as the log stores their names.
    private static func linkingTypes(of kind: RecordKind) -> [[UInt8]] {
        switch kind {
        case .account: accountLinkingTypes
        case .contact: contactLinkingTypes
        case .opportunity: opportunityLinkingTypes
        case .case: caseLinkingTypes
        case .activity: activityLinkingTypes
        case .lead: leadLinkingTypes
        case .campaign: []
        }
    }

    private static let accountLinkingTypes = names(AccountOpened.eventType, AccountUpdated.eventType)
    private static let contactLinkingTypes = names(ContactAdded.eventType, ContactMoved.eventType)
    private static let opportunityLinkingTypes = names(OpportunityOpened.eventType, OpportunityTransferred.eventType)
    private static let caseLinkingTypes = names(CaseOpened.eventType, CaseTransferred.eventType)
    private static let activityLinkingTypes = names(
        ActivityLogged.eventType,
        TaskCreated.eventType,
        ActivityTransferred.eventType
    )
    private static let leadLinkingTypes = names(LeadConverted.eventType)

    private static func names(_ types: String...) -> [[UInt8]] { types.map { Array($0.utf8) } }

    /// What a view focused on an account (``focused(on:)``, folded on this way) does with the next event.
    ///
    /// - Parameters:
    ///   - event: The event, in log order; its personal values may still be sealed.
    ///   - focus: The account the view is focused on.
    /// - Returns: ``FocusAdmission/fold`` for an event of a record the view holds or one that puts a new record on
    ///   the account, ``FocusAdmission/outOfFocus`` for one that moves onto it a record the view does not hold,
    ///   else ``FocusAdmission/pass``.
    public func admission(of event: RecordedEvent, focusedOn focus: RecordId) -> FocusAdmission {
        let id = event.stream.id
        switch event.event {
        case .account(let change): return accountAdmission(of: change, to: id)
        case .contact(.added(let added)) where contacts.index(forKey: id) == nil:
            return added.accountId == focus ? .fold : .pass
        case .contact(.moved(let moved)) where contacts.index(forKey: id) == nil:
            return moved.transfer.toAccountId == focus ? .outOfFocus : .pass
        case .contact: return contacts.index(forKey: id) != nil ? .fold : .pass
        case .opportunity(.opened(let opened)) where opportunities.index(forKey: id) == nil:
            return opened.accountId == focus ? .fold : .pass
        case .opportunity(.transferred(let moved)) where opportunities.index(forKey: id) == nil:
            return moved.transfer.toAccountId == focus ? .outOfFocus : .pass
        case .opportunity: return opportunities.index(forKey: id) != nil ? .fold : .pass
        case .case(.opened(let opened)) where cases.index(forKey: id) == nil:
            return opened.accountId == focus ? .fold : .pass
        case .case(.transferred(let moved)) where cases.index(forKey: id) == nil:
            return moved.transfer.toAccountId == focus ? .outOfFocus : .pass
        case .case: return cases.index(forKey: id) != nil ? .fold : .pass
        case .activity(.logged(let logged)): return logged.accountId == focus ? .fold : .pass
        case .activity(.taskCreated(let created)): return created.accountId == focus ? .fold : .pass
        case .activity(.taskCompleted): return openTasks[id] == focus ? .fold : .pass
        case .activity(.transferred(let moved)):
            if moved.transfer.fromAccountId == focus { return .fold }
            return moved.transfer.toAccountId == focus ? .outOfFocus : .pass
        case .lead(.converted(let converted)): return converted.accountId == focus ? .fold : .pass
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
