import Foundation
import RapportTime
import Synchronization

/// The single writer of a log: takes queued appends in groups, checks expected versions, writes each group
/// with one write and (under `fsync`) one sync, then publishes it to readers and acknowledges it.
///
/// It runs on a thread of its own, because a sync blocks, and it owns the directory lock for its lifetime.
/// `@unchecked Sendable`: after `start`, every stored property is touched only on the writer thread.
final class LogWriter: @unchecked Sendable {
    /// A group that is written but not yet acknowledged.
    struct WrittenGroup {
        var accepted: [(PendingAppend, AppendResult)]
        /// The stream slot of every record of `accepted`, in order.
        var slots: [Int]
        var indexEntries: [SparseIndex.Entry]
        var segment: ActiveSegment
    }

    let core: LogCore
    let queue: AppendQueue
    /// Held until the writer stops; released before `close()` returns.
    private var lock: DirectoryLock?
    /// The active segment as acknowledged, and as written.
    var committed: ActiveSegment
    var tentative: ActiveSegment
    /// Stream versions including written but unacknowledged records.
    var versions: TentativeVersions
    var awaitingSync: [WrittenGroup] = []
    var lastRecordedAt: Timestamp
    var lastSync = Date()
    var failure: LogError?
    /// One encoder per batch of a write, kept with their buffers from write to write.
    var encoders = [BatchEncoder()]
    var output: [UInt8] = []
    private let finished: @Sendable () -> Void

    init(
        core: LogCore,
        queue: AppendQueue,
        lock: DirectoryLock,
        active: ActiveSegment,
        lastRecordedAt: Timestamp,
        finished: @escaping @Sendable () -> Void
    ) {
        self.core = core
        self.queue = queue
        self.lock = lock
        self.committed = active
        self.tentative = active
        self.lastRecordedAt = lastRecordedAt
        self.finished = finished
        self.versions = core.state.withLock { TentativeVersions($0.streams) }
    }

    /// Starts the writer thread.
    func start() {
        let thread = Thread { [self] in
            run()
        }
        thread.name = "rapport-log-writer"
        thread.start()
    }

    private var syncInterval: TimeInterval? {
        if case .batched(let milliseconds) = core.options.durability {
            return Double(milliseconds) / 1000
        }
        return nil
    }

    private func run() {
        loop: while true {
            let deadline = awaitingSync.isEmpty ? nil : syncInterval.map { lastSync.addingTimeInterval($0) }
            switch queue.take(maximumBytes: max(core.options.batchSize * 16, 4 << 20), until: deadline) {
            case .appends(let group):
                commit(group)
            case .deadline:
                syncAndAcknowledge()
            case .stopped:
                break loop
            }
        }
        syncAndAcknowledge()
        if failure == nil, case .none = core.options.durability {
            do {
                try committed.file.sync()
            } catch {
                failure = error as? LogError
            }
        }
        let woken = core.state.withLock { state in
            state.isClosed = true
            return state.takeReadyWaiters()
        }
        woken.forEach { $0.resume() }
        lock = nil
        finished()
    }

    /// Checks, writes and (depending on durability) acknowledges one group of appends.
    private func commit(_ group: [PendingAppend]) {
        if let failure {
            let error = LogError(.writerFailed, "an earlier write failed; reopen the log", cause: failure)
            group.forEach { $0.complete(.failure(error)) }
            return
        }
        if tentative.dataEnd >= UInt64(core.options.segmentSize), tentative.batchCount > 0 {
            do {
                try roll()
            } catch {
                fail(group, error: error)
                failure = error as? LogError ?? LogError(.ioFailure, "sealing the segment failed", cause: error)
                return
            }
        }
        let (accepted, slots) = accept(group)
        guard !accepted.isEmpty else { return }
        if let barrier = core.writeBarrier.withLock({ $0 }) {
            do {
                try barrier.run()
            } catch {
                fail(accepted.map(\.0), error: LogError(.ioFailure, "what the records depend on failed", cause: error))
                return
            }
        }
        let written = write(accepted, slots: slots)
        switch written {
        case .failure(let error):
            fail(accepted.map(\.0), error: error)
        case .success(let writtenGroup):
            awaitingSync.append(writtenGroup)
            switch core.options.durability {
            case .fsync:
                syncAndAcknowledge()
            case .batched(let milliseconds):
                if Date().timeIntervalSince(lastSync) * 1000 >= Double(milliseconds) {
                    syncAndAcknowledge()
                }
            case .none:
                acknowledge()
            }
        }
    }

