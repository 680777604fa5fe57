import Foundation
import Hummingbird
import Rapport
import RapportCRM
import RapportProjections
import RapportTime

/// The read models: `GET /pipeline`, `GET /cases/backlog`, `GET /funnel`, `GET /accounts/{id}`, live or in a
/// time window given by `at=` (log position), `knownAt=` (record time) and `asOf=` (business time).
struct ReadModelRoutes {
    let engine: Engine

    func add(to router: RouterGroup<ServerContext>) {
        router.get("pipeline") { request, _ in
            try answer(request, from: ReadModels.Selection([PipelineModel.name])) { models, context in
                models.pipeline.report(in: context)
            }
        }
        router.get("cases/backlog") { request, _ in
            try answer(request, from: ReadModels.Selection([BacklogModel.name])) { models, context in
                models.backlog.report(in: context)
            }
        }
        router.get("funnel") { request, _ in
            try answer(request, from: ReadModels.Selection([FunnelModel.name])) { models, context in
                models.funnel.report(in: context)
            }
        }
        router.get("accounts/{id}") { request, context in
            let id = try Self.recordId(context.parameters.get("id") ?? "")
            return try answer(request, from: .account(id)) { models, context in
                guard let report = models.accounts.report(for: id, in: context) else {
                    throw Problem(
                        .notFound,
                        code: "account_not_found",
                        "there is no account \(id) in this window of the history",
                        field: "id"
                    )
                }
                return report
            }
        }
    }

    /// Renders one read model's report in the request's time window, folding only that model (for an account,
    /// only what its report needs).
    private func answer(
        _ request: Request,
        from selection: ReadModels.Selection,
        _ report: (ReadModels, ReportContext) throws -> some TabularReport
    ) throws -> Response {
        let window = try Self.window(Query(request))
        let json = try engine.withReadModels(in: window, models: selection) { models, context in
            try ReportFormat.json.render(try report(models, context))
        }
        return JSONResponse.text(json)
    }

    /// The time window a query names with `at`, `knownAt` and `asOf`.
    ///
    /// - Parameter query: The query.
    /// - Returns: The window; the live one when none is given.
    /// - Throws: ``Problem`` 400 `invalid_query` naming the parameter.
    static func window(_ query: Query) throws -> TimeWindow {
        TimeWindow(
            at: try query.number("at", in: 0...UInt64(Int64.max)),
            knownAt: try moment(query, "knownAt"),
            asOf: try moment(query, "asOf")
        )
    }

    private static func moment(_ query: Query, _ name: String) throws -> Timestamp? {
        guard let text = query.text(name) else { return nil }
        guard let moment = Timestamp(momentOrDay: text) else {
            throw Problem(
                .badRequest,
                code: "invalid_query",
                "\(name) must be an RFC 3339 time such as 2026-03-01T09:00:00Z or a date such as 2026-03-01",
                field: name
            )
        }
        return moment
    }

    /// Reads a record id from the path.
    ///
    /// - Parameter text: The path segment.
    /// - Returns: The id.
    /// - Throws: ``Problem`` 400 `invalid_id`.
    static func recordId(_ text: String) throws -> RecordId {
        do {
            return try RecordId(text)
        } catch let refusal as DomainError {
            throw Problem(.badRequest, code: refusal.code.description, refusal.message, field: "id")
        }
    }
}
