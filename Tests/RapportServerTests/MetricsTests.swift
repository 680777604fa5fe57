import Foundation
import HTTPTypes
import HummingbirdTesting
import Rapport
import RapportLog
import Testing

@testable import RapportServer

/// `GET /metrics`: each metric in the Prometheus text format, with values checked against what the test did.
struct MetricsTests {
    /// The value of one sample line, e.g. `rapport_log_end_position 3`.
    static func value(of sample: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(sample + " ") {
            return Double(line.dropFirst(sample.count + 1))
        }
        return nil
    }

    @Test(.timeLimit(.minutes(1)))
    func metricsReportAppendsSyncsCommandsRequestsStreamsAndLags() async throws {
        try await LiveServer.run(durability: .fsync, configure: { $0.heartbeatSeconds = 0.05 }) { server in
            for id in ["m1", "m2", "m3"] {
                #expect(
                    try await server.send(.post, "/commands", as: .writer, body: SampleCommands.openAccount(id)).status
                        == .created
                )
            }
            let conflict = try await server.send(
                .post,
                "/commands",
                as: .writer,
                body: SampleCommands.renameAccount("m1", to: "X", expectedVersion: 7)
            )
            #expect(conflict.status == .conflict)
            let reader = try await server.stream("/subscriptions/audit/stream?type=NoSuchType")
            _ = try await reader.next()
            #expect(await LiveServer.eventually { server.server.hub.lags.first?.lag == 0 })
            let appended = try await LiveServer.eventually {
                let text = try await server.send(.get, "/metrics", as: .auditor).text
                return Self.value(of: "rapport_events_appended_total", in: text) == 3
            }
            #expect(appended)
            let response = try await server.send(.get, "/metrics", as: .auditor)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let text = response.text
            #expect(Self.value(of: "rapport_log_end_position", in: text) == 3)
            #expect(Self.value(of: #"rapport_command_requests_total{outcome="accepted",code=""}"#, in: text) == 3)
            #expect(
                Self.value(of: #"rapport_command_requests_total{outcome="refused",code="version_conflict"}"#, in: text)
                    == 1
            )
            #expect(Self.value(of: #"rapport_http_requests_total{status="201"}"#, in: text) == 3)
            #expect(Self.value(of: #"rapport_http_requests_total{status="409"}"#, in: text) == 1)
            #expect(Self.value(of: "rapport_fsync_duration_seconds_count", in: text).map { $0 >= 3 } == true)
            #expect(text.contains(#"rapport_fsync_duration_seconds_bucket{le="0.001"}"#))
            #expect(Self.value(of: "rapport_event_streams_open", in: text) == 1)
            #expect(Self.value(of: #"rapport_event_stream_lag_events{subscriber="subscription:audit"}"#, in: text) == 0)
            #expect(Self.value(of: "rapport_read_model_lag_events", in: text).map { $0 >= 0 && $0 <= 3 } == true)
            #expect(Self.value(of: "rapport_snapshot_age_seconds", in: text) == -1)
            #expect(try await server.send(.post, "/snapshots").status == .created)
            let later = try await server.send(.get, "/metrics").text
            #expect(Self.value(of: "rapport_snapshot_age_seconds", in: later).map { $0 >= 0 } == true)
            try await reader.close()
            #expect(await LiveServer.eventually { server.server.hub.lags.isEmpty })
            let closed = try await server.send(.get, "/metrics", as: .auditor).text
            #expect(Self.value(of: "rapport_event_streams_open", in: closed) == 0)
            #expect(!closed.contains("rapport_event_stream_lag_events{"))
        }
    }

    @Test(arguments: [Role.writer, .analyst, .subscriber])
    func otherRolesMayNotReadMetrics(role: Role) async throws {
        try await ServerHarness.run { server in
            #expect(try await server.send(.get, "/metrics", as: role).status == .forbidden)
            let anonymous = try await server.send(.get, "/metrics", as: nil)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
