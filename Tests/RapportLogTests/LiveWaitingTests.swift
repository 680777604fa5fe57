import Foundation
import RapportTestSupport
import Synchronization
import Testing

@testable import RapportLog

/// `waitForRecords(after:)` with many waiters, waiters ahead of the end, closing, and the sync observer.
struct LiveWaitingTests {
    /// Waits until `count` live readers are registered with the log.
    static func waitUntilWaiting(_ log: EventLog, count: Int) async {
        while log.core.state.withLock({ $0.waiters.count }) < count {
            await Task.yield()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aWaiterAheadOfTheEndSleepsThroughEarlierCommits() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let waiter = Task { await log.waitForRecords(after: 3) }
            await Self.waitUntilWaiting(log, count: 1)
            for number in 0..<3 {
                _ = try await log.append([SampleLog.record(number)])
                #expect(log.core.state.withLock { $0.waiters.count } == 1)
            }
            _ = try await log.append([SampleLog.record(3)])
            #expect(await waiter.value)
            #expect(log.endPosition == 4)
            await log.close()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func oneCommitWakesEveryWaiterAtTheEnd() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            _ = try await log.append([SampleLog.record(0)])
            let woken = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<100 {
                    group.addTask { await log.waitForRecords(after: 1) }
                }
                group.addTask { await log.waitForRecords(after: 5) }
                await Self.waitUntilWaiting(log, count: 101)
                _ = try await log.append([SampleLog.record(1)])
                var woken = 0
                for _ in 0..<100 {
                    if try await group.next() == true {
                        woken += 1
                    }
                }
                #expect(log.core.state.withLock { $0.waiters.count } == 1)
                await log.close()
                #expect(try await group.next() == false)
                return woken
            }
            #expect(woken == 100)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellingAWaiterRemovesIt() async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: SampleLog.options)
            let waiter = Task { await log.waitForRecords(after: 0) }
            await Self.waitUntilWaiting(log, count: 1)
            waiter.cancel()
            #expect(await waiter.value == false)
            #expect(log.core.state.withLock { $0.waiters.count } == 0)
            await log.close()
        }
    }

    @Test(arguments: [Durability.fsync, .none])
    func theSyncObserverHearsOfEachGroupCommitsSync(durability: Durability) async throws {
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory, options: LogOptions(durability: durability))
            let syncs = Mutex<[Duration]>([])
            log.observeSyncs { duration in syncs.withLock { $0.append(duration) } }
            for number in 0..<3 {
                _ = try await log.append([SampleLog.record(number)])
            }
            let observed = syncs.withLock { $0 }
            #expect(observed.count == (durability == .fsync ? 3 : 0))
            #expect(observed.allSatisfy { $0 >= .zero })
            log.observeSyncs(nil)
            _ = try await log.append([SampleLog.record(3)])
            #expect(syncs.withLock { $0.count } == observed.count)
            await log.close()
        }
    }
}
