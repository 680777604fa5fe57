import RapportCRM

/// Runs commands given as JSON lines (`rapport exec`): each line is decided in order against the state left by
/// the lines before it, and gets one result line, printed in input order once its events are durable.
///
/// A refused line is reported and the run goes on with the next one: commands are independent requests, and
/// each one is validated against the state the earlier accepted ones left.
public struct CommandLineRunner: Sendable {
    /// How a run went.
    public struct Summary: Sendable, Hashable {
        /// Commands accepted (including those that changed nothing and repeated command ids).
        public var accepted = 0
        /// Commands refused.
        public var refused = 0
        /// Events appended.
        public var events = 0
    }

    /// The engine the commands run on.
    public let engine: Engine

    /// The most commands whose events are queued but not yet durable.
    public static let maximumInFlight = 4096

    /// Creates a runner.
    ///
    /// - Parameter engine: The engine.
    public init(engine: Engine) {
        self.engine = engine
    }

    /// Runs every line; blank lines are skipped.
    ///
    /// - Parameters:
    ///   - nextLine: Returns the next input line, or `nil` at the end of the input.
    ///   - write: Writes one result line (no newline), in input order, possibly from the log's writer thread.
    /// - Returns: How many commands were accepted and refused, and how many events were appended.
    /// - Throws: ``RapportError`` with code `engine_failed` or `log_failure` when the log fails; the lines
    ///   before the failing one keep their results.
    public func run(
        from nextLine: () -> String?,
        write: @escaping @Sendable (String) -> Void
    ) async throws -> Summary {
        let output = OrderedOutput(write: write)
        let inFlight = AppendsInFlight(limit: Self.maximumInFlight)
        var summary = Summary()
        var index = 0
        while inFlight.firstFailure == nil, let line = nextLine() {
            guard !line.isBlankInputLine else { continue }
            let slot = index
            index += 1
            let envelope: CommandEnvelope
            do {
                envelope = try CommandEnvelope.decode(json: line.utf8)
            } catch let refusal as DomainError {
                summary.refused += 1
                output.deliver(CommandOutput.refused(refusal), at: slot)
                continue
            }
            await inFlight.waitForRoom()
            inFlight.started()
            do {
                let acceptance = try engine.submit(envelope) { outcome in
                    switch outcome {
                    case .success(let result):
                        output.deliver(CommandOutput.accepted(result), at: slot)
                        inFlight.finished(failure: nil)
                    case .failure(let failure):
                        output.deliver(CommandOutput.failed(failure), at: slot)
                        inFlight.finished(failure: failure)
                    }
                }
                summary.accepted += 1
                switch acceptance {
                case .appending(let result):
                    summary.events += result.events.count
                case .settled(let result):
                    output.deliver(CommandOutput.accepted(result), at: slot)
                    inFlight.finished(failure: nil)
                }
            } catch let refusal as DomainError {
                summary.refused += 1
                output.deliver(CommandOutput.refused(refusal), at: slot)
                inFlight.finished(failure: nil)
            } catch let failure as RapportError {
                output.deliver(CommandOutput.failed(failure), at: slot)
                inFlight.finished(failure: failure)
            }
        }
        await inFlight.waitForAll()
        if let failure = inFlight.firstFailure {
            throw failure
        }
        return summary
    }
}
