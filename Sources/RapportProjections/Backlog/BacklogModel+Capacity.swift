extension BacklogModel {
    /// Makes room for as many records as `other` holds (see ``ReadModel/reserveCapacity(like:)``).
    ///
    /// - Parameter other: A model whose record counts the tables are sized for.
    public mutating func reserveCapacity(like other: Self) {
        cases.reserveCapacity(other.cases.count)
        caseIndex.reserveCapacity(other.caseIndex.count)
        days.reserveCapacity(other.days.count)
    }
}
