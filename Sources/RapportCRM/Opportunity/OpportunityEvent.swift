/// The events of an opportunity's stream.
public enum OpportunityEvent: Sendable, Hashable {
    case opened(OpportunityOpened)
    case transferred(OpportunityTransferred)

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .opened(let event): event
        case .transferred(let event): event
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(OpportunityOpened.self) { .opportunity(.opened($0)) },
        .init(OpportunityTransferred.self) { .opportunity(.transferred($0)) },
    ]
}
