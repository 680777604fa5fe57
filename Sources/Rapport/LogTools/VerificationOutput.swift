import Foundation
public import RapportLog

/// How `rapport log verify` shows a ``VerificationReport``: a few lines for people, or one JSON object.
public enum VerificationOutput {
    /// The verdict, what was checked, and the first problem with its file, byte offset and position.
    ///
    /// - Parameters:
    ///   - report: The verifier's report.
    ///   - directory: The data directory.
    /// - Returns: The text, ending with a newline.
    public static func text(_ report: VerificationReport, directory: String) -> String {
        var lines = [
            report.isIntact ? "intact: \(directory)" : "DAMAGED: \(directory)",
            "segments checked:  \(report.segmentCount) (\(report.sealedSegmentCount) sealed, re-hashed)",
            "batches checked:   \(report.batchCount)",
            "records checked:   \(report.recordCount)",
            "bytes on disk:     \(report.bytesOnDisk)",
            "head hash:         \(report.headHash.hex)",
        ]
        if report.incompleteTailBytes > 0 {
            lines.append(
                "incomplete tail:   \(report.incompleteTailBytes) bytes after the last whole batch "
                    + "(a write cut short; the writer removes them when it next opens)"
            )
        }
        if let problem = report.problem {
            lines.append(
                "first problem:     \(problem.file) at byte \(problem.byteOffset), position \(problem.position): "
                    + problem.message
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as one JSON object (keys sorted), for scripts and auditors.
    ///
    /// - Parameters:
    ///   - report: The verifier's report.
    ///   - directory: The data directory.
    /// - Returns: The JSON text, without a newline.
    public static func json(_ report: VerificationReport, directory: String) -> String {
        var object: [String: JSONValue] = [
            "directory": .string(directory),
            "intact": .bool(report.isIntact),
            "segments": .integer(Int64(report.segmentCount)),
            "sealedSegments": .integer(Int64(report.sealedSegmentCount)),
            "batches": .unsignedInteger(report.batchCount),
            "records": .unsignedInteger(report.recordCount),
            "bytesOnDisk": .unsignedInteger(report.bytesOnDisk),
            "headHash": .string(report.headHash.hex),
            "incompleteTailBytes": .unsignedInteger(report.incompleteTailBytes),
        ]
        if let problem = report.problem {
            object["problem"] = .object([
                "file": .string(problem.file),
                "byteOffset": .unsignedInteger(problem.byteOffset),
                "position": .unsignedInteger(problem.position),
                "message": .string(problem.message),
            ])
        }
        return JSONValue.object(object).canonicalString
    }
}
