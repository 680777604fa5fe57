import Foundation
public import RapportCRM
public import RapportLog
import RapportProjections
import RapportTime
import Synchronization

/// The CRM engine on one data directory: validates commands against the current state, appends the events
/// they cause to the log, and keeps the decision state in step.
///
/// Commands are decided one at a time, in the order they arrive, against a state that already includes every
/// earlier accepted command, durable or not; their appends reach the log in that same order through one
/// append session, so many commands share each batch and sync. A command is acknowledged once its events are
/// durable. If an append ever fails, the state no longer matches the log: the engine then refuses every
/// further command with code `engine_failed` until it is opened again.
public final class Engine: Sendable {
    /// The event log the engine appends to.
    public let log: EventLog
    /// Stages, lead statuses and service targets in force.
    public let configuration: CRMConfiguration
    /// The settings the engine was opened with.
    public let options: EngineOptions
    /// How opening went: the snapshot used, the ones skipped and why, the events replayed.
    public let opening: OpeningReport
    /// The keys that seal and open the personal values of the data directory's events.
    public let keys: PersonalDataKeys
    /// The same keys, opening only the personal values the read models fold.
    let readModelKeys: PersonalDataKeys

    private let session: AppendSession
    private let core: Mutex<EngineCore>
    private let failure = Mutex<RapportError?>(nil)
    /// The read models, folded from the log as it grows.
    let projections: LiveProjections
    /// The data directory's snapshots.
    let snapshots: SnapshotStore
    /// The position of the newest snapshot taken or opened from.
    let lastSnapshotPosition: Mutex<UInt64>
    /// The task that keeps the read models folded and takes snapshots every so many events.
    let follower = Mutex<Task<Void, Never>?>(nil)
    /// The data directory's key store of personal data.
    let keyStore: SubjectKeyStore
    /// Told each time a person's personal data was erased (see ``observeErasures(_:)``).
    let erasureObservers = Mutex<[@Sendable () -> Void]>([])

    /// Opens the data directory's log and restores the decision state and the read models: from the newest
    /// usable snapshot and the events after it, or from the whole log. The log's stream index, too, starts from
    /// the newest snapshot's copy when it fits the log (see ``LogOpening``).
    ///
    /// - Parameters:
    ///   - directory: The data directory (created when missing).
    ///   - options: The log's settings, the CRM configuration and the snapshot settings.
    /// - Returns: The engine, ready for commands.
    /// - Throws: ``RapportError`` with code `log_failure` when the log cannot be opened, `unreadable_event`
    ///   naming the position of a record that is not a CRM event, or `key_store_failure` when the key store of
    ///   personal data is missing from a directory with events, or damaged.
    public static func open(directory: String, options: EngineOptions = EngineOptions()) async throws -> Engine {
        let log: EventLog
        let store = SnapshotStore(dataDirectory: directory)
        // The newest snapshot is read while the log opens, once the directory is locked: reading it is most of the
        // work of opening, and it is checked against the log once the log is open.
        let readAhead = ThreadWork<SnapshotChoice.ReadAhead?>(named: "rapport-snapshot-models")
        do {
            log = try LogOpening.forWriting(
                directory: directory,
                options: options.log,
                store: store,
                notice: options.notice,
                onceLocked: { readAhead.start { SnapshotChoice.readAhead(in: store, includeDecisions: true) } }
            )
        } catch {
            // Work started is finished before the error is told, so that nothing is left reading the directory.
            _ = await readAhead.value()
            guard let error = error as? LogError else { throw error }
            throw RapportError(.logFailure, "cannot open the log at \(directory): \(error)", cause: error)
        }
        // The key store opens while the snapshot is read: neither needs the other until the events after the
        // snapshot are folded.
        async let keyStoreOpening = Result { try openKeyStore(in: directory, log: log, notice: options.notice) }
        let choice = SnapshotChoice.newest(
            in: store,
            of: log,
            includeDecisions: true,
            readAhead: await readAhead.value() ?? nil
        )
        let keyStore: SubjectKeyStore
        do {
            keyStore = try await keyStoreOpening.get()
        } catch {
            await log.close()
            throw error
        }
        do {
            let keys = PersonalDataKeys(store: keyStore, dataDirectory: directory)
            let restored = try EngineRestoration.restore(log, from: consume choice, keys: keys)
            for skipped in restored.report.skippedSnapshots {
                options.notice("skipped snapshot \(skipped.path): \(skipped.reason)")
            }
            // The keys reach the file before the events sealed with them: synced when the log syncs, at least
            // written when it does not.
            if options.log.durability == .none {
                log.beforeWriting { try keyStore.writeCreatedKeys() }
            } else {
                log.beforeWriting { try keyStore.sync() }
            }
            let engine = Engine(
                log: log,
                options: options,
                restored: restored,
                keys: keys,
                keyStore: keyStore,
                snapshots: store,
                session: try log.appendSession()
            )
            engine.startFollowing()
            try await engine.completeInterruptedErasures()
            return engine
        } catch {
            await log.close()
            keyStore.close()
            throw error
        }
    }

