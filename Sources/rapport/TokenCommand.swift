import ArgumentParser
import Foundation
import RapportServer

/// `rapport token`: the server's access tokens.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage the server's access tokens.",
        subcommands: [TokenCreateCommand.self]
    )
}

/// `rapport token create --role R`: prints a new token once and stores only its hash.
struct TokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an access token; it is printed once, and only its SHA-256 is stored.",
        discussion: """
            Roles: writer (commands), analyst (read models), auditor (history, events, verify), subscriber \
            (event stream, subscriptions), admin (everything, and snapshots). A running server accepts the new \
            token within a second.
            """
    )

    @OptionGroup var tokens: TokensFileOptions

    @Option(help: "What the token may do: writer, analyst, auditor, subscriber or admin.")
    var role: String

    @Option(help: "What the token is for (kept in the tokens file).")
    var label: String?

    func run() async throws {
        guard let role = Role(rawValue: role) else {
            let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--role must be one of \(roles), not \"\(self.role)\"")
        }
        let created = try TokenFile(path: tokens.path).create(role: role, label: label)
        print(created.token)
        FileHandle.standardError.write(
            Data("created \(role.rawValue) token \(created.record.id); its hash is in \(tokens.path)\n".utf8)
        )
    }
}

/// Where the tokens file is: `--tokens FILE`, else `tokens.json` in the data directory.
struct TokensFileOptions: ParsableArguments {
    @OptionGroup var data: DataDirectoryOptions

    @Option(
        name: .customLong("tokens"),
        help: ArgumentHelp("The tokens file (default: tokens.json in the data directory).", valueName: "file")
    )
    var explicitPath: String?

    /// The tokens file's path.
    var path: String {
        explicitPath ?? (data.directory as NSString).appendingPathComponent("tokens.json")
    }
}
