import RapportCRM
import RapportTime

/// One import run's working state: the shadow of the decision state each row is checked against first (so a row
/// is taken whole or not at all), the commands waiting for their bulk append, and every row's plan.
///
/// A row's commands are decided on the shadow in order; only when all are accepted are they queued for the
/// engine, which decides them again on the command path and appends them in bulk. When a row's later command is
/// refused after its earlier ones changed the shadow, the shadow is rebuilt from the engine (or, in a dry run,
/// from the state before the run and the commands accepted since), so no half of a row is ever kept.
final class ImportSession {
    let engine: Engine
    let mapping: ImportMapping
    let options: ImportOptions
    var shadow: DecisionState
    /// The state before the run and the commands accepted since, to rebuild the shadow in a dry run.
    private let initial: DecisionState
    private var accepted: [CommandEnvelope] = []
    /// Command ids accepted during this run.
    private var knownIds: Set<String> = []
    private var pending: [CommandEnvelope] = []
    private var pendingOwners: [(file: Int, plan: Int)] = []
    private let inFlight = AppendsInFlight(limit: 8)
    /// Every file's row plans, in file order.
    var plans: [[RowPlan]] = []
    /// Account ids by name, per account file.
    var accountNames: [String: [String: RecordId]] = [:]
    /// The keys of each reference file.
    var referenceKeys: [String: Set<String>] = [:]

    /// Commands per bulk append.
    static let batchSize = 4096

    init(engine: Engine, mapping: ImportMapping, options: ImportOptions) {
        self.engine = engine
        self.mapping = mapping
        self.options = options
        let state = engine.decisionState
        self.shadow = state
        self.initial = state
    }

    /// Whether a command already ran, in this run or an earlier one.
    func isKnown(_ envelope: CommandEnvelope) -> Bool {
        guard let id = envelope.commandId else { return false }
        return knownIds.contains(id) || engine.hasResult(forCommandId: id)
    }

    /// Decides a row's commands on the shadow and queues them when all are accepted; a refusal fails the row.
    ///
    /// - Parameters:
    ///   - file: The file's index in ``plans``.
    ///   - index: The row plan's index in its file's plans; its events and failure are filled in.
    /// - Throws: ``RapportError`` when the log fails.
    func check(file: Int, plan index: Int) async throws {
        var plan = plans[file][index]
        guard plan.failure == nil, plan.skip == nil else { return }
        var queued: [CommandEnvelope] = []
        var events = 0
        for envelope in plan.commands where !isKnown(envelope) {
            let context = DecisionContext(
                occurredAt: envelope.occurredAt ?? Timestamp.now(),
                actor: envelope.actor,
                configuration: engine.configuration
            )
            do {
                let decided = try shadow.decide(envelope.command, expectedVersion: nil, in: context)
                guard !decided.isEmpty else { continue }
                shadow.apply(decided)
                events += decided.count
                queued.append(envelope)
            } catch let refusal as DomainError {
                plan.failure = ImportProblem(refusal.code.description, field: refusal.field, refusal.message)
                plans[file][index] = plan
                if !queued.isEmpty { try await rebuildShadow() }
                return
            }
        }
        plan.events = events
        plans[file][index] = plan
        for envelope in queued {
            if let id = envelope.commandId { knownIds.insert(id) }
            if options.dryRun {
                accepted.append(envelope)
            } else {
                pending.append(envelope)
                pendingOwners.append((file, index))
            }
        }
        if pending.count >= Self.batchSize { try await flush() }
    }

    /// Rebuilds the shadow after a row was refused half way.
    private func rebuildShadow() async throws {
        if options.dryRun {
            shadow = initial
            for envelope in accepted {
                let context = DecisionContext(
                    occurredAt: envelope.occurredAt ?? Timestamp.now(),
                    actor: envelope.actor,
                    configuration: engine.configuration
                )
                if let decided = try? shadow.decide(envelope.command, expectedVersion: nil, in: context) {
                    shadow.apply(decided)
                }
            }
        } else {
            try await flush()
            await inFlight.waitForAll()
            if let failure = inFlight.firstFailure { throw failure }
            shadow = engine.decisionState
        }
    }

    /// Sends the queued commands to the engine as one bulk append.
    ///
    /// - Throws: ``RapportError`` when the log fails.
    func flush() async throws {
        guard !pending.isEmpty else { return }
        await inFlight.waitForRoom()
        if let failure = inFlight.firstFailure { throw failure }
        inFlight.started()
        let (outcomes, appending) = try engine.submitBatch(pending) { [inFlight] outcome in
            switch outcome {
            case .success: inFlight.finished(failure: nil)
            case .failure(let failure): inFlight.finished(failure: failure)
            }
        }
        if !appending { inFlight.finished(failure: nil) }
        for (owner, outcome) in zip(pendingOwners, outcomes) {
            if case .failure(let refusal) = outcome, plans[owner.file][owner.plan].failure == nil {
                plans[owner.file][owner.plan].failure = ImportProblem(
                    refusal.code.description,
                    field: refusal.field,
                    "the engine refused a command the import had checked: \(refusal.message)"
                )
            }
        }
        pending.removeAll(keepingCapacity: true)
        pendingOwners.removeAll(keepingCapacity: true)
    }

    /// Sends what is queued and waits until every append is durable.
    ///
    /// - Throws: ``RapportError`` when the log fails.
    func finish() async throws {
        try await flush()
        await inFlight.waitForAll()
        if let failure = inFlight.firstFailure { throw failure }
    }
}
