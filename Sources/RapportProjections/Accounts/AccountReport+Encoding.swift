import RapportCRM

extension AccountReport {
    /// Writes the report's JSON form, the contract scripts rely on: opportunities and cases each as `open` and
    /// `closed` lists, absent values as `null`.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(position, forKey: .position)
        try container.encode(account, forKey: .account)
        try container.encode(parent, forKey: .parent)
        try container.encode(children, forKey: .children)
        try container.encode(contacts, forKey: .contacts)
        var opportunities = container.nestedContainer(keyedBy: Keys.self, forKey: .opportunities)
        try opportunities.encode(openOpportunities, forKey: .open)
        try opportunities.encode(closedOpportunities, forKey: .closed)
        var cases = container.nestedContainer(keyedBy: Keys.self, forKey: .cases)
        try cases.encode(openCases, forKey: .open)
        try cases.encode(closedCases, forKey: .closed)
        try container.encode(activities, forKey: .activities)
        try container.encode(lead, forKey: .lead)
        try container.encode(convertedLeads, forKey: .convertedLeads)
        try container.encode(campaigns, forKey: .campaigns)
        try container.encode(mergedAccounts, forKey: .mergedAccounts)
        try container.encode(totals, forKey: .totals)
    }

    private enum Keys: String, CodingKey {
        case asOf, position, account, parent, children, contacts, opportunities, cases, open, closed, activities
        case lead, convertedLeads, campaigns, mergedAccounts, totals
    }
}
