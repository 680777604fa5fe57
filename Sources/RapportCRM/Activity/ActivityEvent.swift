/// The events of an activity's stream.
public enum ActivityEvent: EventCases, Hashable {
    case transferred(ActivityTransferred)
    case logged(ActivityLogged)
    case taskCreated(TaskCreated)
    case taskCompleted(TaskCompleted)

    /// Hands the event's payload to a visitor as its own type.
    ///
    /// - Parameter visitor: The visitor.
    /// - Returns: What the visitor gives.
    public func accept<Visitor: EventPayloadVisitor>(_ visitor: inout Visitor) -> Visitor.Result {
        switch self {
        case .transferred(let event): visitor.visit(event)
        case .logged(let event): visitor.visit(event)
        case .taskCreated(let event): visitor.visit(event)
        case .taskCompleted(let event): visitor.visit(event)
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(ActivityTransferred.self) { .activity(.transferred($0)) },
        .init(ActivityLogged.self) { .activity(.logged($0)) },
        .init(TaskCreated.self) { .activity(.taskCreated($0)) },
        .init(TaskCompleted.self) { .activity(.taskCompleted($0)) },
    ]
}
