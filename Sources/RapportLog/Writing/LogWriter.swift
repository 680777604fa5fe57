import Crypto
import Synchronization
import Foundation

/// The single writer of a log: takes queued appends in groups, checks expected versions, writes each group
/// with one write and (under `fsync`) one sync, then publishes it to readers and acknowledges it.
///
/// It runs on a thread of its own, because a sync blocks, and it owns the directory lock for its lifetime.
/// `@unchecked Sendable`: after `start`, every stored property is touched only on the writer thread.
final class LogWriter: @unchecked Sendable {
    /// A group that is written but not yet acknowledged.
    struct WrittenGroup {
        var accepted: [(PendingAppend, AppendResult)]
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
    /// Stream versions of written but unpublished records.
    var unpublishedVersions: [String: UInt64] = [:]
    var awaitingSync: [WrittenGroup] = []
    var lastRecordedAt: Timestamp
    var lastSync = Date()
    var failure: LogError?
    var encoder = BatchEncoder()
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
        core.state.withLock { state in
            state.isClosed = true
            state.wakeWaiters()
        }
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
        let accepted = accept(group)
        guard !accepted.isEmpty else { return }
        let written = write(accepted)
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
    private func accept(_ group: [PendingAppend]) -> [(PendingAppend, AppendResult)] {
        let recordedAt = max(Timestamp.now(), lastRecordedAt)
        lastRecordedAt = recordedAt
        var nextPosition = tentative.endPosition
        var accepted: [(PendingAppend, AppendResult)] = []
        var refused: [(PendingAppend, LogError)] = []
        core.state.withLock { state in
            for append in group {
                var local: [String: UInt64] = [:]
                var entries: [AppendResult.Entry] = []
                entries.reserveCapacity(append.records.count)
                var refusal: LogError?
                for record in append.records {
                    let current = local[record.streamId] ?? unpublishedVersions[record.streamId]
                        ?? state.streams.version(of: record.streamId)
                    guard record.expectedVersion.isSatisfied(by: current) else {
                        refusal = LogError(
                            .wrongExpectedVersion,
                            "stream \(record.streamId) is at version \(current), expected \(record.expectedVersion)",
                            currentVersion: current
                        )
                        break
                    }
                    local[record.streamId] = current + 1
                    entries.append(
                        AppendResult.Entry(
                            position: nextPosition + UInt64(entries.count),
                            streamId: record.streamId,
                            streamVersion: current + 1
                        )
                    )
                }
                if let refusal {
                    refused.append((append, refusal))
                } else {
                    unpublishedVersions.merge(local) { _, new in new }
                    nextPosition += UInt64(entries.count)
                    accepted.append((append, AppendResult(entries: entries, recordedAt: recordedAt)))
                }
            }
        }
        for (append, error) in refused {
            append.complete(.failure(error))
        }
        return accepted
    }

    /// Encodes the accepted appends into batches (one append never spans two) and writes them at once.
    private func write(_ accepted: [(PendingAppend, AppendResult)]) -> Result<WrittenGroup, LogError> {
        output.removeAll(keepingCapacity: true)
        var segment = tentative
        var indexEntries: [SparseIndex.Entry] = []
        func emit() {
            let start = output.count
            let emitted = encoder.emit(basePosition: segment.endPosition, previousHash: segment.lastBatchHash, into: &output)
            let offset = segment.dataEnd + UInt64(start)
            output.withUnsafeBytes { segment.hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[start...])) }
            if let entry = segment.cadence.entry(for: emitted.header, at: offset) {
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
        for (append, result) in accepted {
            if !encoder.isEmpty, encoder.block.count + append.encodedSize > core.options.batchSize {
                emit()
            }
            for (record, entry) in zip(append.records, result.entries) {
                encoder.add(record, streamVersion: entry.streamVersion, recordedAt: result.recordedAt)
            }
        }
        emit()
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
        return .success(WrittenGroup(accepted: accepted, indexEntries: indexEntries, segment: segment))
    }

    /// Syncs what is written, then acknowledges it.
    func syncAndAcknowledge() {
        guard !awaitingSync.isEmpty else { return }
        do {
            try tentative.file.sync()
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
        core.state.withLock { state in
            for group in groups {
                for (append, result) in group.accepted {
                    for (record, entry) in zip(append.records, result.entries) {
                        state.streams.add(streamId: record.streamId, position: entry.position)
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
            state.wakeWaiters()
        }
        committed = last.segment
        if awaitingSync.isEmpty {
            unpublishedVersions.removeAll(keepingCapacity: true)
        }
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
        unpublishedVersions.removeAll()
        encoder = BatchEncoder()
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
