import Hummingbird
import Rapport
import RapportCRM
import RapportLog

/// `GET /events` (the log in order, filtered) and `GET /streams/{id}` (one record's events), in CloudEvents
/// JSON.
struct EventRoutes {
    let engine: Engine
    let options: ServerOptions

    func add(to router: RouterGroup<ServerContext>) {
        router.get("events") { request, _ in
            let query = Query(request)
            let from = try query.number("from", in: 0...UInt64(Int64.max)) ?? 0
            let limit = try query.number("limit", in: 1...UInt64(options.maximumPageEvents)) ?? 100
            let filter = try EventFilter(types: query.list("type"), categories: query.list("category"))
            let page = try EventPage(
                log: engine.log,
                from: from,
                limit: Int(limit),
                filter: filter,
                keys: engine.keys
            )
            return CloudEventBatch.response(page.events, next: page.next)
        }
        router.get("streams/{id}") { request, context in
            let query = Query(request)
            let stream = try Self.streamName(context.parameters.get("id") ?? "")
            let fromVersion = try query.number("fromVersion", in: 1...UInt64(Int64.max)) ?? 1
            let limit = try query.number("limit", in: 1...UInt64(options.maximumPageEvents)) ?? 1000
            let records: [LogRecord]
            do {
                records = try engine.log.readStream(stream.description, fromVersion: fromVersion, limit: Int(limit))
            } catch let error as LogError where error.code == .streamNotFound {
                throw Problem(.notFound, code: "stream_not_found", "stream \(stream) does not exist", field: "id")
            }
            let events = try records.map { try EventReading.event(in: $0, keys: engine.keys) }
            let next = (events.last?.streamVersion).map { $0 + 1 } ?? fromVersion
            return CloudEventBatch.response(events, next: next, header: CloudEventBatch.nextVersionHeader)
        }
    }

    /// Reads a stream name from the path.
    ///
    /// - Parameter text: The path segment, e.g. `account-a1`.
    /// - Returns: The stream.
    /// - Throws: ``Problem`` 400 `invalid_stream_name`.
    static func streamName(_ text: String) throws -> StreamName {
        do {
            return try StreamName(parsing: text)
        } catch let refusal as DomainError {
            throw Problem(.badRequest, code: refusal.code.description, refusal.message, field: "id")
        }
    }
}
