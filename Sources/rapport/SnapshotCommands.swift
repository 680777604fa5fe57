import ArgumentParser
import Foundation
import Rapport

/// `rapport snapshot`: takes a snapshot now.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Take a snapshot of the read models, the decision state and the command results now."
    )

    @OptionGroup var data: DataDirectoryOptions

    func run() async throws {
        var options = EngineOptions.commandLine()
        options.snapshotOnClose = false
        let engine = try await Engine.open(directory: data.directory, options: options)
        let header: SnapshotHeader
        do {
            header = try await engine.takeSnapshot()
        } catch {
            await engine.close()
            throw error
        }
        await engine.close()
        print("snapshot at position \(header.position)")
        Self.endAfterClosingEngine()
    }
}

/// `rapport snapshots`: lists the snapshots.
struct SnapshotsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshots",
        abstract: "List the data directory's snapshots, newest first, with the read model versions they hold.",
        discussion: "A snapshot that is damaged is listed with what is wrong; opening skips it."
    )

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var output: ReportFormatOptions

    func run() async throws {
        let listing = SnapshotListing(directory: data.directory)
        FileHandle.standardOutput.write(Data(try output.format.render(listing).utf8))
    }
}
