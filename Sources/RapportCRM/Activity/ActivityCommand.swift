/// The commands about an activity or task.
public enum ActivityCommand: Sendable, Hashable {
    case log(LogActivity)
    case createTask(CreateTask)
    case completeTask(CompleteTask)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .log(let command): command
        case .createTask(let command): command
        case .completeTask(let command): command
        }
    }

    static let payloadTypes: [any CommandPayload.Type] = [LogActivity.self, CreateTask.self, CompleteTask.self]
}
