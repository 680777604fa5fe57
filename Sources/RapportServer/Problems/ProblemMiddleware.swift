import Hummingbird
import Logging

/// Turns every error thrown below it into an RFC 9457 problem answer, and logs those that are the server's
/// own fault (5xx).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(
        _ request: Request,
        context: ServerContext,
        next: (Request, ServerContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem.answering(error)
            if problem.status.kind == .serverError {
                context.logger.error(
                    "request failed",
                    metadata: ["path": "\(request.uri.path)", "code": "\(problem.code)", "detail": "\(problem.detail)"]
                )
            }
            return try problem.response(from: request, context: context)
        }
    }
}
