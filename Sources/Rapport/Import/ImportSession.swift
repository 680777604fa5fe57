import RapportCRM
import RapportTime

/// One import run's working state: the shadow of the decision state each row is checked against first (so a row
/// is taken whole or not at all), the commands waiting for their bulk append, and every row's plan.
///
/// A row's commands are decided on the shadow in order; only when all are accepted are they queued for the
/// engine, which decides them again on the command path and appends them in bulk. The engine decides each bulk
/// append on a task of its own, one after the other, while the next rows are decided on the shadow. When a row's
/// later command is refused after its earlier ones changed the shadow, the shadow is rebuilt from the engine (or,
/// in a dry run, from the state before the run and the commands accepted since), so no half of a row is ever kept.
final class ImportSession {
    let engine: Engine
    let mapping: ImportMapping
    let options: ImportOptions
    var shadow: DecisionState
    /// The state before the run: which records existed before it, and, with ``accepted``, the shadow of a dry run
    /// rebuilt.
    private let initial: DecisionState
    /// The commands accepted during a dry run.
    private var accepted: [CommandEnvelope] = []
    /// Command ids accepted during this run.
    private var knownIds: Set<String> = []
    private var pending: [CommandEnvelope] = []
    private var pendingOwners: [(file: Int, plan: Int)] = []
    private let inFlight = AppendsInFlight(limit: 8)
    /// The bulk appends the engine is deciding, each after the one before it; its value is every command the
    /// engine refused among them.
    private var submitting: Task<[LateRefusal], any Error>?
    /// Every file's row plans, in file order.
    var plans: [[RowPlan]] = []
    /// Account ids by name, per account file.
    var accountNames: [String: [String: RecordId]] = [:]
    /// The keys of each reference file.
    var referenceKeys: [String: Set<String>] = [:]

    /// Commands per bulk append.
    static let batchSize = 1024

    init(engine: Engine, mapping: ImportMapping, options: ImportOptions) {
        self.engine = engine
        self.mapping = mapping
        self.options = options
        let state = engine.decisionState
        self.shadow = state
        self.initial = state
    }

    /// A command the shadow accepted and the engine then refused, and the row it belongs to.
    private struct LateRefusal: Sendable {
        var file: Int
        var plan: Int
        var refusal: DomainError
    }

    /// Makes room for the command ids of a file's rows, in the session and in the engine, so that neither table grows
    /// step by step while the rows are checked.
    ///
    /// - Parameter rows: The file's rows.
    func reserve(rows: Int) {
        let commands = rows * Self.commandsPerRow
        knownIds.reserveCapacity(knownIds.count + commands)
        if !options.dryRun { engine.reserveCommandResults(commands) }
    }

    /// About how many commands a row makes: a deal opened and closed, a case updated twice.
    private static let commandsPerRow = 2

    /// Whether a command already ran, in this run or an earlier one. The engine is asked only about a command on a
    /// record that existed before the run (see ``decide(_:)``), so that rows of new records do not wait for the
    /// bulk append the engine is deciding.
    func isKnown(_ envelope: CommandEnvelope) -> Bool {
        guard let id = envelope.commandId else { return false }
        if knownIds.contains(id) { return true }
        return existedBefore(envelope) && engine.hasResult(forCommandId: id)
    }

    /// Whether a command's record existed before this run. A command on a record that did not never ran in an
    /// earlier run: had it run, the record would exist, and records are never taken out of the state. What ran in
    /// this run is in ``knownIds``.
    private func existedBefore(_ envelope: CommandEnvelope) -> Bool {
        initial.version(of: envelope.command.target) > 0
    }

    /// Decides a row's commands on the shadow and queues them when all are accepted; a refusal fails the row.
    ///
    /// - Parameters:
    ///   - file: The file's index in ``plans``.
    ///   - index: The row plan's index in its file's plans; its events and failure are filled in.
    /// - Throws: ``RapportError`` when the log fails.
    func check(file: Int, plan index: Int) async throws {
        guard plans[file][index].failure == nil, plans[file][index].skip == nil else { return }
        // The commands leave the plan here: once decided, what the reports need of them is their count of events.
        let commands = plans[file][index].commands
        plans[file][index].commands = []
        let (accepted, events, refusal) = try decide(commands)
        if let refusal {
            plans[file][index].failure = ImportProblem(
                refusal.code.description,
                field: refusal.field,
                refusal.message
            )
            if !accepted.isEmpty { try await rebuildShadow() }
            return
        }
        plans[file][index].events = events
        for command in accepted {
            if options.dryRun {
                self.accepted.append(commands[command])
            } else {
                pending.append(commands[command])
                pendingOwners.append((file, index))
            }
        }
        if pending.count >= Self.batchSize { try await flush() }
    }

