/// The events of an activity's stream.
public enum ActivityEvent: Sendable, Hashable {
    case transferred(ActivityTransferred)
    case logged(ActivityLogged)
    case taskCreated(TaskCreated)
    case taskCompleted(TaskCompleted)

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .transferred(let event): event
        case .logged(let event): event
        case .taskCreated(let event): event
        case .taskCompleted(let event): event
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(ActivityTransferred.self) { .activity(.transferred($0)) },
        .init(ActivityLogged.self) { .activity(.logged($0)) },
        .init(TaskCreated.self) { .activity(.taskCreated($0)) },
        .init(TaskCompleted.self) { .activity(.taskCompleted($0)) },
    ]
}
