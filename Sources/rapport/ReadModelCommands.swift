import ArgumentParser
import Foundation
import Rapport
import RapportCRM
import RapportProjections

/// What the read model commands share: the data directory, the time window and the format, and printing one
/// report. The commands only read (the log, and the read models of the newest fitting snapshot), so they run
/// beside a writer.
struct ReadModelOptions: ParsableArguments {
    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var window: TimeWindowOptions
    @OptionGroup var output: ReportFormatOptions

    /// Computes the report over the window, prints it and ends the process.
    ///
    /// The report is written while the read models are still in hand, and the process ends there: returning
    /// would free them one object at a time first, most of a second for the account 360 view of a large history.
    ///
    /// - Parameters:
    ///   - model: The name of the one read model the report uses; only it is read and folded.
    ///   - report: Computes the report from the read models and the context.
    func print(from model: String, _ report: (ReadModels, ReportContext) throws -> some TabularReport) throws {
        try print(from: ReadModels.Selection([model]), report)
    }

    /// Computes the report over the window from the selected read models, prints it and ends the process.
    ///
    /// - Parameters:
    ///   - selection: The read models the report uses; only they are read and folded.
    ///   - report: Computes the report from the read models and the context.
    func print(
        from selection: ReadModels.Selection,
        _ report: (ReadModels, ReportContext) throws -> some TabularReport
    ) throws {
        try ReadModelQuery.answer(
            in: try window.window(),
            directory: data.directory,
            models: selection,
            notice: EngineOptions.commandLine().notice
        ) { models, context in
            let text = try output.format.render(try report(models, context))
            FileHandle.standardOutput.write(Data(text.utf8))
            Self.exit()
        }
    }
}

/// `rapport pipeline`: the sales pipeline.
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Print the sales pipeline: open deals by stage, owner and close period, forecast, won and lost."
    )

    @OptionGroup var query: ReadModelOptions

    func run() async throws {
        try query.print(from: PipelineModel.name) { models, context in models.pipeline.report(in: context) }
    }
}

/// `rapport backlog`: the case backlog.
struct BacklogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backlog",
        abstract: "Print the case backlog: open cases by priority, status and age, queues, service targets."
    )

    @OptionGroup var query: ReadModelOptions

    func run() async throws {
        try query.print(from: BacklogModel.name) { models, context in models.backlog.report(in: context) }
    }
}

/// `rapport funnel`: leads and campaigns.
struct FunnelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funnel",
        abstract: "Print the lead funnel and campaign results: leads by source and status, conversion, return."
    )

    @OptionGroup var query: ReadModelOptions

    func run() async throws {
        try query.print(from: FunnelModel.name) { models, context in models.funnel.report(in: context) }
    }
}

/// `rapport account ID`: the account 360 view.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Print an account's 360 view: profile, hierarchy, contacts, deals, cases, activities, totals."
    )

    @OptionGroup var query: ReadModelOptions

    @Argument(help: "The account's id.")
    var id: String

    func run() async throws {
        let accountId: RecordId
        do {
            accountId = try RecordId(id)
        } catch {
            throw ValidationError("ID: \(error)")
        }
        try query.print(from: .account(accountId)) { models, context in
            guard let report = models.accounts.report(for: accountId, in: context) else {
                throw RapportError(.invalidInput, "ID: there is no account \(accountId) in this window of the history")
            }
            return report
        }
    }
}
