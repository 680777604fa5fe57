import Foundation
public import RapportLog

/// The JSON lines that `rapport log append` and `rapport log dump` print.
public enum RecordOutput {
    /// The line printed for each durable record of an append: `{"position":…,"stream":…,"version":…}`.
    ///
    /// - Parameter entry: The record's place in the log.
    /// - Returns: The line, without a newline.
    public static func acknowledgement(_ entry: AppendResult.Entry) -> String {
        JSONText.object([
            "position": NSNumber(value: entry.position),
            "stream": entry.streamId,
            "version": NSNumber(value: entry.streamVersion),
        ])
    }

    /// The line printed for a stored record.
    ///
    /// `data` and `metadata` are embedded as JSON when their bytes are JSON (as every record appended through
    /// the JSON input is); other bytes are given base64-encoded as `dataBase64` and `metadataBase64`.
    ///
    /// - Parameter record: The record.
    /// - Returns: The line, without a newline.
    public static func record(_ record: LogRecord) -> String {
        var object: [String: Any] = [
            "position": NSNumber(value: record.position),
            "id": record.id.uuidString.lowercased(),
            "stream": record.streamId,
            "version": NSNumber(value: record.streamVersion),
            "type": record.type,
            "recordedAt": record.recordedAt.rfc3339,
            "occurredAt": record.occurredAt.rfc3339,
        ]
        embed(record.payload, as: "data", in: &object)
        if !record.metadata.isEmpty {
            embed(record.metadata, as: "metadata", in: &object)
        }
        return JSONText.object(object)
    }

    private static func embed(_ bytes: [UInt8], as key: String, in object: inout [String: Any]) {
        if let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) {
            object[key] = value
        } else {
            object[key + "Base64"] = Data(bytes).base64EncodedString()
        }
    }
}
