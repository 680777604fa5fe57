extension AccountsModel {
    /// Makes room for as many records as `other` holds (see ``ReadModel/reserveCapacity(like:)``).
    ///
    /// - Parameter other: A model whose record counts the tables are sized for.
    public mutating func reserveCapacity(like other: Self) {
        accounts.reserveCapacity(other.accounts.count)
        contacts.reserveCapacity(other.contacts.count)
        opportunities.reserveCapacity(other.opportunities.count)
        cases.reserveCapacity(other.cases.count)
        campaigns.reserveCapacity(other.campaigns.count)
        openTasks.reserveCapacity(other.openTasks.count)
    }
}
