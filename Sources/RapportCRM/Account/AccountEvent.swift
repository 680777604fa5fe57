/// The events of an account's stream.
public enum AccountEvent: Sendable, Hashable {
    case opened(AccountOpened)

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .opened(let event): event
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(AccountOpened.self) { .account(.opened($0)) }
    ]
}
