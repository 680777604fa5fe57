public import RapportLog

/// What `rapport verify` finds: the verifier's report of the whole log, the chain head an auditor records, and
/// checkpoints along the chain that let a later check say where a difference starts.
public struct LogHead: Sendable, Hashable {
    /// The verifier's report.
    public var verification: VerificationReport
    /// The head of the verified log, or `nil` when it holds no record.
    public var head: ChainHead?
    /// The chain at the end of the first batch that completes each multiple of ``checkpointInterval`` records.
    public var checkpoints: [ChainHead]
    /// The number of records between checkpoints.
    public var checkpointInterval: UInt64

    /// Verifies a data directory's log and reads its head and checkpoints.
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - checkpointInterval: The number of records between checkpoints, at least 1.
    /// - Returns: What was found.
    /// - Throws: ``RapportError`` with code `invalid_input` when the interval is 0, `log_failure` when the log's
    ///   files cannot be read.
    public static func read(directory: String, checkpointInterval: UInt64) throws -> LogHead {
        guard checkpointInterval > 0 else {
            throw RapportError(.invalidInput, "--checkpoint-every must be at least 1 record")
        }
        var checkpoints: [ChainHead] = []
        var previousEnd: UInt64 = 0
        let report: VerificationReport
        do {
            report = try LogVerifier(directory: directory).verify { lastPosition, hash in
                let end = lastPosition + 1
                if end / checkpointInterval > previousEnd / checkpointInterval {
                    checkpoints.append(ChainHead(position: lastPosition, hash: hash))
                }
                previousEnd = end
            }
        } catch {
            throw RapportError(.logFailure, "cannot verify the log at \(directory): \(error)", cause: error)
        }
        return LogHead(
            verification: report,
            head: ChainHead(of: report),
            checkpoints: checkpoints,
            checkpointInterval: checkpointInterval
        )
    }
}
