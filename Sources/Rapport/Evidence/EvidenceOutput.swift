import RapportLog

/// How `rapport verify` shows its findings: a few lines for people, or one JSON object (keys sorted) for
/// auditors' records and scripts.
public enum EvidenceOutput {
    /// The verifier's lines followed by the head, `head: <position>:<hash>`.
    ///
    /// - Parameters:
    ///   - found: What `verify` found.
    ///   - directory: The data directory.
    /// - Returns: The text, ending with a newline.
    public static func text(_ found: LogHead, directory: String) -> String {
        VerificationOutput.text(found.verification, directory: directory) + headLine(found.head)
    }

    /// The verifier's report, the head and the checkpoints as one JSON object: what `--against` reads back.
    ///
    /// - Parameters:
    ///   - found: What `verify` found.
    ///   - directory: The data directory.
    /// - Returns: The JSON text, without a newline.
    public static func json(_ found: LogHead, directory: String) -> String {
        var object = reportMembers(found.verification, directory: directory)
        object["head"] = found.head.map(json) ?? .null
        object["checkpointEvery"] = .unsignedInteger(found.checkpointInterval)
        object["checkpoints"] = .array(found.checkpoints.map(json))
        return JSONValue.object(object).canonicalString
    }

    /// The verdict on recorded heads: proven or not, how far, where the first difference lies and why.
    ///
    /// - Parameters:
    ///   - proof: The comparison.
    ///   - directory: The data directory.
    /// - Returns: The text, ending with a newline.
    public static func text(_ proof: HistoryProof, directory: String) -> String {
        let counts = HistoryProof.Outcome.allInOrder.compactMap { outcome in
            let count = proof.checks.filter { $0.outcome == outcome }.count
            return count == 0 ? nil : "\(count) \(outcome.rawValue)"
        }
        var lines = [
            proof.isProven
                ? "PROVEN: \(directory) still holds the recorded history unchanged"
                : "DIFFERS: \(directory) no longer holds the recorded history unchanged",
            "recorded heads:    \(proof.checks.count) (\(counts.joined(separator: ", ")))",
            "proven unchanged:  " + (proof.provenThrough.map { "positions 0 to \($0)" } ?? "nothing"),
        ]
        if let difference = proof.difference {
            lines.append(
                "first difference:  "
                    + (difference.from == difference.through
                        ? "position \(difference.from)"
                        : "between positions \(difference.from) and \(difference.through)")
            )
            lines.append("why:               \(difference.reason)")
        }
        if let problem = proof.verification.problem {
            lines.append(
                "log damaged:       \(problem.file) at byte \(problem.byteOffset), position \(problem.position): "
                    + problem.message
            )
        }
        return lines.joined(separator: "\n") + "\n" + headLine(ChainHead(of: proof.verification))
    }

    /// The verdict on recorded heads as one JSON object.
    ///
    /// - Parameters:
    ///   - proof: The comparison.
    ///   - directory: The data directory.
    /// - Returns: The JSON text, without a newline.
    public static func json(_ proof: HistoryProof, directory: String) -> String {
        var object = reportMembers(proof.verification, directory: directory)
        object["head"] = ChainHead(of: proof.verification).map(json) ?? .null
        object["proven"] = .bool(proof.isProven)
        object["provenThrough"] = proof.provenThrough.map(JSONValue.unsignedInteger) ?? .null
        object["firstDifference"] =
            proof.difference.map {
                .object([
                    "from": .unsignedInteger($0.from), "through": .unsignedInteger($0.through),
                    "reason": .string($0.reason),
                ])
            } ?? .null
        object["heads"] = .array(
            proof.checks.map { check in
                .object([
                    "position": .unsignedInteger(check.head.position), "hash": .string(check.head.hash.hex),
                    "current": check.current.map { .string($0.hex) } ?? .null,
                    "outcome": .string(check.outcome.rawValue),
                ])
            }
        )
        return JSONValue.object(object).canonicalString
    }

    private static func headLine(_ head: ChainHead?) -> String {
        "head:              " + (head?.description ?? "none (the log holds no record)") + "\n"
    }

    private static func json(_ head: ChainHead) -> JSONValue {
        .object(["position": .unsignedInteger(head.position), "hash": .string(head.hash.hex)])
    }

    /// The members `rapport log verify --json` prints.
    private static func reportMembers(_ report: VerificationReport, directory: String) -> [String: JSONValue] {
        guard
            case .object(let members)? = JSONValue.parse(
                Array(VerificationOutput.json(report, directory: directory).utf8)
            )
        else { return [:] }
        return members
    }
}

extension HistoryProof.Outcome {
    /// Every outcome, in the order the text lists their counts.
    fileprivate static let allInOrder: [Self] = [.matches, .differs, .missing, .damaged]
}
