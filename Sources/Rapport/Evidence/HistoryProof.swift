public import RapportLog

/// The answer to "does the log still hold, unchanged, the history these recorded heads describe?".
///
/// A recorded head `(P, H)` proves positions 0 to P unchanged exactly when the log verifies intact up to P and
/// the hash of its batch ending at P is still H: that hash covers every byte before it through the chain. When
/// a head no longer matches, something at or before P differs; the heads that still match bound where. With a
/// single head the first difference can lie anywhere from position 0 to P (or to where the log is now damaged or
/// ends); each further recorded head, such as the checkpoints `rapport verify --json` prints, narrows it.
public struct HistoryProof: Sendable, Hashable {
    /// How one recorded head compares with the log now.
    public enum Outcome: String, Sendable, Hashable {
        /// The log's chain hash at the position is the recorded one.
        case matches
        /// The log verifies past the position, but its chain there differs (or no batch ends there any more).
        case differs
        /// The log, intact, now ends before the position.
        case missing
        /// The log is damaged at or before the position.
        case damaged
    }

    /// One recorded head and how it compares.
    public struct Check: Sendable, Hashable {
        /// The recorded head.
        public var head: ChainHead
        /// The log's chain hash at that position now, when a batch of the verified log ends there.
        public var current: ChainHash?
        /// How they compare.
        public var outcome: Outcome
    }

    /// Where the first difference lies: at a position from ``from`` through ``through``, both inclusive.
    public struct Difference: Sendable, Hashable {
        /// The first position that may differ: after the last recorded head that still matches.
        public var from: UInt64
        /// The last position the first difference may be at: a head that no longer matches, or the first
        /// position the log no longer holds intact (there the log certainly differs).
        public var through: UInt64
        /// Why, in words.
        public var reason: String
    }

    /// The verifier's report of the log now.
    public var verification: VerificationReport
    /// The recorded heads, by position, each compared.
    public var checks: [Check]
    /// The last position proven unchanged: that of the latest head that matches before any that does not.
    public var provenThrough: UInt64?
    /// Where the first difference lies, or `nil` when every recorded head matches.
    public var difference: Difference?

    /// Whether every recorded head matches: the log still holds the whole recorded history unchanged.
    public var isProven: Bool { difference == nil }

    /// Verifies a data directory's log and compares recorded heads with it.
    ///
    /// - Parameters:
    ///   - heads: The recorded heads.
    ///   - directory: The data directory.
    /// - Returns: The proof.
    /// - Throws: ``RapportError`` with code `log_failure` when the log's files cannot be read.
    public static func check(_ heads: [ChainHead], directory: String) throws -> HistoryProof {
        let wanted = Set(heads.map(\.position))
        var found: [UInt64: ChainHash] = [:]
        let report: VerificationReport
        do {
            report = try LogVerifier(directory: directory).verify { lastPosition, hash in
                if wanted.contains(lastPosition) { found[lastPosition] = hash }
            }
        } catch {
            throw RapportError(.logFailure, "cannot verify the log at \(directory): \(error)", cause: error)
        }
        let end = report.recordCount
        let checks = heads.sorted { $0.position < $1.position }.map { head in
            let current = found[head.position]
            let outcome: Outcome =
                if head.position >= end {
                    report.problem == nil ? .missing : .damaged
                } else {
                    current == head.hash ? .matches : .differs
                }
            return Check(head: head, current: current, outcome: outcome)
        }
        var proof = HistoryProof(verification: report, checks: checks)
        guard let failing = checks.firstIndex(where: { $0.outcome != .matches }) else {
            proof.provenThrough = checks.last?.head.position
            return proof
        }
        proof.provenThrough = failing > 0 ? checks[failing - 1].head.position : nil
        let from = proof.provenThrough.map { $0 + 1 } ?? 0
        let check = checks[failing]
        proof.difference =
            switch check.outcome {
            case .differs:
                Difference(
                    from: from,
                    through: check.head.position,
                    reason: check.current.map {
                        "the chain hash at position \(check.head.position) is now \($0.hex), the recorded head says "
                            + check.head.hash.hex
                    }
                        ?? "no batch ends at position \(check.head.position) any more: the batches were rewritten"
                )
            case .damaged:
                Difference(
                    from: from,
                    through: end,
                    reason: "the log is damaged from position \(end)"
                        + (report.problem.map { " (\($0.file) at byte \($0.byteOffset): \($0.message))" } ?? "")
                )
            case .missing, .matches:
                Difference(
                    from: from,
                    through: end,
                    reason: "the log now ends "
                        + (end == 0 ? "empty" : "at position \(end - 1)")
                        + ", the recorded head is at position \(check.head.position)"
                )
            }
        return proof
    }

    private init(verification: VerificationReport, checks: [Check]) {
        self.verification = verification
        self.checks = checks
    }
}
