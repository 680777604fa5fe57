public import RapportLog

/// A point of the log's hash chain: the position of a batch's last record and the hash of that batch, which
/// covers every byte of the log up to it. `rapport verify` prints the log's head as `<position>:<hash>`; an
/// auditor who records it can later prove the log still holds that history unchanged.
public struct ChainHead: Sendable, Hashable, CustomStringConvertible {
    /// The position of the last record the head covers.
    public var position: UInt64
    /// The hash of the batch that ends at ``position``.
    public var hash: ChainHash

    /// Creates a head.
    ///
    /// - Parameters:
    ///   - position: The position of the last record covered.
    ///   - hash: The hash of the batch ending there.
    public init(position: UInt64, hash: ChainHash) {
        self.position = position
        self.hash = hash
    }

    /// Reads a head in its printed form, `<position>:<64 hexadecimal digits>`.
    ///
    /// - Parameter text: The text.
    /// - Throws: ``RapportError`` with code `invalid_input`, saying which part is wrong.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw RapportError(
                .invalidInput,
                "\"\(text)\" is not a head: write it as `rapport verify` prints it, <position>:<hash>"
            )
        }
        guard let position = UInt64(parts[0]) else {
            throw RapportError(
                .invalidInput,
                "\"\(text)\" is not a head: the position \"\(parts[0])\" is not a whole number of 0 or more"
            )
        }
        guard let hash = ChainHash(hex: String(parts[1])) else {
            throw RapportError(
                .invalidInput,
                "\"\(text)\" is not a head: the hash must be 64 hexadecimal digits, not \"\(parts[1])\""
            )
        }
        self.init(position: position, hash: hash)
    }

    /// The head of a verified log, or `nil` when it holds no record.
    ///
    /// - Parameter report: The verifier's report.
    public init?(of report: VerificationReport) {
        guard let position = report.headPosition else { return nil }
        self.init(position: position, hash: report.headHash)
    }

    /// `<position>:<hash>`.
    public var description: String { "\(position):\(hash.hex)" }
}
