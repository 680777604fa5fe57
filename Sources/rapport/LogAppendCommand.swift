import ArgumentParser
import Foundation
import Rapport
import RapportLog

#if canImport(Glibc)
import Glibc
#endif

/// `rapport log append`: records from JSON lines on standard input.
struct LogAppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append records given as JSON lines on standard input.",
        discussion: """
            Each line is an object: {"stream": "account-1", "expectedVersion": "no_stream", "type": "AccountOpened", \
            "data": {...}} with optional "metadata" (object), "id" (UUID) and "occurredAt" (RFC 3339). \
            expectedVersion is "any" (the default), "no_stream", "stream_exists" or a number. One JSON line \
            {"position", "stream", "version"} is printed per record once it is durable. Each line is its own \
            append unless --atomic is given; the first bad line stops the command and writes nothing.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: "When a record counts as durable: fsync (each commit), batched (--sync-interval), none (at exit).")
    var durability: DurabilityChoice = .fsync

    @Option(help: "Milliseconds between syncs with --durability batched.")
    var syncInterval: Int = 10

    @Option(help: "The size at which a segment is sealed, in bytes or with a KiB, MiB or GiB suffix.")
    var segmentSize: ByteSize = ByteSize(bytes: LogOptions().segmentSize)

    @Flag(help: "Append all lines as one atomic append: all of them, or (on any error) none.")
    var atomic = false

    func validate() throws {
        guard syncInterval >= 1 else {
            throw ValidationError("--sync-interval must be at least 1 millisecond")
        }
        guard segmentSize.bytes >= 4096 else {
            throw ValidationError("--segment-size must be at least 4096 bytes")
        }
    }

    func run() async throws {
        // A file-size limit must surface as a failed write the log rolls back, not kill the process mid-write.
        signal(SIGXFSZ, SIG_IGN)
        var options = LogOptions(segmentSize: segmentSize.bytes)
        options.durability = durability.durability(syncInterval: syncInterval)
        let log = try EventLog.open(directory: data.directory, options: options)
        let appender = LineAppender(log: log)
        let nextLine = { readLine(strippingNewline: true) }
        // Written straight to the descriptor, unbuffered: a record's line is out the moment it is durable.
        let acknowledge: @Sendable (String) -> Void = { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        do {
            if atomic {
                try await appender.appendAtomically(from: nextLine, acknowledge: acknowledge)
            } else {
                try await appender.appendEach(from: nextLine, acknowledge: acknowledge)
            }
        } catch {
            await log.close()
            throw error
        }
        await log.close()
    }
}

/// The `--durability` choices.
enum DurabilityChoice: String, ExpressibleByArgument, CaseIterable {
    case fsync, batched, none

    func durability(syncInterval: Int) -> Durability {
        switch self {
        case .fsync: .fsync
        case .batched: .batched(milliseconds: syncInterval)
        case .none: .none
        }
    }
}
