import Hummingbird
import Rapport
import RapportLog

/// `GET /events/stream`: the log as server-sent events, from `from=` (by default the log's end: only new events)
/// or after the `Last-Event-ID` header, then live; filtered by `type=` and `category=` like `GET /events`.
struct EventStreamRoutes {
    let engine: Engine
    let options: ServerOptions
    let hub: StreamHub

    func add(to router: RouterGroup<ServerContext>) {
        router.get("events/stream") { request, context in
            let query = Query(request)
            let end = engine.log.endPosition
            let from = try query.number("from", in: 0...UInt64(Int64.max)) ?? end
            let start = try StreamStart(request, otherwise: from, field: "from", end: end)
            let filter = try EventFilter(types: query.list("type"), categories: query.list("category"))
            let tokenId = context.caller?.tokenId ?? ""
            return try hub.response(
                from: start,
                filter: filter,
                tokenId: tokenId,
                subscriber: "token:\(tokenId)",
                heartbeat: .seconds(options.heartbeatSeconds)
            )
        }
    }
}
