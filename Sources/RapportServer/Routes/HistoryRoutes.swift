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
            let trail: AuditTrail
            do {
                trail = try AuditTrail.history(of: stream, in: engine.log)
            } catch let failure as RapportError where failure.code == .streamNotFound {
                throw Problem(.notFound, code: "stream_not_found", "stream \(stream) does not exist", field: "id")
            }
            return try answer(trail, request)
        }
        router.get("accounts/{id}/history") { request, context in
            let id = try ReadModelRoutes.recordId(context.parameters.get("id") ?? "")
            let trail: AuditTrail
            do {
                trail = try AuditTrail.history(ofAccount: id, in: engine.log)
            } catch let failure as RapportError where failure.code == .streamNotFound {
                throw Problem(.notFound, code: "account_not_found", "there is no account \(id)", field: "id")
            }
            return try answer(trail, request)
        }
    }

    private func answer(_ trail: AuditTrail, _ request: Request) throws -> Response {
        let window = try ReadModelRoutes.window(Query(request))
        var bounded = trail
        bounded.entries.removeAll { entry in
            if let at = window.at, entry.position > at { return true }
            if let knownAt = window.knownAt, entry.recordedAt > knownAt { return true }
            if let asOf = window.asOf, entry.occurredAt > asOf { return true }
            return false
        }
        return try JSONResponse.text(try ReportFormat.json.render(bounded))
    }
}
