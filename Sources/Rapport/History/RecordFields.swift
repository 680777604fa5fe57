import Foundation
import RapportCRM

/// A record's fields as its events have set them so far, each event's changes found by comparing.
///
/// An event's fields are the top-level keys of its JSON form (nested values are kept whole). Keys that say a
/// new value set the field they name: `toStage` sets `stage`, `toOwnerId` sets `ownerId`, and a transfer's
/// `toAccountId` sets `accountId`; `fromStage`, `fromOwnerId` and the like repeat the old value, which the record
/// already has, so they are not fields. The bare `from` and `to` of an amount change or a close date move set
/// `amount` and `closeDate`; an account update's `parentRemoved` removes `parentAccountId`.
struct RecordFields {
    /// The fields set so far.
    private(set) var values: [String: JSONValue] = [:]

    /// The account the record belongs to now, when it belongs to one.
    var accountId: String? {
        if case .string(let id) = values["accountId"] { id } else { nil }
    }

    /// Folds one event of the record's stream.
    ///
    /// - Parameter event: The event, in stream order.
    /// - Returns: The fields whose value it changed, by field name.
    /// - Throws: `EncodingError` when the event's JSON form cannot be written.
    mutating func apply(_ event: RecordedEvent) throws -> [FieldChange] {
        var changes: [FieldChange] = []
        for (field, new) in try Self.assignments(of: event).sorted(by: { $0.key < $1.key }) {
            let old = values[field]
            guard old != new else { continue }
            values[field] = new
            changes.append(FieldChange(field: field, old: old, new: new))
        }
        return changes
    }

    /// The fields an event sets, each to its new value (`nil`: removed).
    private static func assignments(of event: RecordedEvent) throws -> [String: JSONValue?] {
        let payload = event.event.payload
        guard case .object(let data) = JSONValue.parse(try encoder.encode(EncodablePayload(payload))) else {
            return [:]
        }
        var assignments: [String: JSONValue?] = [:]
        for (key, value) in data {
            switch key {
            case "from":
                continue
            case "to":
                assignments[bareTargets[type(of: payload).eventType] ?? key] = value
            case "parentRemoved" where value == .bool(true):
                assignments["parentAccountId"] = .some(nil)
            default:
                guard key.fieldNamed(after: "from") == nil else { continue }
                assignments[key.fieldNamed(after: "to") ?? key] = value
            }
        }
        return assignments
    }

    /// The field a bare `to` sets, by event type.
    private static let bareTargets = ["OpportunityAmountChanged": "amount", "OpportunityCloseDateMoved": "closeDate"]

    private static let encoder = JSONEncoder()

    /// An event's data, encodable without knowing its type.
    private struct EncodablePayload: Encodable {
        let payload: any EventPayload

        init(_ payload: any EventPayload) {
            self.payload = payload
        }

        func encode(to encoder: any Encoder) throws {
            try payload.encode(to: encoder)
        }
    }
}

extension String {
    /// The field a key such as `toStage` names after its prefix (`stage`), or `nil` when the key does not start
    /// with the prefix followed by an upper-case letter.
    fileprivate func fieldNamed(after prefix: String) -> String? {
        guard hasPrefix(prefix), let first = dropFirst(prefix.count).first, first.isUppercase else { return nil }
        return first.lowercased() + dropFirst(prefix.count + 1)
    }
}