    private init(
        log: EventLog,
        options: EngineOptions,
        restored: EngineRestoration,
        keys: PersonalDataKeys,
        keyStore: SubjectKeyStore,
        snapshots: SnapshotStore,
        session: AppendSession
    ) {
        self.log = log
        self.configuration = options.configuration
        self.options = options
        self.opening = restored.report
        self.core = Mutex(restored.core)
        self.keys = keys
        self.readModelKeys = keys.opening(only: ReadModels.personalDataEventTypes)
        self.keyStore = keyStore
        self.projections = LiveProjections(restored.models, keys: readModelKeys)
        self.snapshots = snapshots
        self.lastSnapshotPosition = Mutex(restored.report.snapshotPosition ?? 0)
        self.session = session
    }

    /// How a submitted command was taken.
    public enum Acceptance: Sendable, Hashable {
        /// Its events are on their way to the log; the completion reports when they are durable.
        case appending(CommandResult)
        /// Nothing is appended: the command changed nothing, or its `commandId` was seen before and this is the
        /// first result again. The completion is not called.
        case settled(CommandResult)
    }

    /// Decides a command and queues its events without waiting for them to be durable.
    ///
    /// - Parameters:
    ///   - envelope: The command.
    ///   - completion: Called once, on the log's writer thread, when the events are durable (for a command that
    ///     forgets a person, once the erasure is complete too) or the append failed, only for
    ///     ``Acceptance/appending(_:)``. Keep it short.
    /// - Returns: How the command was taken, with its events' positions.
    /// - Throws: ``DomainError`` when the command is refused (nothing is appended), or ``RapportError`` with
    ///   code `engine_failed` or `log_failure`.
    public func submit(
        _ envelope: CommandEnvelope,
        completion: @escaping @Sendable (Result<CommandResult, RapportError>) -> Void
    ) throws -> Acceptance {
        try checkNotFailed()
        return try core.withLock { core in
            var records: [ProposedRecord] = []
            let decided = try core.decide(envelope, configuration: configuration, keys: keys, addingRecordsTo: &records)
            switch decided {
            case .settled(let result):
                return .settled(result)
            case .append(let result, let events):
                let erasure = Erasure(of: events, from: result.events[0].position)
                try submitToLog(
                    records,
                    expectedFirst: result.events[0].position,
                    describing: "the events of \(envelope.command.commandType)"
                ) { outcome in
                    self.complete(erasure, after: outcome) { completion($0.map { _ in result }) }
                }
                core.commit(decided, for: envelope)
                return .appending(result)
            }
        }
    }

    /// Throws the failure that stopped the engine, if one did.
    func checkNotFailed() throws {
        if let failure = failure.withLock({ $0 }) {
            throw failure
        }
    }

