import NIOCore
import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import Testing

@testable import RapportServer

/// The frames the event streams share: what the ring keeps, what it gives back, and that its frames are the
/// events' own.
struct FrameCacheTests {
    @Test
    func aFrameIsGivenBackOnlyForThePositionItWasStoredAt() {
        let cache = FrameCache(capacity: 4, keys: .forReading(dataDirectory: "/nonexistent"))
        cache.store(ByteBuffer(string: "one"), at: 1, encodedAfter: 0)
        #expect(cache.frame(at: 1) == ByteBuffer(string: "one"))
        #expect(cache.frame(at: 2) == nil)
        #expect(cache.frame(at: 5) == nil)
    }

    @Test
    func aNewerPositionTakesTheSlotOfTheOneItsCapacityBehind() {
        let cache = FrameCache(capacity: 4, keys: .forReading(dataDirectory: "/nonexistent"))
        cache.store(ByteBuffer(string: "one"), at: 1, encodedAfter: 0)
        cache.store(ByteBuffer(string: "five"), at: 5, encodedAfter: 0)
        #expect(cache.frame(at: 1) == nil)
        #expect(cache.frame(at: 5) == ByteBuffer(string: "five"))
    }

    @Test
    func clearingDropsEveryFrameAndAFrameEncodedBeforeAClearingIsNotKept() {
        let cache = FrameCache(capacity: 4, keys: .forReading(dataDirectory: "/nonexistent"))
        cache.store(ByteBuffer(string: "one"), at: 1, encodedAfter: 0)
        cache.clear()
        #expect(cache.frame(at: 1) == nil)
        cache.store(ByteBuffer(string: "two"), at: 2, encodedAfter: 0)
        #expect(cache.frame(at: 2) == nil)
        cache.store(ByteBuffer(string: "two"), at: 2, encodedAfter: 1)
        #expect(cache.frame(at: 2) == ByteBuffer(string: "two"))
    }

    @Test
    func onlyPositionsWithinTheCapacityOfTheLogsEndAreKept() {
        let cache = FrameCache(capacity: 4, keys: .forReading(dataDirectory: "/nonexistent"))
        #expect(cache.keepsFrames(from: 6, end: 10))
        #expect(!cache.keepsFrames(from: 5, end: 10))
        #expect(cache.keepsFrames(from: 0, end: 3))
    }

    @Test
    func aPageFarBehindTheLogsEndIsEncodedWithoutTheCache() async throws {
        try await Self.withAccounts(6) { engine in
            let cache = FrameCache(capacity: 2, keys: engine.keys)
            let far = try FramePage(
                log: engine.log,
                from: 0,
                limit: 2,
                filter: EventFilter(),
                scanLimit: 2,
                cache: cache
            )
            #expect(far.count == 2)
            #expect(cache.frame(at: 0) == nil && cache.frame(at: 1) == nil)
            #expect(far.frames == (try Self.frames(of: engine, from: 0, count: 2)))
            let near = try FramePage(
                log: engine.log,
                from: 4,
                limit: 2,
                filter: EventFilter(),
                scanLimit: 2,
                cache: cache
            )
            #expect(cache.frame(at: 4) != nil && cache.frame(at: 5) != nil)
            #expect(near.frames == (try Self.frames(of: engine, from: 4, count: 2)))
        }
    }

    @Test
    func encodedFramesAreTheEventsFramesAsAStreamWritesThem() async throws {
        try await Self.withAccounts(3) { engine in
            let cache = FrameCache(capacity: 8, keys: engine.keys)
            try cache.encode(from: 1, to: 3, of: engine.log)
            #expect(cache.frame(at: 0) == nil)
            for position in UInt64(1)..<3 {
                let frame = try #require(cache.frame(at: position))
                #expect(frame == (try Self.frames(of: engine, from: position, count: 1)))
                #expect(String(buffer: frame).hasPrefix("id: \(position)\nevent: AccountOpened\ndata: {"))
            }
        }
    }

    /// Runs `body` on an engine whose log holds `count` opened accounts, then closes it.
    static func withAccounts(_ count: Int, _ body: (Engine) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            var options = EngineOptions()
            options.log.durability = .none
            options.snapshotOnClose = false
            let engine = try await Engine.open(directory: directory, options: options)
            for index in 0..<count {
                let json = SampleCommands.openAccount("A\(index)")
                _ = try await engine.execute(try CommandEnvelope.decode(json: Array(json.utf8)))
            }
            try await body(engine)
            await engine.close()
        }
    }

    /// The frames of `count` events from `position`, as a stream writes them, made without a cache.
    static func frames(of engine: Engine, from position: UInt64, count: UInt64) throws -> ByteBuffer {
        var frames = ByteBuffer()
        try engine.log.scan(from: position, limit: count) { view in
            try ServerSentEvents.append(EventReading.event(in: view, keys: engine.keys), to: &frames)
            return true
        }
        return frames
    }
}
