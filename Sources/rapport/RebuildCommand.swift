import ArgumentParser
import Foundation
import Rapport
import RapportProjections

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rapport rebuild`: folds read models again from zero.
struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild read models from zero over the whole log, then take a snapshot.",
        discussion: """
            Shows a progress bar on a terminal and ends with one line: the models, the events folded and the \
            events per second. The read models: \(ReadModels.names.joined(separator: ", ")).
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: ArgumentHelp("Rebuild only this read model (repeatable); all of them by default.", valueName: "name"))
    var model: [String] = []

    func run() async throws {
        let engine = try await Engine.open(directory: data.directory, options: .commandLine())
        let names = model.isEmpty ? Set(ReadModels.names) : Set(model)
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let outcome: (events: UInt64, duration: Duration)
        do {
            outcome = try engine.rebuild(models: names, progress: bar.show)
            bar.finish()
            try await engine.takeSnapshot()
        } catch {
            bar.finish()
            await engine.close()
            throw error
        }
        await engine.close()
        let seconds =
            Double(outcome.duration.components.seconds)
            + Double(outcome.duration.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(outcome.events) / seconds : 0
        print(
            "rebuilt \(names.sorted().joined(separator: ", ")) over \(outcome.events) events in "
                + String(format: "%.2f s (%.0f events/s)", seconds, rate)
        )
        Self.endAfterClosingEngine()
    }
}

/// A one-line progress bar on standard error, redrawn in place.
struct ProgressBar {
    /// Whether standard error is a terminal; without one nothing is drawn.
    let enabled: Bool

    /// Draws the bar for `done` of `total`.
    func show(_ done: UInt64, _ total: UInt64) {
        guard enabled, total > 0 else { return }
        let width = 40
        let filled = Int(Double(done) / Double(total) * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = Int(Double(done) * 100 / Double(total))
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)% \(done)/\(total) events".utf8))
    }

    /// Ends the bar's line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
