import Metrics
import Prometheus
import Rapport
import RapportLog
import RapportTime
import Synchronization

/// The metrics of one server, in a Prometheus registry of its own (no global metrics system, so that many servers
/// can run in one process), made through swift-metrics with a ``PrometheusMetricsFactory`` over that registry.
///
/// Counters and the fsync histogram are updated as things happen; the gauges that describe a state (log end, read
/// model lag, snapshot age, open streams and each one's lag) are set when the metrics are read.
final class ServerMetrics: Sendable {
    /// The registry the metrics live in.
    let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    /// Events appended to the log while the server ran.
    let eventsAppended: CoreMetrics.Counter
    /// How long each sync of a group commit took.
    let fsyncDuration: CoreMetrics.Timer
    private let logEnd: CoreMetrics.Gauge
    private let readModelLag: CoreMetrics.Gauge
    private let snapshotAge: CoreMetrics.Gauge
    private let openStreams: CoreMetrics.Gauge
    private let counters = Mutex<[CounterKey: CoreMetrics.Counter]>([:])
    private let streamLags = Mutex<[String: CoreMetrics.Gauge]>([:])

    private struct CounterKey: Hashable {
        var label: String
        var dimensions: [String]
    }

    /// The names of the metrics, as they appear in the text format.
    enum Name {
        static let eventsAppended = "rapport_events_appended_total"
        static let fsyncDuration = "rapport_fsync_duration_seconds"
        static let commandRequests = "rapport_command_requests_total"
        static let httpRequests = "rapport_http_requests_total"
        static let logEnd = "rapport_log_end_position"
        static let readModelLag = "rapport_read_model_lag_events"
        static let snapshotAge = "rapport_snapshot_age_seconds"
        static let openStreams = "rapport_event_streams_open"
        static let streamLag = "rapport_event_stream_lag_events"
    }

    /// Creates the metrics in a new registry.
    init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[Name.fsyncDuration] = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
            .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .seconds(1),
        ]
        self.registry = registry
        self.factory = factory
        eventsAppended = CoreMetrics.Counter(label: Name.eventsAppended, factory: factory)
        fsyncDuration = CoreMetrics.Timer(label: Name.fsyncDuration, factory: factory)
        logEnd = CoreMetrics.Gauge(label: Name.logEnd, factory: factory)
        readModelLag = CoreMetrics.Gauge(label: Name.readModelLag, factory: factory)
        snapshotAge = CoreMetrics.Gauge(label: Name.snapshotAge, factory: factory)
        openStreams = CoreMetrics.Gauge(label: Name.openStreams, factory: factory)
    }

    /// Counts one answered HTTP request.
    ///
    /// - Parameter status: Its status code.
    func countRequest(status: Int) {
        counter(Name.httpRequests, [("status", String(status))]).increment()
    }

    /// Counts one answered `POST /commands` request by its outcome: `accepted`, `refused` (with the problem's
    /// code) or `failed` (the server's fault).
    ///
    /// - Parameters:
    ///   - outcome: The outcome.
    ///   - code: The refusal's or failure's code; empty when accepted.
    func countCommandRequest(outcome: String, code: String) {
        counter(Name.commandRequests, [("outcome", outcome), ("code", code)]).increment()
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Counter {
        let key = CounterKey(label: label, dimensions: dimensions.flatMap { [$0.0, $0.1] })
        return counters.withLock { counters in
            if let counter = counters[key] {
                return counter
            }
            let counter = CoreMetrics.Counter(label: label, dimensions: dimensions, factory: factory)
            counters[key] = counter
            return counter
        }
    }

    /// Sets the gauges that describe the state now, then writes every metric in the Prometheus text format.
    ///
    /// - Parameters:
    ///   - engine: The engine served.
    ///   - streams: The open event streams, each with its subscriber's label and its lag.
    /// - Returns: The text.
    func exposition(engine: Engine, streams: [(subscriber: String, lag: UInt64)]) -> [UInt8] {
        logEnd.record(Int64(clamping: engine.log.endPosition))
        readModelLag.record(Int64(clamping: engine.projectionLag))
        let newest = engine.snapshotListings().compactMap { $0.header?.createdAt }.max()
        if let newest {
            let age = Double(Timestamp.now().microsecondsSinceEpoch - newest.microsecondsSinceEpoch) / 1_000_000
            snapshotAge.record(max(0, age))
        } else {
            snapshotAge.record(-1)
        }
        openStreams.record(streams.count)
        var lags: [String: UInt64] = [:]
        for stream in streams {
            lags[stream.subscriber] = max(lags[stream.subscriber] ?? 0, stream.lag)
        }
        streamLags.withLock { gauges in
            for (subscriber, gauge) in gauges where lags[subscriber] == nil {
                gauge.destroy()
                gauges[subscriber] = nil
            }
            for (subscriber, lag) in lags {
                let gauge =
                    gauges[subscriber]
                    ?? CoreMetrics.Gauge(
                        label: Name.streamLag,
                        dimensions: [("subscriber", subscriber)],
                        factory: factory
                    )
                gauges[subscriber] = gauge
                gauge.record(Int64(clamping: lag))
            }
        }
        return registry.emitToBuffer()
    }
}
