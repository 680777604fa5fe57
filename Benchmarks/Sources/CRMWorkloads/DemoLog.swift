public import Rapport
import RapportLog

/// The demo history the decoding and rebuild workloads read: written through the command path into a data
/// directory, durability `none`, with no snapshot.
public enum DemoLog {
    /// Writes the demo history of `accounts` accounts (seed 1) into a new data directory.
    ///
    /// - Parameters:
    ///   - directory: The data directory, which should not exist yet.
    ///   - accounts: The number of demo accounts.
    /// - Returns: What the demo wrote.
    /// - Throws: What the engine throws.
    @discardableResult
    public static func write(into directory: String, accounts: Int) async throws -> DemoLoader.Summary {
        var options = EngineOptions()
        options.log.durability = .none
        options.snapshotOnClose = false
        let engine = try await Engine.open(directory: directory, options: options)
        let report = try await DemoLoader.load(into: engine, accounts: accounts, seed: 1)
        await engine.close()
        return report
    }
}
