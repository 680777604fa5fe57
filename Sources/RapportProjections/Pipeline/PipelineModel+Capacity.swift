extension PipelineModel {
    /// Makes room for as many records as `other` holds (see ``ReadModel/reserveCapacity(like:)``).
    ///
    /// - Parameter other: A model whose record counts the tables are sized for.
    public mutating func reserveCapacity(like other: Self) {
        dealNumbers.reserveCapacity(other.dealNumbers.count)
        deals.reserveCapacity(other.deals.count)
        slips.reserveCapacity(other.slips.count)
    }
}
