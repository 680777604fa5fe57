import ArgumentParser
import Rapport
import RapportLog

/// `rapport log verify`: re-read and check everything; the exit status says whether the log is intact.
struct LogVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-read the whole log and check every checksum, both hash chains, footers and indexes.",
        discussion: """
            Exits 0 when the log is intact and 1 when it is not, naming the first bad batch by segment file, \
            byte offset and position. Reads only, so it may run while a writer is appending.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() async throws {
        let directory = data.directory
        let report = try LogVerifier(directory: directory).verify()
        if json {
            print(VerificationOutput.json(report, directory: directory))
        } else {
            print(VerificationOutput.text(report, directory: directory), terminator: "")
        }
        if !report.isIntact {
            throw ExitCode.failure
        }
    }
}
