public import RapportCRM
import RapportLog

extension Engine {
    /// Makes room for the results of this many more commands with ids, for a loader that knows roughly how many it
    /// will send: the table of results then grows once instead of step by step under the engine's lock.
    ///
    /// - Parameter count: The commands expected.
    public func reserveCommandResults(_ count: Int) {
        withCore { $0.results.reserveCapacity($0.results.count + count) }
    }

    /// Decides commands in order, each against the state the earlier ones left, and queues the events of all
    /// accepted ones as one append: the bulk path of loaders (the demo, imports), where one batch and one sync
    /// serve many commands.
    ///
    /// Each command is still all or nothing on its own: a refused one appends nothing and the others go on. The
    /// append as a whole is atomic on disk; if it fails, the engine stops taking commands (`engine_failed`).
    /// Keep batches to a few thousand commands, so the append stays well below the log's size limit.
    ///
    /// - Parameters:
    ///   - envelopes: The commands, in order.
    ///   - completion: Called once, on the log's writer thread, when the append is durable (and the erasure of any
    ///     person a command forgot is complete) or has failed; not
    ///     called when no command appended anything.
    /// - Returns: Each command's result or refusal, in order; whether the completion will be called.
    /// - Throws: ``RapportError`` with code `engine_failed` or `log_failure`.
    public func submitBatch(
        _ envelopes: [CommandEnvelope],
        completion: @escaping @Sendable (Result<Void, RapportError>) -> Void
    ) throws -> (outcomes: [Result<CommandResult, DomainError>], appending: Bool) {
        try checkNotFailed()
        return try withCore { core in
            var outcomes: [Result<CommandResult, DomainError>] = []
            outcomes.reserveCapacity(envelopes.count)
            var records: [ProposedRecord] = []
            records.reserveCapacity(envelopes.count)
            var erasure: Erasure?
            let first = core.nextPosition
            for envelope in envelopes {
                do {
                    let decided = try core.decide(
                        envelope,
                        configuration: configuration,
                        keys: keys,
                        addingRecordsTo: &records
                    )
                    switch decided {
                    case .settled(let result):
                        outcomes.append(.success(result))
                    case .append(let result, let events):
                        if let forgetting = Erasure(of: events, from: result.events[0].position) {
                            erasure = Erasure(
                                subjects: (erasure?.subjects ?? []) + forgetting.subjects,
                                through: forgetting.through
                            )
                        }
                        core.commit(decided, for: envelope)
                        outcomes.append(.success(result))
                    }
                } catch let refusal as DomainError {
                    outcomes.append(.failure(refusal))
                } catch let error as RapportError {
                    // The commands before this one are folded into the state, but none of them is in the log.
                    markFailed(RapportError(.engineFailed, error.message, cause: error))
                    throw error
                }
            }
            guard !records.isEmpty else { return (outcomes, false) }
            let batchErasure = erasure
            do {
                try submitToLog(records, expectedFirst: first, describing: "a batch of \(envelopes.count) commands") {
                    outcome in
                    self.complete(batchErasure, after: outcome) { completion($0.map { _ in () }) }
                }
            } catch let error as RapportError {
                // The batch's commands are already folded into the state, which no longer matches the log.
                markFailed(RapportError(.engineFailed, error.message, cause: error))
                throw error
            }
            return (outcomes, true)
        }
    }
}
