/// The events of a case's stream.
public enum CaseEvent: EventCases, Hashable {
    case opened(CaseOpened)
    case assigned(CaseAssigned)
    case responseRecorded(CaseResponseRecorded)
    case priorityChanged(CasePriorityChanged)
    case escalated(CaseEscalated)
    case putOnHold(CasePutOnHold)
    case resumed(CaseResumed)
    case resolved(CaseResolved)
    case closed(CaseClosed)
    case reopened(CaseReopened)
    case transferred(CaseTransferred)

    /// Hands the event's payload to a visitor as its own type.
    ///
    /// - Parameter visitor: The visitor.
    /// - Returns: What the visitor gives.
    public func accept<Visitor: EventPayloadVisitor>(_ visitor: inout Visitor) -> Visitor.Result {
        switch self {
        case .opened(let event): visitor.visit(event)
        case .assigned(let event): visitor.visit(event)
        case .responseRecorded(let event): visitor.visit(event)
        case .priorityChanged(let event): visitor.visit(event)
        case .escalated(let event): visitor.visit(event)
        case .putOnHold(let event): visitor.visit(event)
        case .resumed(let event): visitor.visit(event)
        case .resolved(let event): visitor.visit(event)
        case .closed(let event): visitor.visit(event)
        case .reopened(let event): visitor.visit(event)
        case .transferred(let event): visitor.visit(event)
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(CaseOpened.self) { .`case`(.opened($0)) },
        .init(CaseAssigned.self) { .`case`(.assigned($0)) },
        .init(CaseResponseRecorded.self) { .`case`(.responseRecorded($0)) },
        .init(CasePriorityChanged.self) { .`case`(.priorityChanged($0)) },
        .init(CaseEscalated.self) { .`case`(.escalated($0)) },
        .init(CasePutOnHold.self) { .`case`(.putOnHold($0)) },
        .init(CaseResumed.self) { .`case`(.resumed($0)) },
        .init(CaseResolved.self) { .`case`(.resolved($0)) },
        .init(CaseClosed.self) { .`case`(.closed($0)) },
        .init(CaseReopened.self) { .`case`(.reopened($0)) },
        .init(CaseTransferred.self) { .`case`(.transferred($0)) },
    ]
}
