import Hummingbird

/// Counts every answered request by its status, outside the problem middleware so that refusals are counted with
/// the status they were answered with.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// Where requests are counted.
    let metrics: ServerMetrics

    func handle(
        _ request: Request,
        context: ServerContext,
        next: (Request, ServerContext) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            metrics.countRequest(status: response.status.code)
            return response
        } catch {
            metrics.countRequest(status: Problem.answering(error).status.code)
            throw error
        }
    }
}
