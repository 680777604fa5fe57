import Rapport
import RapportCRM

/// Runs a list of commands in order: each is decided against the state the ones before it left, and all are
/// queued for the log without waiting in between, so a list shares fsyncs. The list is not atomic: at the first
/// refusal the run stops, and the commands before it stay run.
struct CommandBatch {
    let engine: Engine

    /// Runs the commands and waits until the events of all that were run are durable.
    ///
    /// - Parameter envelopes: The commands, in order.
    /// - Returns: Their results, in order.
    /// - Throws: ``Problem`` for the first refused command, carrying its index and the results of those before
    ///   it; ``RapportError`` when the engine fails.
    func run(_ envelopes: [CommandEnvelope]) async throws -> [CommandResult] {
        var pending: [AsyncThrowingStream<CommandResult, any Error>] = []
        var refusal: Problem?
        var failure: (any Error)?
        for (index, envelope) in envelopes.enumerated() {
            let (outcome, continuation) = AsyncThrowingStream<CommandResult, any Error>.makeStream()
            do {
                let acceptance = try engine.submit(envelope) { result in
                    continuation.yield(with: result.mapError { $0 as any Error })
                    continuation.finish()
                }
                if case .settled(let result) = acceptance {
                    continuation.yield(result)
                    continuation.finish()
                }
                pending.append(outcome)
            } catch let domainRefusal as DomainError {
                var problem = Problem(refusal: domainRefusal)
                problem.index = index
                problem.field = "[\(index)]" + (domainRefusal.field.map { "." + $0 } ?? "")
                refusal = problem
                break
            } catch {
                failure = error
                break
            }
        }
        var results: [CommandResult] = []
        for outcome in pending {
            for try await result in outcome {
                results.append(result)
            }
        }
        if let failure {
            throw failure
        }
        if var refusal {
            refusal.completed = results.map(CommandResponse.init)
            throw refusal
        }
        return results
    }
}
