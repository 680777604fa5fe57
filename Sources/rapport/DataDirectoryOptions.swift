import ArgumentParser
import Foundation
import Rapport

/// The `--data` option every command that works on a data directory takes.
struct DataDirectoryOptions: ParsableArguments {
    @Option(
        name: .customLong("data"),
        help: ArgumentHelp(
            "The data directory (default: $\(DataDirectoryLocation.environmentVariable), else \(DataDirectoryLocation.fallback)).",
            valueName: "dir"
        )
    )
    var explicitDirectory: String?

    /// The data directory to use.
    var directory: String {
        DataDirectoryLocation.resolve(explicitDirectory, environment: ProcessInfo.processInfo.environment)
    }
}
