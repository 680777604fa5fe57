import Foundation
public import RapportLog
import RapportTime

/// The JSON lines that `rapport log append` and `rapport log dump` print.
public enum RecordOutput {
    /// The line printed for each durable record of an append: `{"position":…,"stream":…,"version":…}`.
    ///
    /// - Parameter entry: The record's place in the log.
    /// - Returns: The line, without a newline.
    public static func acknowledgement(_ entry: AppendResult.Entry) -> String {
        JSONValue.object([
            "position": .unsignedInteger(entry.position),
            "stream": .string(entry.streamId),
            "version": .unsignedInteger(entry.streamVersion),
        ]).canonicalString
    }

    /// The line printed for a stored record.
    ///
    /// `data` and `metadata` are embedded as JSON when their bytes are JSON (as every record appended through
    /// the JSON input is); other bytes are given base64-encoded as `dataBase64` and `metadataBase64`.
    ///
    /// - Parameter record: The record.
    /// - Returns: The line, without a newline.
    public static func record(_ record: LogRecord) -> String {
        var object: [String: JSONValue] = [
            "position": .unsignedInteger(record.position),
            "id": .string(record.id.uuidString.lowercased()),
            "stream": .string(record.streamId),
            "version": .unsignedInteger(record.streamVersion),
            "type": .string(record.type),
            "recordedAt": .string(record.recordedAt.rfc3339),
            "occurredAt": .string(record.occurredAt.rfc3339),
        ]
        embed(record.payload, as: "data", in: &object)
        if !record.metadata.isEmpty {
            embed(record.metadata, as: "metadata", in: &object)
        }
        return JSONValue.object(object).canonicalString
    }

    private static func embed(_ bytes: [UInt8], as key: String, in object: inout [String: JSONValue]) {
        if let value = JSONValue.parse(bytes) {
            object[key] = value
        } else {
            object[key + "Base64"] = .string(Data(bytes).base64EncodedString())
        }
    }
}
