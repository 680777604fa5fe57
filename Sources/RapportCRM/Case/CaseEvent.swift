/// The events of a case's stream.
public enum CaseEvent: Sendable, Hashable {
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

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .opened(let event): event
        case .assigned(let event): event
        case .responseRecorded(let event): event
        case .priorityChanged(let event): event
        case .escalated(let event): event
        case .putOnHold(let event): event
        case .resumed(let event): event
        case .resolved(let event): event
        case .closed(let event): event
        case .reopened(let event): event
        case .transferred(let event): event
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
