/// The events of an activity's stream.
public enum ActivityEvent: Sendable, Hashable {
    case transferred(ActivityTransferred)

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .transferred(let event): event
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(ActivityTransferred.self) { .activity(.transferred($0)) }
    ]
}
