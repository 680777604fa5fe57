import Foundation
public import RapportLog
import RapportTime

/// How `rapport log inspect` shows a ``LogSummary``: a table for people, or one JSON object.
public enum InspectionOutput {
    /// A table of segments followed by the totals.
    ///
    /// - Parameters:
    ///   - summary: The log's summary.
    ///   - directory: The data directory, named in the first line.
    /// - Returns: The text, ending with a newline.
    public static func text(_ summary: LogSummary, directory: String) -> String {
        var lines = ["log at \(directory)"]
        lines.append(
            pad("segment", 24) + pad("state", 9) + padLeft("records", 12) + padLeft("batches", 10)
                + padLeft("bytes", 14) + padLeft("ratio", 8) + "  first record .. last record"
        )
        for segment in summary.segments {
            let times =
                if let first = segment.firstRecordedAt, let last = segment.lastRecordedAt {
                    "\(first.rfc3339) .. \(last.rfc3339)"
                } else {
                    "-"
                }
            lines.append(
                pad(segment.file, 24) + pad(segment.isSealed ? "sealed" : "active", 9)
                    + padLeft(String(segment.recordCount), 12) + padLeft(String(segment.batchCount), 10)
                    + padLeft(String(segment.fileBytes), 14)
                    + padLeft(ratio(segment.uncompressedBytes, segment.storedBytes), 8) + "  " + times
            )
        }
        lines.append("segments:          \(summary.segments.count)")
        lines.append("records:           \(summary.recordCount)")
        lines.append("streams:           \(summary.streamCount)")
        lines.append("batches:           \(summary.batchCount)")
        lines.append("bytes on disk:     \(summary.fileBytes)")
        lines.append("bytes encoded:     \(summary.uncompressedBytes)")
        lines.append("bytes stored:      \(summary.storedBytes)")
        lines.append("compression ratio: \(ratio(summary.uncompressedBytes, summary.storedBytes))")
        lines.append("head hash:         \(summary.headHash.hex)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary as one JSON object (keys sorted), for scripts.
    ///
    /// - Parameters:
    ///   - summary: The log's summary.
    ///   - directory: The data directory.
    /// - Returns: The JSON text, without a newline.
    public static func json(_ summary: LogSummary, directory: String) -> String {
        let segments: [JSONValue] = summary.segments.map { segment in
            var object: [String: JSONValue] = [
                "file": .string(segment.file),
                "basePosition": .unsignedInteger(segment.basePosition),
                "sealed": .bool(segment.isSealed),
                "records": .unsignedInteger(segment.recordCount),
                "batches": .unsignedInteger(segment.batchCount),
                "fileBytes": .unsignedInteger(segment.fileBytes),
                "uncompressedBytes": .unsignedInteger(segment.uncompressedBytes),
                "storedBytes": .unsignedInteger(segment.storedBytes),
            ]
            object["firstRecordedAt"] = segment.firstRecordedAt.map { .string($0.rfc3339) }
            object["lastRecordedAt"] = segment.lastRecordedAt.map { .string($0.rfc3339) }
            return .object(object)
        }
        return JSONValue.object([
            "directory": .string(directory),
            "segments": .array(segments),
            "records": .unsignedInteger(summary.recordCount),
            "streams": .integer(Int64(summary.streamCount)),
            "batches": .unsignedInteger(summary.batchCount),
            "fileBytes": .unsignedInteger(summary.fileBytes),
            "uncompressedBytes": .unsignedInteger(summary.uncompressedBytes),
            "storedBytes": .unsignedInteger(summary.storedBytes),
            "compressionRatio": .double((summary.compressionRatio * 100).rounded() / 100),
            "headHash": .string(summary.headHash.hex),
        ]).canonicalString
    }

    private static func ratio(_ uncompressed: UInt64, _ stored: UInt64) -> String {
        guard stored > 0 else { return "-" }
        return String(format: "%.2f", Double(uncompressed) / Double(stored))
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
