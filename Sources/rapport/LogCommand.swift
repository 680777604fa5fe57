import ArgumentParser

/// `rapport log`: work with the event log of a data directory directly.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Append to, read, inspect and verify the event log of a data directory.",
        subcommands: [
            LogAppendCommand.self, LogDumpCommand.self, LogInspectCommand.self, LogVerifyCommand.self,
        ]
    )
}
