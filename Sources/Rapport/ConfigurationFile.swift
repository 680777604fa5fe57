import Foundation
public import RapportCRM

/// A CRM configuration file: JSON with any of `salesStages`, `leadStatuses` and `caseTargets`; a section left
/// out keeps Salesforce's default (``CRMConfiguration/standard``).
public enum ConfigurationFile {
    /// Reads and validates a configuration file.
    ///
    /// - Parameter path: The file's path.
    /// - Returns: The configuration.
    /// - Throws: ``RapportError`` `unreadable_input` when the file cannot be read, or `invalid_input` naming the
    ///   file, the field and the rule when it breaks one.
    public static func load(_ path: String) throws -> CRMConfiguration {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw RapportError(.unreadableInput, "cannot read the configuration file \(path)")
        }
        do {
            return try CRMConfiguration.decode(json: Array(contents))
        } catch let refusal as DomainError {
            throw RapportError(.invalidInput, "configuration file \(path): \(refusal.message)", cause: refusal)
        }
    }
}
