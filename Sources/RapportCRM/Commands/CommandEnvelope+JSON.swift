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
        try checkSize(json.count)
        let read = { (bytes: UnsafeRawBufferPointer) throws -> CommandEnvelope in
            try decode(object: 0, of: JSONDocument(bytes, nodes: try JSONSyntax.object(bytes)))
        }
        if let envelope = try json.withContiguousStorageIfAvailable({ try read(UnsafeRawBufferPointer($0)) }) {
            return envelope
        }
        return try Array(json).withUnsafeBytes(read)
    }

    /// Refuses a command longer than ``maximumJSONSize``.
    ///
    /// - Parameter size: The command's length in bytes of JSON.
    /// - Throws: ``DomainError`` `command_too_large`.
    static func checkSize(_ size: Int) throws(DomainError) {
        guard size <= maximumJSONSize else {
            throw DomainError(
                .commandTooLarge,
                "the command is \(size) bytes long; a command may be at most \(maximumJSONSize) bytes"
            )
        }
    }

    /// Reads the command at an object of a checked document.
    ///
    /// - Parameters:
    ///   - object: The command's node.
    ///   - document: The document.
    /// - Returns: The command and its envelope.
    /// - Throws: ``DomainError`` as ``decode(json:)`` does.
    static func decode(object: Int, of document: JSONDocument) throws -> CommandEnvelope {
        do {
            let decoder = StrictJSONDecoder(document, node: object, ledger: FieldLedger(subject: "a command"))
            return try decoder.ledger.reading { try Read(decoder) }.envelope
        } catch {
            throw DomainError(
                decoding: error,
                malformed: DomainError(.malformedCommand, "the command is not valid JSON")
            )
        }
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

    /// A command read in one pass: the envelope's fields, then `data` by the type that `type` names; a field of
    /// either that the types do not have is refused.
    private struct Read {
        var envelope: CommandEnvelope

        enum CodingKeys: String, CodingKey, CaseIterable {
            case type, actor, commandId, expectedVersion, occurredAt, correlationId, causationId, data
        }

        init(_ decoder: StrictJSONDecoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let type = try container.decode(String.self, forKey: .type)
            guard let payloadType = CRMCommand.payloadTypes[type] else {
                let guess = CRMCommand.commandType(nearestTo: type).map { "did you mean \($0)? " } ?? ""
                throw DomainError(
                    .unknownCommandType,
                    field: "type",
                    "type \"\(type)\" is not a command; \(guess)the commands are "
                        + CRMCommand.commandTypes.joined(separator: ", ")
                )
            }
            func id(_ key: CodingKeys) throws -> String? {
                try container.decodeIfPresent(String.self, forKey: key).map { text in
                    try FieldRules.text(text, field: key.stringValue, maximumLength: maximumIdLength)
                }
            }
            let actor = try FieldRules.text(
                try container.decode(String.self, forKey: .actor),
                field: "actor",
                maximumLength: maximumIdLength
            )
            let commandId = try id(.commandId)
            let expectedVersion = try container.decodeIfPresent(UInt64.self, forKey: .expectedVersion)
            let occurredAt = try container.decodeIfPresent(Timestamp.self, forKey: .occurredAt)
            let correlationId = try id(.correlationId)
            let causationId = try id(.causationId)
            guard let data = decoder.field(CodingKeys.data) else {
                throw DecodingError.keyNotFound(
                    CodingKeys.data,
                    DecodingError.Context(codingPath: [], debugDescription: "data is required")
                )
            }
            let command = try payloadType.decodeAudited(from: data)
            envelope = CommandEnvelope(
                command,
                actor: actor,
                commandId: commandId,
                expectedVersion: expectedVersion,
                occurredAt: occurredAt,
                correlationId: correlationId,
                causationId: causationId
            )
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
}
