import RapportCRM

/// A count of deals with their amount and weighted amount, summed exactly.
///
/// Sums are kept in 128 bits so they never overflow: a model holds fewer than 2^31 deals, each amount is an
/// `Int64` of ten-thousandths and each probability at most 100, so every sum stays below 2^31 × 2^63 × 2^7 =
/// 2^101. Removing a deal subtracts exactly what adding it added, so totals never drift. Reports narrow the
/// sums to ``Money`` at the end, holding them at the largest or smallest `Int64` rather than trapping.
struct PipelineTotals: Hashable, Sendable {
    /// How many deals.
    var count = 0
    /// The sum of their amounts, in ten-thousandths.
    var amount: Int128 = 0
    /// The sum of their amounts times their probabilities, in ten-thousandths times percent.
    var weighted: Int128 = 0

    /// Whether no deal is counted.
    var isEmpty: Bool { count == 0 }

    /// Counts a deal in, or out when `sign` is -1.
    ///
    /// - Parameters:
    ///   - amount: The deal's amount.
    ///   - probability: The deal's probability, in percent.
    ///   - sign: 1 to count the deal in, -1 to count it out.
    @inline(__always)
    mutating func add(_ amount: Money, probability: UInt8, sign: Int) {
        let value = Int128(amount.tenThousandths)
        count += sign
        if sign > 0 {
            self.amount += value
            weighted += value * Int128(probability)
        } else {
            self.amount -= value
            weighted -= value * Int128(probability)
        }
    }

    /// Adds other totals (quarters from months, cumulative forecast categories).
    ///
    /// - Parameter other: The totals to add.
    mutating func add(_ other: PipelineTotals) {
        count += other.count
        amount += other.amount
        weighted += other.weighted
    }

    /// The amount as money.
    var money: Money { PipelineTotals.money(amount) }

    /// The weighted amount as money: the sum of amount × probability / 100, rounded half away from zero.
    var weightedMoney: Money { PipelineTotals.money(PipelineTotals.rounded(weighted, dividedBy: 100)) }

    /// The average amount, rounded half away from zero; zero when no deal is counted.
    var averageMoney: Money {
        count == 0 ? .zero : PipelineTotals.money(PipelineTotals.rounded(amount, dividedBy: Int128(count)))
    }

    /// A quotient rounded half away from zero.
    ///
    /// - Parameters:
    ///   - value: The dividend.
    ///   - divisor: The divisor, positive.
    /// - Returns: The rounded quotient.
    static func rounded(_ value: Int128, dividedBy divisor: Int128) -> Int128 {
        let half = divisor / 2
        return value >= 0 ? (value + half) / divisor : (value - half) / divisor
    }

    /// The money of a 128-bit sum of ten-thousandths, held at the largest or smallest `Int64`.
    ///
    /// - Parameter tenThousandths: The sum.
    /// - Returns: The amount.
    static func money(_ tenThousandths: Int128) -> Money {
        Money(tenThousandths: Int64(clamping: tenThousandths))
    }
}
