import ArgumentParser

/// `ServerLoad`: measures a running `rapport serve` from outside, the way services use it.
@main
struct ServerLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ServerLoad",
        abstract: "Measure a running rapport server's event stream: live delivery latency and catch-up rate.",
        subcommands: [DeliveryCommand.self, CatchUpCommand.self]
    )
}

/// Where the server is and the token to use.
struct ServerOptions: ParsableArguments, Sendable {
    @Option(help: "The server's base URL.")
    var url = "http://127.0.0.1:8080"

    @Option(help: "A bearer token with the subscriber and writer roles (admin).")
    var token: String
}
