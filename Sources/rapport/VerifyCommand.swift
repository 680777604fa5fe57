import ArgumentParser
import Foundation
import Rapport
import RapportLog

/// `rapport verify`: check the whole log and print its chain head, or prove it still holds a recorded history.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the whole log and print its chain head; with --against, prove a recorded history is intact.",
        discussion: """
            Without --against: re-reads the log, checks every checksum and both hash chains, and prints the head \
            as <position>:<hash>; with --json, one object holding the head and checkpoints every \
            --checkpoint-every records, which an auditor keeps. With --against HEAD (<position>:<hash>) or \
            --against FILE (what verify --json printed, one object per line, or heads one per line): proves that \
            the log still holds, unchanged, everything up to each recorded head, or names where the first \
            difference lies. Exits 1 when the log is damaged or differs. See docs/EXPORT.md.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "A recorded head, <position>:<hash>, or a file of heads saved from `rapport verify --json`.",
            valueName: "head-or-file"
        )
    )
    var against: String?

    @Option(
        name: .customLong("checkpoint-every"),
        help: ArgumentHelp("Records between the checkpoints --json lists.", valueName: "records")
    )
    var checkpointEvery: UInt64 = 10_000

    func validate() throws {
        guard checkpointEvery > 0 else { throw ValidationError("--checkpoint-every must be at least 1") }
    }

    func run() async throws {
        let directory = data.directory
        guard let against else {
            let found = try LogHead.read(directory: directory, checkpointInterval: checkpointEvery)
            print(
                json
                    ? EvidenceOutput.json(found, directory: directory)
                    : EvidenceOutput.text(found, directory: directory),
                terminator: json ? "\n" : ""
            )
            if !found.verification.isIntact { throw ExitCode.failure }
            return
        }
        let proof = try HistoryProof.check(try Self.heads(against), directory: directory)
        print(
            json ? EvidenceOutput.json(proof, directory: directory) : EvidenceOutput.text(proof, directory: directory),
            terminator: json ? "\n" : ""
        )
        if !proof.isProven || !proof.verification.isIntact { throw ExitCode.failure }
    }

    /// The heads `--against` names: a file's when a file of that name exists, else one head.
    static func heads(_ argument: String) throws -> [ChainHead] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
            guard let contents = FileManager.default.contents(atPath: argument) else {
                throw ValidationError("--against: cannot read \(argument)")
            }
            guard let text = String(validating: contents, as: UTF8.self) else {
                throw ValidationError("--against: \(argument) is not UTF-8 text")
            }
            do {
                return try RecordedHeads.parse(text, source: argument)
            } catch let error as RapportError {
                throw ValidationError("--against: \(error.message)")
            }
        }
        do {
            return [try ChainHead(parsing: argument)]
        } catch let error as RapportError {
            throw ValidationError(
                "--against: \(error.message), or the name of a file of heads (no file \(argument) exists)"
            )
        }
    }
}