    /// Decides a row's commands on the shadow, in order, leaving out those that already ran, and applies each one
    /// accepted; on a refusal, the ids of the row's commands are forgotten again.
    ///
    /// - Returns: The indexes of the commands accepted (applied to the shadow) before any refusal, the events
    ///   they decided, and the refusal.
    /// - Throws: What deciding throws besides a refusal.
    private func decide(_ commands: [CommandEnvelope]) throws -> (accepted: [Int], events: Int, refusal: DomainError?) {
        // Not asking the engine about rows of records that are new in this run keeps them from waiting on the bulk
        // append the engine is deciding.
        let mayHaveRun = commands.contains(where: existedBefore)
        var accepted: [Int] = []
        var inserted: [String] = []
        var events = 0
        for index in commands.indices {
            if let id = commands[index].commandId {
                guard knownIds.insert(id).inserted else { continue }
                inserted.append(id)
                if mayHaveRun, engine.hasResult(forCommandId: id) { continue }
            }
            let context = DecisionContext(
                occurredAt: commands[index].occurredAt ?? Timestamp.now(),
                actor: commands[index].actor,
                configuration: engine.configuration
            )
            do {
                let decided = try shadow.decide(commands[index].command, expectedVersion: nil, in: context)
                guard !decided.isEmpty else { continue }
                shadow.apply(decided)
                events += decided.count
                accepted.append(index)
            } catch let refusal as DomainError {
                for id in inserted { knownIds.remove(id) }
                return (accepted, events, refusal)
            }
        }
        return (accepted, events, nil)
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
            try await finish()
            shadow = engine.decisionState
        }
    }

    /// Sends the queued commands to the engine as one bulk append, decided on a task after the appends before it.
    ///
    /// - Throws: ``RapportError`` when an earlier append failed.
    func flush() async throws {
        guard !pending.isEmpty else { return }
        await inFlight.waitForRoom()
        if let failure = inFlight.firstFailure { throw failure }
        inFlight.started()
        let (batch, owners) = (pending, pendingOwners)
        pending.removeAll(keepingCapacity: true)
        pendingOwners.removeAll(keepingCapacity: true)
        let (previous, engine, inFlight) = (submitting, engine, inFlight)
        submitting = Task {
            do {
                var refusals = try await previous?.value ?? []
                let (outcomes, appending) = try engine.submitBatch(batch, completion: inFlight.finished)
                if !appending { inFlight.finished(failure: nil) }
                for (owner, outcome) in zip(owners, outcomes) {
                    if case .failure(let refusal) = outcome {
                        refusals.append(LateRefusal(file: owner.file, plan: owner.plan, refusal: refusal))
                    }
                }
                return refusals
            } catch {
                // This append never reached the log: count it as ended, failed, so no one waits for it.
                inFlight.finished(failure: error as? RapportError ?? RapportError(.logFailure, "\(error)"))
                throw error
            }
        }
    }

    /// Sends what is queued, waits until the engine has decided every append and each is durable, and fails the
    /// rows whose commands the engine refused after the shadow had accepted them.
    ///
    /// - Throws: ``RapportError`` when the log fails.
    func finish() async throws {
        try await flush()
        if let submitting {
            self.submitting = nil
            for late in try await submitting.value where plans[late.file][late.plan].failure == nil {
                plans[late.file][late.plan].failure = ImportProblem(
                    late.refusal.code.description,
                    field: late.refusal.field,
                    "the engine refused a command the import had checked: \(late.refusal.message)"
                )
            }
        }
        await inFlight.waitForAll()
        if let failure = inFlight.firstFailure { throw failure }
    }
}
