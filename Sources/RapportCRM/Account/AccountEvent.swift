/// The events of an account's stream.
public enum AccountEvent: Sendable, Hashable {
    case opened(AccountOpened)
    case updated(AccountUpdated)
    case ownerReassigned(AccountOwnerReassigned)
    case deactivated(AccountDeactivated)
    case reactivated(AccountReactivated)
    case merged(AccountMerged)
    case mergedIn(AccountMergedIn)

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .opened(let event): event
        case .updated(let event): event
        case .ownerReassigned(let event): event
        case .deactivated(let event): event
        case .reactivated(let event): event
        case .merged(let event): event
        case .mergedIn(let event): event
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(AccountOpened.self) { .account(.opened($0)) },
        .init(AccountUpdated.self) { .account(.updated($0)) },
        .init(AccountOwnerReassigned.self) { .account(.ownerReassigned($0)) },
        .init(AccountDeactivated.self) { .account(.deactivated($0)) },
        .init(AccountReactivated.self) { .account(.reactivated($0)) },
        .init(AccountMerged.self) { .account(.merged($0)) },
        .init(AccountMergedIn.self) { .account(.mergedIn($0)) },
    ]
}
