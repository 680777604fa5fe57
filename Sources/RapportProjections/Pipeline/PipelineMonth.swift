import RapportTime

/// A calendar month as one number, `year × 12 + month − 1`, so months sort and compare as integers.
///
/// Quarters are derived from months: a quarter's figures are the sum of its three months'.
struct PipelineMonth: Hashable, Comparable, Sendable {
    /// `year × 12 + month − 1`.
    var key: Int32

    /// The month with a key.
    ///
    /// - Parameter key: `year × 12 + month − 1`.
    init(key: Int32) {
        self.key = key
    }

    /// The month a day falls in.
    ///
    /// - Parameter date: The day.
    init(_ date: CalendarDate) {
        let (year, month, _) = date.components
        key = Int32(clamping: year * 12 + month - 1)
    }

    /// The year.
    var year: Int { Int(key.floorDivided(by: 12)) }

    /// The month of the year, 1 to 12.
    var month: Int { Int(key - key.floorDivided(by: 12) * 12) + 1 }

    /// The quarter it falls in, as the key of the quarter's first month.
    var quarter: PipelineMonth { PipelineMonth(key: key - Int32(month - 1) % 3) }

    /// The month as `YYYY-MM`.
    var monthText: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))" }

    /// The quarter as `YYYY-Qn`.
    var quarterText: String { "\(Self.padded(year, 4))-Q\((month - 1) / 3 + 1)" }

    static func < (lhs: PipelineMonth, rhs: PipelineMonth) -> Bool {
        lhs.key < rhs.key
    }

    /// The month's hash in a hashed table: its number's, which the standard library hashes in one step. Hashed
    /// as a value of one field it went through a whole hasher, for every deal counted in or out of a month.
    func _rawHashValue(seed: Int) -> Int {
        key._rawHashValue(seed: seed)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - text.count))
        return (value < 0 ? "-" : "") + zeros + text
    }
}

extension Int32 {
    /// The quotient rounded toward negative infinity.
    fileprivate func floorDivided(by divisor: Int32) -> Int32 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
