/// How urgent a support case is.
public enum CasePriority: String, NamedChoice {
    case critical = "Critical"
    case high = "High"
    case medium = "Medium"
    case low = "Low"

    /// Reads a priority's name, refusing any other with the list of allowed ones.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: ``DomainError`` `invalid_field`.
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeChoice(from: decoder)
    }
}

/// The service-level targets of one case priority: how soon the first response and the resolution are due.
public struct ServiceTargets: Hashable, Sendable, Codable {
    /// The priority the targets apply to.
    public var priority: CasePriority
    /// Minutes from opening to the first response.
    public var firstResponseMinutes: Int
    /// Minutes from opening to resolution (time on hold does not count).
    public var resolutionMinutes: Int

    /// Creates targets.
    ///
    /// - Parameters:
    ///   - priority: The priority they apply to.
    ///   - firstResponseMinutes: Minutes to the first response.
    ///   - resolutionMinutes: Minutes to resolution.
    public init(priority: CasePriority, firstResponseMinutes: Int, resolutionMinutes: Int) {
        self.priority = priority
        self.firstResponseMinutes = firstResponseMinutes
        self.resolutionMinutes = resolutionMinutes
    }
}
