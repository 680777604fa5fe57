/// The events of a case's stream.
public enum CaseEvent: Sendable, Hashable {
    case transferred(CaseTransferred)

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .transferred(let event): event
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(CaseTransferred.self) { .`case`(.transferred($0)) }
    ]
}
