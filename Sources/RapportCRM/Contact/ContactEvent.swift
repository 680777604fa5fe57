/// The events of a contact's stream.
public enum ContactEvent: EventCases, Hashable {
    case added(ContactAdded)
    case updated(ContactUpdated)
    case moved(ContactMoved)
    case forgotten(ContactForgotten)

    /// Hands the event's payload to a visitor as its own type.
    ///
    /// - Parameter visitor: The visitor.
    /// - Returns: What the visitor gives.
    public func accept<Visitor: EventPayloadVisitor>(_ visitor: inout Visitor) -> Visitor.Result {
        switch self {
        case .added(let event): visitor.visit(event)
        case .updated(let event): visitor.visit(event)
        case .moved(let event): visitor.visit(event)
        case .forgotten(let event): visitor.visit(event)
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(ContactAdded.self) { .contact(.added($0)) },
        .init(ContactUpdated.self) { .contact(.updated($0)) },
        .init(ContactMoved.self) { .contact(.moved($0)) },
        .init(ContactForgotten.self) { .contact(.forgotten($0)) },
    ]
}
