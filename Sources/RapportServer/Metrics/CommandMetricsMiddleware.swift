import Hummingbird

/// Counts `POST /commands` requests by outcome: `accepted` (201), `refused` with the problem's code (a 4xx, e.g.
/// `version_conflict`), or `failed` with its code (a 5xx, the server's fault). A list of commands counts once.
struct CommandMetricsMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// Where outcomes are counted.
    let metrics: ServerMetrics

    func handle(
        _ request: Request,
        context: ServerContext,
        next: (Request, ServerContext) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            let accepted = response.status.kind == .successful
            metrics.countCommandRequest(
                outcome: accepted ? "accepted" : "refused",
                code: accepted ? "" : String(response.status.code)
            )
            return response
        } catch {
            let problem = Problem.answering(error)
            let outcome = problem.status.kind == .serverError ? "failed" : "refused"
            metrics.countCommandRequest(outcome: outcome, code: problem.code)
            throw error
        }
    }
}
