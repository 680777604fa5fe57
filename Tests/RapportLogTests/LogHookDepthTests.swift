import Foundation
import RapportTestSupport
import Synchronization
import Testing

@testable import RapportLog

/// The functions a log calls on its writer's thread (the sync observer and the write barrier) are called the same
/// way the thousandth time as the first: no wrapper accumulates around them between calls.
struct LogHookDepthTests {
    /// The stack depths seen by a hook, first and latest.
    final class Depths: Sendable {
        private let seen = Mutex<(first: Int?, latest: Int?, calls: Int)>((nil, nil, 0))

        func record() {
            let depth = Thread.callStackReturnAddresses.count
            seen.withLock { $0 = ($0.first ?? depth, depth, $0.calls + 1) }
        }

        var summary: (first: Int?, latest: Int?, calls: Int) { seen.withLock { $0 } }
    }

    @Test func theSyncObserverIsCalledAtTheSameDepthAfterManySyncs() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: LogOptions(durability: .none))
            let depths = Depths()
            log.observeSyncs { _ in depths.record() }
            for _ in 0..<5_000 {
                log.core.reportSync(lasting: .milliseconds(1))
            }
            let summary = depths.summary
            #expect(summary.calls == 5_000)
            #expect(summary.first != nil && summary.latest == summary.first)
            await log.close()
        }
    }

    @Test func theWriteBarrierRunsAtTheSameDepthAfterManyGroups() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: LogOptions(durability: .none))
            let depths = Depths()
            log.beforeWriting { depths.record() }
            for number in 0..<1_000 {
                _ = try await log.append([SampleLog.record(number)])
            }
            let summary = depths.summary
            #expect(summary.calls == 1_000)
            #expect(summary.first != nil && summary.latest == summary.first)
            await log.close()
        }
    }
}
