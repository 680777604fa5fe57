import ArgumentParser
import Foundation
import Rapport
import RapportLog

/// `rapport show STREAM`: a record's current state and version.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a record's current state and version as JSON.",
        discussion: """
            STREAM is <kind>-<id>, e.g. opportunity-Q3-1 (kinds: account, contact, lead, opportunity, case, \
            activity, campaign). The state is what commands are validated against, rebuilt from the log.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Argument(help: "The record's stream, <kind>-<id>.")
    var stream: String

    func run() async throws {
        let log = try LogOpening.forReading(directory: data.directory, notice: EngineOptions.commandLine().notice)
        let keys = try PersonalDataKeys.forReading(of: log)
        let line = try RecordStateOutput.describe(stream, in: log, keys: keys)
        print(line)
    }
}
