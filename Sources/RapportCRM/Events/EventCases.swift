/// Something done with an event's payload as its own type.
///
/// Reaching a payload through ``EventCases/accept(_:)`` rather than through `any EventPayload` keeps it off the
/// heap: most payloads are too large for an existential's inline buffer, so each `any EventPayload` made from one
/// was an allocation, several per event on the command path.
public protocol EventPayloadVisitor: Sendable {
    /// What the visit gives.
    associatedtype Result

    /// Does the work on one payload.
    ///
    /// - Parameter payload: The payload.
    /// - Returns: The result.
    mutating func visit<Payload: EventPayload>(_ payload: Payload) -> Result
}

/// An enum of events whose every case holds one payload type.
public protocol EventCases: Sendable {
    /// Hands the event's payload to a visitor as its own type.
    ///
    /// - Parameter visitor: The visitor.
    /// - Returns: What the visitor gives.
    func accept<Visitor: EventPayloadVisitor>(_ visitor: inout Visitor) -> Visitor.Result
}

extension EventCases {
    /// The event's data.
    public var payload: any EventPayload {
        var boxing = Boxing()
        return accept(&boxing)
    }

    /// The event type's name, e.g. `OpportunityOpened`.
    public var eventType: String {
        var name = TypeName()
        return accept(&name)
    }

    /// The schema version the event is written with.
    public var schemaVersion: Int {
        var version = SchemaVersion()
        return accept(&version)
    }
}

private struct Boxing: EventPayloadVisitor {
    func visit<Payload: EventPayload>(_ payload: Payload) -> any EventPayload { payload }
}

private struct TypeName: EventPayloadVisitor {
    func visit<Payload: EventPayload>(_ payload: Payload) -> String { Payload.eventType }
}

private struct SchemaVersion: EventPayloadVisitor {
    func visit<Payload: EventPayload>(_ payload: Payload) -> Int { Payload.schemaVersion }
}
