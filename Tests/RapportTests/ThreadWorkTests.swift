import Foundation
import Synchronization
import Testing

@testable import Rapport

/// Work started on a thread of its own is awaited once, whether it finishes before or after it is awaited.
struct ThreadWorkTests {
    @Test func workNeverStartedIsAwaitedAsNothing() async {
        let work = ThreadWork<Int>(named: "rapport-test")
        #expect(await work.value() == nil)
    }

    @Test func workFinishedBeforeItIsAwaitedHandsItsValueOver() async {
        let work = ThreadWork<[Int]>(named: "rapport-test")
        let finished = DispatchSemaphore(value: 0)
        work.start {
            defer { finished.signal() }
            return Array(0..<1_000)
        }
        finished.wait()
        #expect(await work.value()?.count == 1_000)
    }

    @Test func workAwaitedBeforeItFinishesIsWaitedForAndStartsOnce() async {
        let work = ThreadWork<String>(named: "rapport-test")
        let release = DispatchSemaphore(value: 0)
        let starts = Mutex(0)
        for _ in 0..<2 {
            work.start {
                starts.withLock { $0 += 1 }
                release.wait()
                return "done"
            }
        }
        async let value = work.value()
        try? await Task.sleep(for: .milliseconds(20))
        release.signal()
        #expect(await value == "done")
        #expect(starts.withLock { $0 } == 1)
    }
}
