import ArgumentParser
import Foundation
import Rapport
import RapportLog

/// `rapport import`: loads CSV files through the command path, as a mapping file describes.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load CSV files through the command path, as a mapping file describes, and reconcile them.",
        discussion: """
            Every row becomes the commands that bring the log to what it says, validated like any command, with \
            the row's business times and its provenance (batch, file, row). Re-running appends nothing; a changed \
            row appends only the change. Each file gets a success file and an error file (the input row with the \
            error code and message) in --out. The summary reconciles each file: rows read = created + updated + \
            unchanged + failed + skipped, and the amounts of the source against the log. See docs/IMPORT.md.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: ArgumentHelp("The mapping file (JSON or YAML).", valueName: "file"))
    var mapping: String

    @Option(help: ArgumentHelp("The directory holding the mapping's CSV files.", valueName: "dir"))
    var source = "."

    @Option(
        help: ArgumentHelp("Where the success and error files go (default: <data>/imports/<batch>).", valueName: "dir")
    )
    var out: String?

    @Flag(
        name: .customLong("dry-run"),
        help: "Check every row against the state the earlier rows would leave; write nothing to the log."
    )
    var dryRun = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() async throws {
        let mapping = try ImportMapping.load(self.mapping)
        var options = EngineOptions.commandLine()
        options.log.durability = .none
        options.snapshotInterval = 0
        options.snapshotOnClose = !dryRun
        let engine = try await Engine.open(directory: data.directory, options: options)
        let batchId = Self.batchId()
        let output = out ?? (data.directory as NSString).appendingPathComponent("imports/\(batchId)")
        let showsProgress = isatty(STDERR_FILENO) == 1
        let importOptions = ImportOptions(
            sourceDirectory: source,
            outputDirectory: output,
            dryRun: dryRun,
            batchId: batchId
        ) { file, done, total in
            guard showsProgress else { return }
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            FileHandle.standardError.write(Data("\r\(file) [\(bar)] \(done)/\(total) rows\u{1B}[K".utf8))
        }
        let summary: ImportSummary
        do {
            summary = try await Importer.run(mapping, into: engine, options: importOptions)
        } catch {
            await engine.close()
            throw error
        }
        await engine.close()
        if showsProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        print(json ? summary.json : summary.text)
        Self.endAfterClosingEngine(failed: !summary.balanced)
    }

    /// A fresh batch id: the time in UTC and four random hexadecimal digits, e.g. `import-20260301T090000Z-4f2a`.
    private static func batchId() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
        return "import-\(formatter.string(from: Date()))-\(String(repeating: "0", count: 4 - suffix.count))\(suffix)"
    }
}
