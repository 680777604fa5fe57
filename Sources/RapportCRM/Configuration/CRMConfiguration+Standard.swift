extension CRMConfiguration {
    /// Salesforce's default stages (with their probabilities and forecast categories) and lead statuses, and
    /// service targets per case priority.
    public static let standard = CRMConfiguration(
        salesStages: [
            SalesStage(name: "Prospecting", probability: 10, forecastCategory: .pipeline),
            SalesStage(name: "Qualification", probability: 10, forecastCategory: .pipeline),
            SalesStage(name: "Needs Analysis", probability: 20, forecastCategory: .pipeline),
            SalesStage(name: "Value Proposition", probability: 50, forecastCategory: .pipeline),
            SalesStage(name: "Id. Decision Makers", probability: 60, forecastCategory: .pipeline),
            SalesStage(name: "Perception Analysis", probability: 70, forecastCategory: .pipeline),
            SalesStage(name: "Proposal/Price Quote", probability: 75, forecastCategory: .pipeline),
            SalesStage(name: "Negotiation/Review", probability: 90, forecastCategory: .pipeline),
            SalesStage(name: "Closed Won", probability: 100, forecastCategory: .closed, closed: true, won: true),
            SalesStage(name: "Closed Lost", probability: 0, forecastCategory: .omitted, closed: true),
        ],
        leadStatuses: [
            LeadStatus(name: "Open - Not Contacted"),
            LeadStatus(name: "Working - Contacted"),
            LeadStatus(name: "Closed - Converted", converted: true),
            LeadStatus(name: "Closed - Not Converted"),
        ],
        caseTargets: [
            ServiceTargets(priority: .critical, firstResponseMinutes: 60, resolutionMinutes: 4 * 60),
            ServiceTargets(priority: .high, firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60),
            ServiceTargets(priority: .medium, firstResponseMinutes: 8 * 60, resolutionMinutes: 3 * 24 * 60),
            ServiceTargets(priority: .low, firstResponseMinutes: 24 * 60, resolutionMinutes: 5 * 24 * 60),
        ]
    )
}
