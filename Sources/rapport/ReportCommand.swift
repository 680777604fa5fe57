import ArgumentParser
import Foundation
import Rapport

/// `rapport report`: the static HTML dashboard.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML dashboard (index.html with inline SVG charts) into a folder.",
        discussion: """
            Pipeline by stage, forecast by category, won revenue per month, win rate trend, case backlog by age \
            and priority, SLA breaches per week and top accounts, from the read models over the window given \
            (--as-of for a business time). Viewing it needs no network and no script. See docs/REPORT.md.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @OptionGroup var window: TimeWindowOptions

    @Option(help: ArgumentHelp("The folder to write index.html into (created when missing).", valueName: "dir"))
    var out: String

    func run() async throws {
        let path = try Dashboard.write(
            directory: data.directory,
            window: try window.window(),
            to: out,
            notice: EngineOptions.commandLine().notice
        )
        print(path)
    }
}
