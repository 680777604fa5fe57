/// The commands about a case.
public enum CaseCommand: Sendable, Hashable {
    case open(OpenCase)
    case assign(AssignCase)
    case recordResponse(RecordCaseResponse)
    case changePriority(ChangeCasePriority)
    case escalate(EscalateCase)
    case putOnHold(PutCaseOnHold)
    case resume(ResumeCase)
    case resolve(ResolveCase)
    case close(CloseCase)
    case reopen(ReopenCase)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .open(let command): command
        case .assign(let command): command
        case .recordResponse(let command): command
        case .changePriority(let command): command
        case .escalate(let command): command
        case .putOnHold(let command): command
        case .resume(let command): command
        case .resolve(let command): command
        case .close(let command): command
        case .reopen(let command): command
        }
    }

    static let payloadTypes: [any CommandPayload.Type] = [
        OpenCase.self, AssignCase.self, RecordCaseResponse.self, ChangeCasePriority.self, EscalateCase.self,
        PutCaseOnHold.self, ResumeCase.self, ResolveCase.self, CloseCase.self, ReopenCase.self,
    ]
}
