import Foundation
import Hummingbird
import Rapport
import RapportLog

/// Durable named subscriptions: `POST /subscriptions/{name}/ack` stores the last position processed,
/// `GET /subscriptions/{name}` shows it, `GET /subscriptions/{name}/stream` streams the events after it (or after the
/// `Last-Event-ID` header) as server-sent events, with the filters of `GET /events/stream`.
struct SubscriptionRoutes {
    let engine: Engine
    let options: ServerOptions
    let hub: StreamHub
    let store: SubscriptionStore

    /// The largest ack body accepted.
    static let maximumAckBytes = 4096

    func add(to router: RouterGroup<ServerContext>) {
        router.post("subscriptions/{name}/ack") { request, context in
            let name = try SubscriptionName(context.parameters.get("name") ?? "")
            var request = request
            let body = Data(try await request.collectBody(upTo: Self.maximumAckBytes).readableBytesView)
            let ack = try AckRequest.parse(body)
            let checkpoint = try store.acknowledge(ack, for: name, end: engine.log.endPosition)
            return try JSONResponse.make(checkpoint)
        }
        router.get("subscriptions/{name}") { _, context in
            let name = try SubscriptionName(context.parameters.get("name") ?? "")
            guard let checkpoint = try store.checkpoint(of: name) else {
                throw Problem(
                    .notFound,
                    code: "subscription_not_found",
                    "subscription \(name) has acknowledged nothing yet",
                    field: "name"
                )
            }
            return try JSONResponse.make(checkpoint)
        }
        router.get("subscriptions/{name}/stream") { request, context in
            let name = try SubscriptionName(context.parameters.get("name") ?? "")
            let query = Query(request)
            let filter = try EventFilter(types: query.list("type"), categories: query.list("category"))
            let resume = try store.checkpoint(of: name).map { $0.position + 1 } ?? 0
            let start = try StreamStart(request, otherwise: resume, field: "checkpoint", end: engine.log.endPosition)
            return try hub.response(
                from: start,
                filter: filter,
                tokenId: context.caller?.tokenId ?? "",
                subscriber: "subscription:\(name)",
                heartbeat: .seconds(options.heartbeatSeconds)
            )
        }
    }
}
