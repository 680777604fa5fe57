import Foundation
import HummingbirdTesting
import Rapport
import RapportLog
import Testing

@testable import RapportServer

/// The event stream's limits and ends: streams per token, a slow client, a client that goes, and shutdown.
struct EventStreamLifecycleTests {
    @Test(.timeLimit(.minutes(1)))
    func aTokenOverItsLimitOfStreamsGets429UntilOneCloses() async throws {
        try await LiveServer.run(configure: {
            $0.maximumStreamsPerToken = 2; $0.heartbeatSeconds = 0.05
        }) { server in
            let first = try await server.stream("/events/stream")
            let second = try await server.stream("/events/stream")
            _ = try await first.next()
            _ = try await second.next()
            let refused = try await server.stream("/events/stream")
            #expect(refused.status == 429)
            #expect(refused.contentType == "application/problem+json")
            let problem = try await refused.remainingText()
            #expect(problem.contains("\"code\":\"too_many_streams\""))
            try await refused.close()
            let otherToken = try await server.stream("/events/stream", as: .auditor)
            #expect(otherToken.status == 200)
            _ = try await otherToken.next()
            try await first.close()
            let tokenId = try #require(server.tokens[.subscriber]?.split(separator: "_").dropFirst().first)
            let released = await LiveServer.eventually { server.server.hub.openStreams(of: String(tokenId)) == 1 }
            #expect(released)
            let third = try await server.stream("/events/stream")
            #expect(third.status == 200)
            _ = try await third.next()
            try await second.close()
            try await third.close()
            try await otherToken.close()
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aSlowClientHoldsTheServerAtItsSocketAndStillGetsEverything() async throws {
        try await LiveServer.run { server in
            let reader = try await server.stream("/events/stream?from=0")
            _ = try await reader.next()
            let total = 40_000
            try await server.openAccounts(0..<total)
            var last = UInt64.max
            var steady = false
            for _ in 0..<200 where !steady {
                try await Task.sleep(for: .milliseconds(50))
                let lag = server.server.hub.lags.first?.lag ?? 0
                steady = lag == last
                last = lag
            }
            #expect(steady)
            #expect(last >= 10_000, "the server read ahead of a client that was not reading")
            var positions: [UInt64] = []
            positions.reserveCapacity(total)
            while positions.count < total {
                let block = try #require(try await reader.nextEvent())
                positions.append(try #require(block.position))
            }
            #expect(positions == (0..<UInt64(total)).map { $0 })
            #expect(await LiveServer.eventually { server.server.hub.lags.first?.lag == 0 })
            try await reader.close()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func shuttingDownEndsOpenStreamsWithAShutdownEvent() async throws {
        let holder = ReaderHolder()
        try await LiveServer.run { server in
            try await server.openAccounts(0..<3)
            let reader = try await server.stream("/events/stream?from=0&type=NoSuchType")
            _ = try await reader.next()
            await holder.keep(reader)
        }
        let reader = try #require(await holder.reader)
        let shutdown = try #require(try await reader.next())
        #expect(shutdown.event == "shutdown")
        #expect(shutdown.position == 2)
        #expect(shutdown.object["lastEventId"] as? Int == 2)
        #expect(try await reader.next() == nil)
        try await reader.close()
    }

    /// Keeps a reader past the server's run.
    actor ReaderHolder {
        var reader: EventStreamReader?

        func keep(_ reader: EventStreamReader) {
            self.reader = reader
        }
    }
}
