import ArgumentParser
import Foundation
import Rapport

/// `rapport keys`: backs up and restores the key store of personal data.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Back up and restore the key store that encrypts personal data (docs/PRIVACY.md).",
        subcommands: [KeysBackupCommand.self, KeysRestoreCommand.self]
    )
}

/// `rapport keys backup`: writes a checked copy of the key store.
struct KeysBackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a checked copy of the key store to a file.",
        discussion: """
            Without the key store, personal fields in the log cannot be read. The copy holds the keys of every \
            person not forgotten when it is taken: keep it as safe as the data itself. Runs beside a server.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: ArgumentHelp("The backup file to write.", valueName: "file"))
    var out: String

    @Flag(help: "Replace the file when it exists.")
    var replace = false

    func run() async throws {
        let store = try SubjectKeyStore.openForReading(dataDirectory: data.directory)
        defer { store.close() }
        try store.backup(to: out, replacing: replace)
        print("backed up \(store.liveCount) keys and \(store.destroyedCount) erasures to \(out)")
    }
}

/// `rapport keys restore`: puts a backup back, keeping every erasure.
struct KeysRestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore the key store from a backup, keeping every erasure made since.",
        discussion: """
            A person the log records as forgotten, or whose key the current store destroyed, stays forgotten: \
            a restore never brings an erased value back. No server may run on the data directory meanwhile.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: ArgumentHelp("The backup file, as `rapport keys backup` wrote it.", valueName: "file"))
    var from: String

    @Flag(help: "Print what was restored as JSON.")
    var json = false

    func run() async throws {
        let report = try await KeyStoreRestoration.restore(from: from, into: data.directory) { line in
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(
                "restored \(report.liveKeys) keys; \(report.destroyedSubjects) persons stay erased "
                    + "(\(report.forgottenInBackup) forgotten since the backup); current store \(report.currentStore.rawValue)"
            )
        }
    }
}
