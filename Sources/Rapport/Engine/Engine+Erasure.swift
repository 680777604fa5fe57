import RapportCRM
import RapportLog
import Synchronization

extension Engine {
    /// What forgetting one or more persons leaves to do once the events that record it are durable.
    struct Erasure: Sendable {
        /// The streams of the persons forgotten, e.g. `contact-c17`: their keys are destroyed.
        var subjects: [String]
        /// The position of the last event that forgot one of them: every snapshot at or before it is shredded.
        var through: UInt64

        /// The erasure a decision's events call for.
        ///
        /// - Parameters:
        ///   - events: The events, in the order they are appended.
        ///   - first: The position of the first.
        /// - Returns: `nil` when none of them forgets a person.
        init?(of events: [NewEvent], from first: UInt64) {
            var subjects: [String] = []
            var through: UInt64 = 0
            for (index, event) in events.enumerated() {
                switch event.event {
                case .contact(.forgotten), .lead(.forgotten):
                    subjects.append(event.stream.description)
                    through = first + UInt64(index)
                default:
                    continue
                }
            }
            guard !subjects.isEmpty else { return nil }
            self.subjects = subjects
            self.through = through
        }

        /// An erasure of the given persons, shredding every snapshot at or before a position.
        init(subjects: [String], through: UInt64) {
            self.subjects = subjects
            self.through = through
        }
    }

    /// Passes an append's outcome on, after completing the erasure it calls for, if any, once it is durable; a
    /// failed erasure is reported as the command's failure (its event is in the log, and the erasure completes
    /// when the engine is next opened).
    ///
    /// - Parameters:
    ///   - erasure: The erasure the appended events call for.
    ///   - outcome: The append's outcome.
    ///   - completion: Receives the outcome.
    func complete<Value: Sendable>(
        _ erasure: Erasure?,
        after outcome: Result<Value, RapportError>,
        then completion: @escaping @Sendable (Result<Value, RapportError>) -> Void
    ) {
        guard let erasure, case .success = outcome else {
            completion(outcome)
            return
        }
        Task {
            do {
                try await erase(erasure)
                completion(outcome)
            } catch {
                completion(
                    .failure(
                        RapportError(
                            .keyStoreFailure,
                            "the forgetting of \(erasure.subjects.joined(separator: ", ")) is in the log, but its "
                                + "erasure failed and completes when the engine is next opened: \(error)",
                            cause: error
                        )
                    )
                )
            }
        }
    }

    /// Erases forgotten persons' personal data: destroys their keys (from then on every read shows their
    /// personal fields erased), tells the observers (caches of encoded events drop what they hold), folds the
    /// forgetting events into the read models, shreds the snapshots taken before, and takes a new one.
    ///
    /// - Parameter erasure: Who, and the last forgetting event's position.
    /// - Throws: ``RapportError`` `key_store_failure` or `snapshot_failure`.
    func erase(_ erasure: Erasure) async throws {
        for subject in erasure.subjects {
            try keyStore.destroy(subject)
        }
        for observer in erasureObservers.withLock({ $0 }) {
            observer()
        }
        try projections.catchUp(with: log)
        let shredded = try snapshots.shred(through: erasure.through)
        options.notice(
            "erased the personal data of \(erasure.subjects.joined(separator: ", ")); shredded \(shredded.count) "
                + "snapshot(s) taken before"
        )
        if !shredded.isEmpty {
            try await takeSnapshot()
        }
    }

    /// Completes the erasures an earlier run left undone: a person the decision state says was forgotten whose
    /// key still exists (the process stopped between the forgetting event and the key's destruction).
    ///
    /// - Throws: ``RapportError`` `key_store_failure` or `snapshot_failure`.
    func completeInterruptedErasures() async throws {
        let forgotten = withCore { core in
            core.decisions.contacts.compactMap { $0.value.forgotten ? StreamName(.contact, $0.key).description : nil }
                + core.decisions.leads.compactMap { $0.value.forgotten ? StreamName(.lead, $0.key).description : nil }
        }
        let pending = forgotten.filter { subject in
            if case .key = keyStore.lookup(subject) { return true }
            return false
        }
        guard !pending.isEmpty else { return }
        options.notice("completing the interrupted erasure of \(pending.sorted().joined(separator: ", "))")
        let end = log.endPosition
        try await erase(Erasure(subjects: pending.sorted(), through: end > 0 ? end - 1 : 0))
    }

    /// Adds a function told each time personal data was erased, right after the keys are destroyed, e.g. to drop
    /// a cache of encoded events that may hold the erased values.
    ///
    /// - Parameter observer: The function; it must return quickly.
    public func observeErasures(_ observer: @escaping @Sendable () -> Void) {
        erasureObservers.withLock { $0.append(observer) }
    }
}
