import ArgumentParser

/// The `rapport` command: the event-sourced CRM engine's tools.
@main
struct RapportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Rapport: an event-sourced CRM backend on an append-only, verifiable event log.",
        subcommands: [
            DemoCommand.self, ExecCommand.self, ShowCommand.self, HistoryCommand.self, EventsCommand.self,
            PipelineCommand.self, BacklogCommand.self, AccountCommand.self, FunnelCommand.self,
            RebuildCommand.self, SnapshotCommand.self, SnapshotsCommand.self, LogCommand.self, ServeCommand.self,
            TokenCommand.self, KeysCommand.self,
            ExportCommand.self, VerifyCommand.self, ReportCommand.self,
            ImportCommand.self,
        ]
    )
}
