import Hummingbird
import Rapport
import RapportCRM
import RapportLog
import RapportProjections

/// The audit trail: `GET /streams/{id}/history` and `GET /accounts/{id}/history`, every event with who, when,
/// why and what changed, bounded by the same `at`, `knownAt` and `asOf` as the read models.
struct HistoryRoutes {
    let engine: Engine

    func add(to router: RouterGroup<ServerContext>) {
        router.get("streams/{id}/history") { request, context in
            let stream = try EventRoutes.streamName(context.parameters.get("id") ?? "")
            let window = try ReadModelRoutes.window(Query(request))
            do {
                return try answer(try AuditTrail.history(of: stream, within: window, in: engine.log, keys: engine.keys))
            } catch let failure as RapportError where failure.code == .streamNotFound {
                throw Problem(.notFound, code: "stream_not_found", "stream \(stream) does not exist", field: "id")
            }
        }
        router.get("accounts/{id}/history") { request, context in
            let id = try ReadModelRoutes.recordId(context.parameters.get("id") ?? "")
            let window = try ReadModelRoutes.window(Query(request))
            do {
                return try answer(
                    try AuditTrail.history(ofAccount: id, within: window, in: engine.log, keys: engine.keys)
                )
            } catch let failure as RapportError where failure.code == .streamNotFound {
                throw Problem(.notFound, code: "account_not_found", "there is no account \(id)", field: "id")
            }
        }
    }

    private func answer(_ trail: AuditTrail) throws -> Response {
        JSONResponse.text(try ReportFormat.json.render(trail))
    }
}
