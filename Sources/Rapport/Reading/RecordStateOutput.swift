import Foundation
import RapportCRM
public import RapportLog
import RapportTime

/// What `rapport show STREAM` prints: a record's current state, as the engine validates commands against it,
/// and its version.
public enum RecordStateOutput {
    /// Rebuilds the decision state from a log (open for reading or writing) and describes one record.
    ///
    /// - Parameters:
    ///   - stream: The record's stream, e.g. `opportunity-Q3-1`.
    ///   - log: The log.
    ///   - keys: The keys that open personal values.
    /// - Returns: `{"stream","kind","id","version","state"}` as one line of JSON.
    /// - Throws: ``DomainError`` `invalid_stream_name`; ``RapportError`` `invalid_input` when the record does
    ///   not exist, `unreadable_event` or `log_failure` when the log cannot be replayed (from the newest usable
    ///   snapshot on).
    public static func describe(_ stream: String, in log: EventLog, keys: PersonalDataKeys) throws -> String {
        let name = try StreamName(parsing: stream)
        let decisions = try EngineRestoration.restore(
            log,
            from: SnapshotStore(dataDirectory: log.directory),
            keys: keys
        ).core
            .decisions
        let state: Any? =
            switch name.kind {
            case .account: decisions.accounts[name.id]
            case .contact: decisions.contacts[name.id]
            case .lead: decisions.leads[name.id]
            case .opportunity: decisions.opportunities[name.id]
            case .case: decisions.cases[name.id]
            case .activity: decisions.activities[name.id]
            case .campaign: decisions.campaigns[name.id]
            }
        guard let state else {
            throw RapportError(.invalidInput, "stream \(stream) does not exist: no record has that kind and id")
        }
        let reflected = reflect(state)
        return JSONValue.object([
            "stream": .string(name.description),
            "kind": .string(name.kind.rawValue),
            "id": .string(name.id.text),
            "version": .unsignedInteger(decisions.version(of: name)),
            "state": reflected,
            "fields": try fields(of: name, in: log, keys: keys, state: reflected),
        ]).canonicalString
    }

    /// Every field of the record as its events last set it: each event's data in log order, where `toStage`
    /// sets `stage` (and so on for every `to…`), while `from…` and bare `from`/`to` values are history and
    /// skipped; the decision state, which tracks amounts, stages and statuses exactly, has the last word on the
    /// fields it holds.
    private static func fields(of stream: StreamName, in log: EventLog, keys: PersonalDataKeys, state: JSONValue) throws
        -> JSONValue
    {
        var fields: [String: JSONValue] = [:]
        let records: [LogRecord]
        do {
            records = try log.readStream(stream.description)
        } catch let error as LogError {
            throw RapportError(.logFailure, "cannot read \(stream): \(error)", cause: error)
        }
        for record in records {
            let event = try EventReading.event(in: record, keys: keys)
            guard case .object(let data) = JSONValue.parse(try encoder.encode(EncodablePayload(event.event.payload)))
            else { continue }
            for (key, value) in data where key != "from" && key != "to" && !key.hasPrefix("from") {
                if key.hasPrefix("to"), let first = key.dropFirst(2).first, first.isUppercase {
                    fields[first.lowercased() + key.dropFirst(3)] = value
                } else {
                    fields[key] = value
                }
            }
        }
        if case .object(let tracked) = state {
            for (key, value) in tracked where fields[key] != nil {
                fields[key] = value
            }
        }
        return .object(fields)
    }

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

    /// A value as JSON, by reflection: the state types are plain structs of ids, texts, numbers, dates, sets
    /// and dictionaries, and reflecting them keeps this output in step with whatever they hold.
    static func reflect(_ value: Any) -> JSONValue {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .integer(Int64(number))
        case let number as Int64: return .integer(number)
        case let number as UInt64: return .unsignedInteger(number)
        case let number as Double: return .double(number)
        case let id as RecordId: return .string(id.text)
        case let money as Money: return .double(money.doubleValue)
        case let time as Timestamp: return .string(time.rfc3339)
        case let date as CalendarDate: return .string(date.description)
        case let named as any RawRepresentable<String>: return .string(named.rawValue)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { reflect($0.value) } ?? .null
        case .collection, .set:
            let elements = mirror.children.map { reflect($0.value) }
            return .array(
                mirror.displayStyle == .set ? elements.sorted { $0.canonicalString < $1.canonicalString } : elements
            )
        case .dictionary:
            var object: [String: JSONValue] = [:]
            for pair in mirror.children {
                let parts = Array(Mirror(reflecting: pair.value).children)
                guard parts.count == 2 else { continue }
                let key: String =
                    switch reflect(parts[0].value) {
                    case .string(let text): text
                    case let other: other.canonicalString
                    }
                object[key] = reflect(parts[1].value)
            }
            return .object(object)
        case .enum:
            guard let payload = mirror.children.first else { return .string(String(describing: value)) }
            return .object([payload.label ?? String(describing: value): reflect(payload.value)])
        case .tuple:
            return .array(mirror.children.map { reflect($0.value) })
        default:
            var object: [String: JSONValue] = [:]
            for child in mirror.children {
                // Digests stand in for texts the state only compares; they mean nothing to a reader.
                guard let label = child.label, !String(describing: type(of: child.value)).contains("TextDigest")
                else { continue }
                object[label] = reflect(child.value)
            }
            return .object(object)
        }
    }
}