    /// Checks every append's expected versions; refuses the ones that fail, gives the others their versions.
    ///
    /// - Returns: The accepted appends with their results, and the stream slot of each of their records.
    private func accept(_ group: [PendingAppend]) -> ([(PendingAppend, AppendResult)], slots: [Int]) {
        let recordedAt = max(Timestamp.now(), lastRecordedAt)
        lastRecordedAt = recordedAt
        var nextPosition = tentative.endPosition
        var accepted: [(PendingAppend, AppendResult)] = []
        var slots: [Int] = []
        var refused: [(PendingAppend, LogError)] = []
        core.state.withLock { state in
            for append in group {
                if let session = append.session, session.hasFailed {
                    refused.append((append, LogError(.sessionFailed, "an earlier append of its session failed")))
                    continue
                }
                let heads = append.heads
                var entries: [AppendResult.Entry] = []
                entries.reserveCapacity(heads.count)
                var refusal: LogError?
                for index in heads.indices {
                    let streamId = heads[index].streamId
                    let expected = heads[index].expectedVersion
                    let (slot, current) = versions.current(of: streamId, in: state.streams)
                    guard expected.isSatisfied(by: current) else {
                        refusal = LogError(
                            .wrongExpectedVersion,
                            "stream \(streamId) is at version \(current), expected \(expected)",
                            currentVersion: current
                        )
                        break
                    }
                    versions.advance(slot: slot)
                    slots.append(slot)
                    entries.append(
                        AppendResult.Entry(
                            position: nextPosition + UInt64(index),
                            streamId: streamId,
                            streamVersion: current + 1
                        )
                    )
                }
                if let refusal {
                    // Marked now, not when the refusal is reported, so the session's later appends in this
                    // group are refused too.
                    append.session?.markFailed()
                    versions.dropAppend()
                    slots.removeLast(entries.count)
                    refused.append((append, refusal))
                } else {
                    versions.keepAppend()
                    nextPosition += UInt64(entries.count)
                    accepted.append((append, AppendResult(entries: entries, recordedAt: recordedAt)))
                }
            }
        }
        for (append, error) in refused {
            append.complete(.failure(error))
        }
        return (accepted, slots)
    }

    /// Encodes the accepted appends into batches (one append never spans two) and writes them at once.
    ///
    /// The batches are compressed together, on several cores when there are several, then sealed one after the
    /// other, since each header carries the hash of the batch before it.
    private func write(_ accepted: [(PendingAppend, AppendResult)], slots: [Int]) -> Result<WrittenGroup, LogError> {
        var batches = 1
        for (append, result) in accepted {
            if !encoders[batches - 1].isEmpty,
                encoders[batches - 1].block.count + append.encodedSize > core.options.batchSize
            {
                if batches == encoders.count {
                    encoders.append(BatchEncoder())
                }
                batches += 1
            }
            encoders[batches - 1].add(
                encoded: append.encoded,
                heads: append.heads,
                entries: result.entries,
                recordedAt: result.recordedAt
            )
        }
        BatchEncoder.compressAll(&encoders, count: batches)
        output.removeAll(keepingCapacity: true)
        var segment = tentative
        var indexEntries: [SparseIndex.Entry] = []
        for index in 0..<batches {
            let start = output.count
            let emitted = encoders[index].seal(
                basePosition: segment.endPosition,
                previousHash: segment.lastBatchHash,
                into: &output
            )
            if let entry = segment.cadence.entry(for: emitted.header, at: segment.dataEnd + UInt64(start)) {
                indexEntries.append(entry)
            }
            segment.lastBatchHash = emitted.hash
            segment.endPosition = emitted.header.endPosition
            segment.batchCount += 1
            if segment.firstTimestamp == nil {
                segment.firstTimestamp = emitted.header.firstTimestamp
            }
            segment.lastTimestamp = emitted.header.lastTimestamp
        }
        do {
            try tentative.file.write(output, at: tentative.dataEnd)
        } catch let error as LogError {
            return .failure(error)
        } catch {
            return .failure(LogError(.ioFailure, "write failed", cause: error))
        }
        segment.dataEnd += UInt64(output.count)
        tentative = segment
        if output.capacity > 8 << 20 {
            output = []
        }
        return .success(WrittenGroup(accepted: accepted, slots: slots, indexEntries: indexEntries, segment: segment))
    }

