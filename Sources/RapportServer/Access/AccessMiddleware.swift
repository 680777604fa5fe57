import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Admits a request only with a known bearer token whose role the endpoint admits: 401 without a valid token,
/// 403 with the wrong role. `admin` is admitted everywhere.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// The tokens accepted.
    let tokens: TokenRegistry
    /// The roles admitted, besides `admin`.
    let admitted: Set<Role>

    func handle(
        _ request: Request,
        context: ServerContext,
        next: (Request, ServerContext) async throws -> Response
    ) async throws -> Response {
        guard let token = Self.bearerToken(in: request.headers) else {
            throw Self.unauthorized("this endpoint needs an Authorization: Bearer token")
        }
        guard let caller = tokens.caller(presenting: token) else {
            throw Self.unauthorized("the bearer token is not known")
        }
        guard caller.role == .admin || admitted.contains(caller.role) else {
            let roles = admitted.map(\.rawValue).sorted().joined(separator: ", ")
            throw Problem(
                .forbidden,
                code: "forbidden",
                "a \(caller.role.rawValue) token may not use this endpoint; it needs one of: \(roles), admin"
            )
        }
        var context = context
        context.caller = caller
        context.logger[metadataKey: "token"] = "\(caller.tokenId)"
        return try await next(request, context)
    }

    private static func bearerToken(in headers: HTTPFields) -> String? {
        headers[.authorization].flatMap(BearerToken.parse)
    }

    private static func unauthorized(_ detail: String) -> Problem {
        var problem = Problem(.unauthorized, code: "unauthorized", detail)
        problem.headers[.wwwAuthenticate] = "Bearer realm=\"rapport\""
        return problem
    }
}