    /// Stops the engine: its state no longer matches the log.
    func markFailed(_ error: RapportError) {
        failure.withLock { $0 = $0 ?? error }
    }

    /// Runs `body` with the engine's state locked.
    func withCore<Result>(_ body: (inout EngineCore) throws -> Result) rethrows -> Result {
        try core.withLock { try body(&$0) }
    }

    /// Queues records on the engine's session; a failed append stops the engine.
    ///
    /// - Parameters:
    ///   - records: The records, decided to land at `expectedFirst` onwards.
    ///   - expectedFirst: The position the first record must get.
    ///   - subject: What the records are, for messages.
    ///   - completion: Called once with the outcome, on the writer thread.
    /// - Throws: ``RapportError`` `log_failure` when the log refuses the append before queueing it.
    func submitToLog(
        _ records: [ProposedRecord],
        expectedFirst: UInt64,
        describing subject: String,
        completion: @escaping @Sendable (Result<AppendResult, RapportError>) -> Void
    ) throws {
        do {
            try session.submit(records) { outcome in
                switch outcome {
                case .success(let appended) where appended.firstPosition == expectedFirst:
                    completion(.success(appended))
                case .success(let appended):
                    let error = RapportError(
                        .engineFailed,
                        "the log put \(subject) at \(appended.firstPosition ?? 0), not at \(expectedFirst) as decided"
                    )
                    self.markFailed(error)
                    completion(.failure(error))
                case .failure(let logError):
                    let error = RapportError(.engineFailed, "an append failed: \(logError)", cause: logError)
                    self.markFailed(error)
                    completion(.failure(error))
                }
            }
        } catch let error as LogError {
            throw RapportError(.logFailure, "the log refused \(subject): \(error)", cause: error)
        }
    }

    /// Runs a command and returns once its events are durable (and, for a command that forgets a person, once the
    /// erasure is complete: see ``complete(_:after:then:)``).
    ///
    /// - Parameter envelope: The command.
    /// - Returns: The events it appended (none when it changed nothing), or the first result again for a
    ///   `commandId` seen before.
    /// - Throws: ``DomainError`` when the command is refused (nothing is appended), or ``RapportError``.
    public func execute(_ envelope: CommandEnvelope) async throws -> CommandResult {
        try await withCheckedThrowingContinuation { continuation in
            do {
                let acceptance = try submit(envelope) { outcome in
                    continuation.resume(with: outcome.mapError { $0 as any Error })
                }
                if case .settled(let result) = acceptance {
                    continuation.resume(returning: result)
                }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    /// The decision state now, including commands whose events are not yet durable.
    public var decisionState: DecisionState { core.withLock { $0.decisions } }

    /// The version of a record's stream, as the decision state knows it.
    ///
    /// - Parameter stream: The record's stream.
    /// - Returns: Its version, 0 when it does not exist.
    public func version(of stream: StreamName) -> UInt64 {
        core.withLock { $0.decisions.version(of: stream) }
    }

    /// Stops the engine: waits for every queued append, folds the read models up to the end, takes a snapshot
    /// when events were appended since the last one (unless turned off, or the engine failed), then syncs the key
    /// store and syncs and closes the log. A snapshot that cannot be written is reported through
    /// ``EngineOptions/notice``; the log is closed all the same.
    public func close() async {
        await stopFollowing()
        let end = withCore { $0.nextPosition }
        if end > 0 { _ = await log.waitForRecords(after: end - 1) }
        if options.snapshotOnClose, failure.withLock({ $0 == nil }), end > lastSnapshotPosition.withLock({ $0 }) {
            do {
                try await takeSnapshot()
            } catch {
                options.notice("no snapshot on close: \(error)")
            }
        }
        do {
            try keyStore.sync()
        } catch {
            options.notice("the key store did not sync on close: \(error)")
        }
        await log.close()
        keyStore.close()
    }
}
