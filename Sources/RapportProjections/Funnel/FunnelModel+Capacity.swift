extension FunnelModel {
    /// Makes room for as many records as `other` holds (see ``ReadModel/reserveCapacity(like:)``).
    ///
    /// - Parameter other: A model whose record counts the tables are sized for.
    public mutating func reserveCapacity(like other: Self) {
        leads.reserveCapacity(other.leads.count)
        campaigns.reserveCapacity(other.campaigns.count)
        campaignIndex.reserveCapacity(other.campaignIndex.count)
        opportunities.reserveCapacity(other.opportunities.count)
    }
}
