extension DecisionState {
    /// Validates a command against the current state and decides the events it causes.
    ///
    /// The state is not changed: the caller appends the events and then folds them with ``apply(_:)``.
    ///
    /// - Parameters:
    ///   - command: The command.
    ///   - expectedVersion: The version the caller expects the command's record to have, if it said.
    ///   - context: When, by whom, under which configuration.
    /// - Returns: The events, at least one.
    /// - Throws: ``DomainError`` naming the rule broken (`version_conflict` when `expectedVersion` is not the
    ///   record's version); nothing is decided then.
    public func decide(
        _ command: CRMCommand,
        expectedVersion: UInt64? = nil,
        in context: DecisionContext
    ) throws -> [NewEvent] {
        if let expectedVersion {
            let current = version(of: command.target)
            guard current == expectedVersion else {
                throw DomainError(
                    .versionConflict,
                    field: "expectedVersion",
                    "expectedVersion is \(expectedVersion) but \(command.target) is at version \(current)",
                    currentVersion: current
                )
            }
        }
        switch command {
        case .account(let command): return try decide(command, in: context)
        case .contact(let command): return try decide(command, in: context)
        case .lead(let command): return try decide(command, in: context)
        case .opportunity(let command): return try decide(command, in: context)
        case .case(let command): return try decide(command, in: context)
        case .activity(let command): return try decide(command, in: context)
        case .campaign(let command): return try decide(command, in: context)
        }
    }
}
