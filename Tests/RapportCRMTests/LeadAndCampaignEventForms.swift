import Foundation
import RapportCRM

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
