/// The events of an account's stream.
public enum AccountEvent: EventCases, Hashable {
    case opened(AccountOpened)
    case updated(AccountUpdated)
    case ownerReassigned(AccountOwnerReassigned)
    case deactivated(AccountDeactivated)
    case reactivated(AccountReactivated)
    case merged(AccountMerged)
    case mergedIn(AccountMergedIn)

    /// Hands the event's payload to a visitor as its own type.
    ///
    /// - Parameter visitor: The visitor.
    /// - Returns: What the visitor gives.
    public func accept<Visitor: EventPayloadVisitor>(_ visitor: inout Visitor) -> Visitor.Result {
        switch self {
        case .opened(let event): visitor.visit(event)
        case .updated(let event): visitor.visit(event)
        case .ownerReassigned(let event): visitor.visit(event)
        case .deactivated(let event): visitor.visit(event)
        case .reactivated(let event): visitor.visit(event)
        case .merged(let event): visitor.visit(event)
        case .mergedIn(let event): visitor.visit(event)
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
