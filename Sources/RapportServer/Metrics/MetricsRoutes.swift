import Hummingbird
import NIOCore
import Rapport

/// `GET /metrics`: the server's metrics in the Prometheus text format.
struct MetricsRoutes {
    let engine: Engine
    let metrics: ServerMetrics
    let hub: StreamHub

    /// The media type of the Prometheus text format.
    static let mediaType = "text/plain; version=0.0.4; charset=utf-8"

    func add(to router: RouterGroup<ServerContext>) {
        router.get("metrics") { _, _ in
            let text = metrics.exposition(engine: engine, streams: hub.lags)
            return Response(
                status: .ok,
                headers: [.contentType: Self.mediaType],
                body: .init(byteBuffer: ByteBuffer(bytes: text))
            )
        }
    }
}
