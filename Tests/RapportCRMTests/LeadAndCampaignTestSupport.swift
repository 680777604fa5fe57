import Foundation
import RapportCRM
import Testing

/// The two forms of an event, binary and JSON, read back the way replay and consumers read them.
enum LeadAndCampaignEventForms {
    /// Decodes a payload the way replay does, from the type's name and the payload bytes.
    static func decode(type: String, schemaVersion: Int, payload: [UInt8]) throws -> CRMEvent {
        try Array(type.utf8).withUnsafeBytes { typeBytes in
            try payload.withUnsafeBytes { bytes in
                try CRMEvent.decode(type: typeBytes, schemaVersion: schemaVersion, payload: bytes)
            }
        }
    }

    /// Whether a payload encoded to JSON decodes back to itself.
    static func survivesJSON<Payload: EventPayload>(_ payload: Payload) throws -> Bool {
        try JSONDecoder().decode(Payload.self, from: JSONEncoder().encode(payload)) == payload
    }
}

extension Decisions {
    /// Runs a command that must be refused with a code declared by another kind's files, given by its text, and
    /// checks the field and that nothing changed.
    ///
    /// - Parameters:
    ///   - json: The command's JSON text.
    ///   - codeNamed: The expected code's text, e.g. `duplicate_contact_email`.
    ///   - field: The expected field.
    ///   - sourceLocation: Where the check is.
    mutating func expectRefusal(
        _ json: String,
        codeNamed: String,
        field: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let before = state
        do {
            let events = try run(json)
            Issue.record("expected \(codeNamed), got \(events.count) events", sourceLocation: sourceLocation)
        } catch let refusal as DomainError {
            #expect(refusal.code.description == codeNamed, "\(refusal)", sourceLocation: sourceLocation)
            #expect(refusal.field == field, "\(refusal)", sourceLocation: sourceLocation)
            #expect(refusal.message.contains(field), "\(refusal)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected a DomainError, got \(error)", sourceLocation: sourceLocation)
        }
        #expect(state == before, "a refused command changed the state", sourceLocation: sourceLocation)
    }
}