    /// Syncs what is written, then acknowledges it.
    func syncAndAcknowledge() {
        guard !awaitingSync.isEmpty else { return }
        do {
            let started = ContinuousClock.now
            try tentative.file.sync()
            core.reportSync(lasting: ContinuousClock.now - started)
        } catch {
            fail([], error: error)
            failure = error as? LogError ?? LogError(.ioFailure, "sync failed", cause: error)
            return
        }
        lastSync = Date()
        acknowledge()
    }

    /// Publishes the written groups to readers and completes their appends.
    private func acknowledge() {
        let groups = awaitingSync
        awaitingSync.removeAll()
        guard let last = groups.last else { return }
        let woken = core.state.withLock { state in
            for group in groups {
                var next = 0
                for (_, result) in group.accepted {
                    for entry in result.entries {
                        let slot = group.slots[next]
                        next += 1
                        if slot < state.streams.count {
                            state.streams.add(slot: slot, position: entry.position)
                        } else {
                            // New streams reach the index in the order the writer gave them their slots.
                            state.streams.addStream(entry.streamId, position: entry.position)
                        }
                    }
                }
                let lastSegment = state.segments.count - 1
                for entry in group.indexEntries {
                    state.segments[lastSegment].index.append(entry)
                }
            }
            let segment = last.segment
            let lastSegment = state.segments.count - 1
            state.segments[lastSegment].dataEnd = segment.dataEnd
            state.segments[lastSegment].endPosition = segment.endPosition
            state.segments[lastSegment].batchCount = segment.batchCount
            state.segments[lastSegment].firstTimestamp = segment.firstTimestamp
            state.segments[lastSegment].lastTimestamp = segment.lastTimestamp
            state.endPosition = segment.endPosition
            state.headHash = segment.lastBatchHash
            return state.takeReadyWaiters()
        }
        woken.forEach { $0.resume() }
        committed = last.segment
        versions.allAcknowledged()
        for group in groups {
            for (append, result) in group.accepted {
                append.complete(.success(result))
            }
        }
    }

    /// Fails appends after a write or sync error and puts the file back as it was acknowledged.
    ///
    /// - Parameters:
    ///   - appends: Appends not yet in ``awaitingSync``; those in it are failed too.
    ///   - error: What went wrong.
    func fail(_ appends: [PendingAppend], error: any Error) {
        let logError = error as? LogError ?? LogError(.ioFailure, "write failed", cause: error)
        let unacknowledged = appends + awaitingSync.flatMap { $0.accepted.map(\.0) }
        awaitingSync.removeAll()
        versions = core.state.withLock { TentativeVersions($0.streams) }
        encoders = [BatchEncoder()]
        do {
            try committed.file.truncate(to: committed.dataEnd)
            tentative = committed
        } catch {
            failure = logError
        }
        for append in unacknowledged {
            append.complete(.failure(logError))
        }
    }
}
