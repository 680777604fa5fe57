import RapportCRM

extension Engine {
    /// Whether a command with this id was already run, so sending it again would append nothing.
    ///
    /// - Parameter commandId: The command id.
    /// - Returns: True when the engine holds its result.
    func hasResult(forCommandId commandId: String) -> Bool {
        withCore { $0.results[commandId] != nil }
    }
}
