import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Rapport
import RapportCRM

/// `POST /commands`: one command, or a JSON array of commands run in order, answered once their events are
/// durable.
struct CommandRoutes {
    let engine: Engine
    let options: ServerOptions

    func add(to router: RouterGroup<ServerContext>) {
        router.post("commands") { request, context in
            try await run(request, context: context)
        }
    }

    private func run(_ request: Request, context: ServerContext) async throws -> Response {
        var request = request
        let body = Data(try await request.collectBody(upTo: options.maximumBodyBytes).readableBytesView)
        let idempotencyKey = try IdempotencyKey(request.headers[HTTPField.Name("Idempotency-Key")!])
        guard let first = body.first(where: { !Self.isSpace($0) }) else {
            throw Problem(.badRequest, code: "malformed_command", "the request body is empty; send a command")
        }
        if first == UInt8(ascii: "[") {
            var envelopes = try CommandEnvelope.decodeList(json: body)
            guard !envelopes.isEmpty else {
                throw Problem(.badRequest, code: "malformed_command", "the list of commands is empty")
            }
            guard envelopes.count <= options.maximumBatchCommands else {
                throw Problem(
                    .contentTooLarge,
                    code: "batch_too_large",
                    "the list holds \(envelopes.count) commands; at most \(options.maximumBatchCommands) are allowed"
                )
            }
            for index in envelopes.indices {
                try Self.checkRole(for: envelopes[index], context: context)
                try idempotencyKey?.assign(to: &envelopes[index], index: index)
            }
            let results = try await CommandBatch(engine: engine).run(envelopes)
            return Self.created(CommandResponse.json(results.map(CommandResponse.init)))
        }
        var envelope = try CommandEnvelope.decode(json: body)
        try Self.checkRole(for: envelope, context: context)
        try idempotencyKey?.assign(to: &envelope, index: nil)
        return Self.created(CommandResponse(try await engine.execute(envelope)).json())
    }

    /// The commands that erase a person's personal data for good, which only an admin may send.
    private static let adminCommands: Set<String> = [ForgetContact.commandType, ForgetLead.commandType]

    /// Refuses a command the caller's role may not send: the forgetting commands need `admin`.
    ///
    /// - Throws: ``Problem`` 403 `forbidden`, naming the command type.
    private static func checkRole(for envelope: CommandEnvelope, context: ServerContext) throws {
        let type = envelope.command.commandType
        guard adminCommands.contains(type), context.caller?.role != .admin else { return }
        throw Problem(
            .forbidden,
            code: "forbidden",
            "\(type) erases a person's personal data for good; it needs an admin token, not a "
                + "\(context.caller?.role.rawValue ?? "missing") one"
        )
    }

    private static func created(_ json: [UInt8]) -> Response {
        JSONResponse.bytes(json, status: .created)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
