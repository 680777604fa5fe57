import RapportCRM
import RapportTime
import Testing

/// A domain under test: a decision state that commands are run against, the way the engine runs them, without a
/// log.
struct Decisions {
    private(set) var state = DecisionState()
    var configuration = CRMConfiguration.standard
    var now = Timestamp(rfc3339: "2026-03-01T09:00:00Z")!

    /// Runs a command given as JSON (the form callers send); on success folds its events into the state.
    ///
    /// - Parameter json: The command's JSON text.
    /// - Returns: The events it caused.
    /// - Throws: ``DomainError`` when it is refused; the state is unchanged then.
    @discardableResult
    mutating func run(_ json: String) throws -> [NewEvent] {
        let envelope = try CommandEnvelope.decode(json: Array(json.utf8))
        return try run(envelope)
    }

    /// Runs a command; on success folds its events into the state.
    ///
    /// - Parameter envelope: The command.
    /// - Returns: The events it caused.
    /// - Throws: ``DomainError`` when it is refused; the state is unchanged then.
    @discardableResult
    mutating func run(_ envelope: CommandEnvelope) throws -> [NewEvent] {
        let context = DecisionContext(
            occurredAt: envelope.occurredAt ?? now,
            actor: envelope.actor,
            configuration: configuration
        )
        let events = try state.decide(envelope.command, expectedVersion: envelope.expectedVersion, in: context)
        state.apply(events)
        return events
    }

    /// Runs a command that must be refused, and checks the refusal's code and field and that nothing changed.
    ///
    /// - Parameters:
    ///   - json: The command's JSON text.
    ///   - code: The expected code.
    ///   - field: The expected field, if the refusal names one.
    ///   - sourceLocation: Where the check is.
    mutating func expectRefusal(
        _ json: String,
        code: DomainError.Code,
        field: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let before = state
        do {
            let events = try run(json)
            Issue.record("expected \(code), got \(events.count) events", sourceLocation: sourceLocation)
        } catch let refusal as DomainError {
            #expect(refusal.code == code, "\(refusal)", sourceLocation: sourceLocation)
            if let field {
                #expect(refusal.field == field, "\(refusal)", sourceLocation: sourceLocation)
                #expect(refusal.message.contains(field), "\(refusal)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("expected a DomainError, got \(error)", sourceLocation: sourceLocation)
        }
        #expect(state == before, "a refused command changed the state", sourceLocation: sourceLocation)
    }
}
