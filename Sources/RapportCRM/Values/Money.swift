/// An amount of money, exact to a ten-thousandth of the currency's unit, so sums never drift the way binary
/// floating point does.
///
/// JSON writes it as a number (`1054.5`); the log stores the ten-thousandths as an integer.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The largest amount a field may hold: a trillion units, so that sums of many amounts stay far from overflow.
    public static let maximum = Money(tenThousandths: 1_000_000_000_000 * 10_000)
    /// Nothing.
    public static let zero = Money(tenThousandths: 0)

    /// The amount in ten-thousandths of the currency's unit.
    public var tenThousandths: Int64

    /// Creates an amount from ten-thousandths.
    ///
    /// - Parameter tenThousandths: The amount in ten-thousandths of a unit.
    public init(tenThousandths: Int64) {
        self.tenThousandths = tenThousandths
    }

    /// Creates an amount from whole units.
    ///
    /// - Parameter units: The amount in units.
    public init(units: Int64) {
        self.tenThousandths = units * 10_000
    }

    /// The amount nearest to a floating-point number, or nil when it is not finite or beyond ``maximum``.
    ///
    /// - Parameter value: The amount in units.
    public init?(_ value: Double) {
        let scaled = (value * 10_000).rounded()
        guard scaled.isFinite, abs(scaled) <= Double(Self.maximum.tenThousandths) else { return nil }
        self.tenThousandths = Int64(scaled)
    }

    /// The amount in units, as a floating-point number (for output and ratios, never for sums).
    public var doubleValue: Double { Double(tenThousandths) / 10_000 }

    /// The amount in units, with as many decimals as it needs, e.g. `1054.5`.
    public var description: String {
        let sign = tenThousandths < 0 ? "-" : ""
        let magnitude = tenThousandths.magnitude
        let units = magnitude / 10_000
        var fraction = magnitude % 10_000
        guard fraction != 0 else { return "\(sign)\(units)" }
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return "\(sign)\(units)." + String(repeating: "0", count: digits - text.count) + text
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.tenThousandths < rhs.tenThousandths
    }

    /// The sum of two amounts.
    public static func + (lhs: Money, rhs: Money) -> Money {
        Money(tenThousandths: lhs.tenThousandths + rhs.tenThousandths)
    }

    /// The difference of two amounts.
    public static func - (lhs: Money, rhs: Money) -> Money {
        Money(tenThousandths: lhs.tenThousandths - rhs.tenThousandths)
    }

    /// An amount times a whole quantity.
    public static func * (lhs: Money, rhs: Int) -> Money {
        Money(tenThousandths: lhs.tenThousandths * Int64(rhs))
    }
}
