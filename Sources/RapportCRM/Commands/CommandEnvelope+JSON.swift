public import Foundation
import RapportTime

extension CommandEnvelope {
    /// The longest command accepted, in bytes of JSON.
    public static let maximumJSONSize = 1 << 20
    /// The longest actor, command, correlation or causation id, in characters.
    public static let maximumIdLength = 128

    /// Reads a command from its JSON form, refusing anything malformed, misspelled or of the wrong type.
    ///
    /// - Parameter json: The command's JSON text.
    /// - Returns: The command and its envelope.
    /// - Throws: ``DomainError`` naming the field and the rule: `command_too_large`, `malformed_command`,
    ///   `unknown_command_type`, `missing_field`, `unknown_field`, `invalid_field` or `invalid_id`.
    public static func decode(json: some Collection<UInt8>) throws -> CommandEnvelope {
        guard json.count <= maximumJSONSize else {
            throw DomainError(
                .commandTooLarge,
                "the command is \(json.count) bytes long; a command may be at most \(maximumJSONSize) bytes"
            )
        }
        let data = Data(json)
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw refusal(for: error, commandType: nil)
        }
        guard let payloadType = CRMCommand.payloadTypes[header.type] else {
            throw DomainError(
                .unknownCommandType,
                field: "type",
                "type \"\(header.type)\" is not a command; the commands are \(CRMCommand.commandTypes.joined(separator: ", "))"
            )
        }
        let command: CRMCommand
        do {
            command = try decodeCommand(payloadType, from: data)
        } catch {
            throw refusal(for: error, commandType: header.type)
        }
        return CommandEnvelope(
            command,
            actor: try FieldRules.text(header.actor, field: "actor", maximumLength: maximumIdLength),
            commandId: try FieldRules.optionalText(
                header.commandId,
                field: "commandId",
                maximumLength: maximumIdLength
            ),
            expectedVersion: header.expectedVersion,
            occurredAt: header.occurredAt,
            correlationId: try FieldRules.optionalText(
                header.correlationId,
                field: "correlationId",
                maximumLength: maximumIdLength
            ),
            causationId: try FieldRules.optionalText(
                header.causationId,
                field: "causationId",
                maximumLength: maximumIdLength
            )
        )
    }

    /// Writes the command's JSON form, the one ``decode(json:)`` reads.
    ///
    /// - Returns: The JSON text, keys sorted.
    /// - Throws: `EncodingError` when a value cannot be written (never for commands the domain made).
    public func encodedJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Written(envelope: self))
    }

    private static func decodeCommand<Payload: CommandPayload>(
        _ type: Payload.Type,
        from data: Data
    ) throws -> CRMCommand {
        let body = try JSONDecoder().decode(AuditedBody<Payload>.self, from: data)
        return body.data.command
    }

    /// The envelope's fields, `data` checked to be an object but read later by the command's own type.
    private struct Header: Decodable {
        var type: String
        var actor: String
        var commandId: String?
        var expectedVersion: UInt64?
        var occurredAt: Timestamp?
        var correlationId: String?
        var causationId: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case type, actor, commandId, expectedVersion, occurredAt, correlationId, causationId, data
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let present = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
            if let unknown = present.first(where: { CodingKeys(stringValue: $0) == nil }) {
                throw DomainError(
                    .unknownField,
                    field: unknown,
                    "\(unknown) is not a field of a command; a command has "
                        + CodingKeys.allCases.map(\.stringValue).joined(separator: ", ")
                )
            }
            type = try container.decode(String.self, forKey: .type)
            actor = try container.decode(String.self, forKey: .actor)
            commandId = try container.decodeIfPresent(String.self, forKey: .commandId)
            expectedVersion = try container.decodeIfPresent(UInt64.self, forKey: .expectedVersion)
            occurredAt = try container.decodeIfPresent(Timestamp.self, forKey: .occurredAt)
            correlationId = try container.decodeIfPresent(String.self, forKey: .correlationId)
            causationId = try container.decodeIfPresent(String.self, forKey: .causationId)
            guard container.contains(.data) else {
                throw DecodingError.keyNotFound(
                    CodingKeys.data,
                    DecodingError.Context(codingPath: [], debugDescription: "data is required")
                )
            }
            _ = try container.decode([String: AnyJSON].self, forKey: .data)
        }
    }

    /// The `data` of a command read by its own type, with every field the input holds checked to be one the
    /// type reads.
    private struct AuditedBody<Payload: CommandPayload>: Decodable {
        var data: Payload

        enum CodingKeys: String, CodingKey {
            case data
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let ledger = FieldLedger()
            data = try Payload(from: AuditingDecoder(try container.superDecoder(forKey: .data), ledger: ledger))
            if let unknown = ledger.firstUnknownField() {
                throw DomainError(
                    .unknownField,
                    field: unknown,
                    "\(unknown) is not a field of \(Payload.commandType)"
                )
            }
        }
    }

    /// The JSON form written out.
    private struct Written: Encodable {
        var envelope: CommandEnvelope

        enum CodingKeys: String, CodingKey {
            case type, actor, commandId, expectedVersion, occurredAt, correlationId, causationId, data
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(envelope.command.commandType, forKey: .type)
            try container.encode(envelope.actor, forKey: .actor)
            try container.encodeIfPresent(envelope.commandId, forKey: .commandId)
            try container.encodeIfPresent(envelope.expectedVersion, forKey: .expectedVersion)
            try container.encodeIfPresent(envelope.occurredAt, forKey: .occurredAt)
            try container.encodeIfPresent(envelope.correlationId, forKey: .correlationId)
            try container.encodeIfPresent(envelope.causationId, forKey: .causationId)
            try envelope.command.payload.encode(to: container.superEncoder(forKey: .data))
        }
    }

    /// The refusal for an error thrown while reading a command.
    private static func refusal(for error: any Error, commandType: String?) -> DomainError {
        let subject = commandType.map { "of \($0) " } ?? ""
        switch error {
        case let refusal as DomainError:
            return refusal
        case DecodingError.keyNotFound(let key, let context):
            let field = JSONPath(context.codingPath + [key])
            return DomainError(.missingField, field: field, "\(field) is required")
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            guard !context.codingPath.isEmpty else {
                return DomainError(.malformedCommand, "a command must be a JSON object")
            }
            let field = JSONPath(context.codingPath)
            return DomainError(.invalidField, field: field, "\(field) \(subject)must be \(describe(type))")
        case DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = JSONPath(context.codingPath)
            return DomainError(.invalidField, field: field, "\(field) \(context.debugDescription)")
        default:
            return DomainError(.malformedCommand, "the command is not valid JSON: it is cut short or malformed")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is UInt64.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is [String: AnyJSON].Type, is [String: Any].Type: "an object"
        default: "of type \(type)"
        }
    }
}
