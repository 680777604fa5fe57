import Hummingbird
import NIOCore

/// `GET /openapi.yaml`: the OpenAPI 3.1 description of this API (schemas/openapi.yaml, compiled in), for any
/// holder of a valid token.
struct OpenAPIRoute {
    /// The media type of the document (RFC 9512).
    static let mediaType = "application/yaml"

    func add(to router: RouterGroup<ServerContext>) {
        router.get("openapi.yaml") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: Self.mediaType],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml))
            )
        }
    }
}
