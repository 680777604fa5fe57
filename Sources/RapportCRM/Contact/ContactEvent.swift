/// The events of a contact's stream.
public enum ContactEvent: Sendable, Hashable {
    case added(ContactAdded)
    case updated(ContactUpdated)
    case moved(ContactMoved)
    case forgotten(ContactForgotten)

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .added(let event): event
        case .updated(let event): event
        case .moved(let event): event
        case .forgotten(let event): event
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(ContactAdded.self) { .contact(.added($0)) },
        .init(ContactUpdated.self) { .contact(.updated($0)) },
        .init(ContactMoved.self) { .contact(.moved($0)) },
        .init(ContactForgotten.self) { .contact(.forgotten($0)) },
    ]
}
