/// The configurable vocabulary of the CRM: opportunity stages, lead statuses and case service targets.
///
/// ``standard`` holds Salesforce's defaults. An event records the probability and forecast category in force
/// when it happened, so changing the configuration never rewrites history.
public struct CRMConfiguration: Hashable, Sendable, Codable {
    /// The opportunity stages, in pipeline order.
    public var salesStages: [SalesStage]
    /// The lead statuses, in funnel order.
    public var leadStatuses: [LeadStatus]
    /// The service targets of each case priority.
    public var caseTargets: [ServiceTargets]

    /// Creates a configuration; call ``validated()`` before using one that did not come from ``standard``.
    ///
    /// - Parameters:
    ///   - salesStages: The opportunity stages.
    ///   - leadStatuses: The lead statuses.
    ///   - caseTargets: The service targets per case priority.
    public init(salesStages: [SalesStage], leadStatuses: [LeadStatus], caseTargets: [ServiceTargets]) {
        self.salesStages = salesStages
        self.leadStatuses = leadStatuses
        self.caseTargets = caseTargets
    }

    /// The stage with a name, if there is one.
    ///
    /// - Parameter name: The stage's name, compared exactly.
    /// - Returns: The stage.
    public func stage(named name: String) -> SalesStage? {
        salesStages.first { $0.name == name }
    }

    /// The lead status with a name, if there is one.
    ///
    /// - Parameter name: The status's name, compared exactly.
    /// - Returns: The status.
    public func leadStatus(named name: String) -> LeadStatus? {
        leadStatuses.first { $0.name == name }
    }

    /// The service targets of a priority (every priority has them in a validated configuration).
    ///
    /// - Parameter priority: The case priority.
    /// - Returns: Its targets.
    public func targets(for priority: CasePriority) -> ServiceTargets? {
        caseTargets.first { $0.priority == priority }
    }
}
