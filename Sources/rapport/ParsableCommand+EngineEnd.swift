import ArgumentParser

extension ParsableCommand {
    /// Ends the process once its engine is closed and everything it wrote is on disk.
    ///
    /// Returning instead would first free the engine's state one object at a time: on a large history gigabytes,
    /// seconds of work whose only effect is memory the ending process gives back at once anyway.
    ///
    /// - Parameter failed: Whether the process ends with status 1 rather than 0.
    static func endAfterClosingEngine(failed: Bool = false) -> Never {
        failed ? exit(withError: ExitCode(1)) : exit()
    }
}
