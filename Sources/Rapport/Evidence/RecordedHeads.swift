import Foundation
import RapportLog

/// The heads an auditor recorded, read from a file: what `rapport verify --json` printed (its `head` and its
/// `checkpoints`), one such object per line (as `rapport verify --json >> heads.jsonl` gathers them), a JSON
/// array of them, `{"position", "hash"}` objects, or `<position>:<hash>` lines.
public enum RecordedHeads {
    /// Reads the heads a file's text records.
    ///
    /// - Parameters:
    ///   - text: The file's text.
    ///   - source: The file's name, for errors.
    /// - Returns: The heads, by position ascending, each position once.
    /// - Throws: ``RapportError`` with code `invalid_input` naming the line and what is wrong, when the text holds
    ///   no head, a value that is no head, or two different hashes for one position.
    public static func parse(_ text: String, source: String) throws -> [ChainHead] {
        var heads: [ChainHead] = []
        if let whole = JSONValue.parse(Array(text.utf8)) {
            try collect(whole, into: &heads, at: source)
        } else {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                let place = "\(source) line \(index + 1)"
                if let value = JSONValue.parse(Array(trimmed.utf8)) {
                    try collect(value, into: &heads, at: place)
                } else {
                    do {
                        heads.append(try ChainHead(parsing: trimmed))
                    } catch let error as RapportError {
                        throw RapportError(.invalidInput, "\(place): \(error.message)")
                    }
                }
            }
        }
        guard !heads.isEmpty else {
            throw RapportError(.invalidInput, "\(source) records no head: save one with `rapport verify --json`")
        }
        var byPosition: [UInt64: ChainHead] = [:]
        for head in heads {
            if let other = byPosition[head.position], other.hash != head.hash {
                throw RapportError(
                    .invalidInput,
                    "\(source) records two different hashes for position \(head.position): \(other.hash.hex) and "
                        + "\(head.hash.hex); they cannot both be of one log"
                )
            }
            byPosition[head.position] = head
        }
        return byPosition.values.sorted { $0.position < $1.position }
    }

    private static func collect(_ value: JSONValue, into heads: inout [ChainHead], at place: String) throws {
        switch value {
        case .array(let values):
            for value in values { try collect(value, into: &heads, at: place) }
        case .object(let members) where members["position"] != nil || members["hash"] != nil:
            heads.append(try head(members, at: place))
        case .object(let members) where members["head"] != nil:
            if case .array(let checkpoints)? = members["checkpoints"] {
                for checkpoint in checkpoints { try collect(checkpoint, into: &heads, at: place + " checkpoints") }
            }
            if let head = members["head"], head != .null { try collect(head, into: &heads, at: place + " head") }
        case .string(let text):
            do {
                heads.append(try ChainHead(parsing: text))
            } catch let error as RapportError {
                throw RapportError(.invalidInput, "\(place): \(error.message)")
            }
        default:
            throw RapportError(
                .invalidInput,
                "\(place): expected a head ({\"position\", \"hash\"}, \"<position>:<hash>\") or the output of "
                    + "`rapport verify --json`, found \(value.canonicalString.prefix(80))"
            )
        }
    }

    private static func head(_ members: [String: JSONValue], at place: String) throws -> ChainHead {
        let position: UInt64? =
            switch members["position"] {
            case .integer(let number)?: number >= 0 ? UInt64(number) : nil
            case .unsignedInteger(let number)?: number
            default: nil
            }
        guard let position else {
            throw RapportError(.invalidInput, "\(place): \"position\" must be a whole number of 0 or more")
        }
        guard case .string(let hex)? = members["hash"] else {
            throw RapportError(.invalidInput, "\(place): \"hash\" must be a string of 64 hexadecimal digits")
        }
        do {
            return try ChainHead(parsing: "\(position):\(hex)")
        } catch let error as RapportError {
            throw RapportError(.invalidInput, "\(place): \(error.message)")
        }
    }
}
