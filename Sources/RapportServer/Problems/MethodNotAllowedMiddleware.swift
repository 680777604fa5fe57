import HTTPTypes
import Hummingbird
import Yams

/// Answers `405 method_not_allowed`, with an `Allow` header, to a request whose path is one the API document
/// (schemas/openapi.yaml, the one served at `/openapi.yaml`) lists but whose method it does not list for that
/// path, whatever the method; the router alone answers such a request 404.
///
/// The paths and their methods are read from the document itself, so the answers can not drift from it.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// A documented path: its segments (`nil` for a `{parameter}`) and the methods the document lists for it.
    struct DocumentedPath: Sendable {
        var template: String
        var segments: [String?]
        var methods: [String]

        /// Whether a request path is this one, a parameter matching any one non-empty segment.
        func matches(_ path: Substring) -> Bool {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            guard parts.count == segments.count else { return false }
            return zip(parts, segments).allSatisfy { part, segment in
                segment.map { part == $0 } ?? !part.isEmpty
            }
        }
    }

    /// The documented paths, in the document's order.
    static let documented: [DocumentedPath] = {
        guard let root = try? Yams.compose(yaml: OpenAPIDocument.yaml), let paths = root["paths"]?.mapping else {
            preconditionFailure("the embedded API document has no paths")
        }
        let known = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]
        return paths.compactMap { key, operations in
            guard let template = key.string, let operations = operations.mapping else { return nil }
            let listed = Set(operations.keys.compactMap { $0.string?.uppercased() })
            let segments = template.split(separator: "/").map { segment -> String? in
                segment.hasPrefix("{") && segment.hasSuffix("}") ? nil : String(segment)
            }
            return DocumentedPath(template: template, segments: segments, methods: known.filter(listed.contains))
        }
    }()

    func handle(
        _ request: Request,
        context: ServerContext,
        next: (Request, ServerContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path
            guard let documented = Self.documented.first(where: { $0.matches(Substring(path)) }),
                !documented.methods.contains(request.method.rawValue)
            else { throw error }
            let allow = documented.methods.joined(separator: ", ")
            var problem = Problem(
                .methodNotAllowed,
                code: "method_not_allowed",
                "\(request.method.rawValue) is not a method of \(documented.template); it takes \(allow)"
            )
            problem.headers[.allow] = allow
            throw problem
        }
    }
}
