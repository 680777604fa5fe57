import Foundation

/// JSON numbers go through `Decimal`, which the JSON coders read from and write as the number's text: a
/// `Double` holds only 15 to 17 significant digits, so amounts near ``Money/maximum`` (a trillion to four
/// decimals, 17 digits) would not survive a round trip.
extension Money: Codable {
    /// Reads a JSON number, rounded to the nearest ten-thousandth (halves away from zero).
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError.dataCorrupted` when the value is not a number of at most ``maximum`` in size.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let rule = "must be an amount: a number of at most \(Money.maximum) in size"
        let amount: Decimal
        do {
            amount = try container.decode(Decimal.self)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: rule)
        }
        guard let money = Money(amount) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(rule), not \(amount)")
        }
        self = money
    }

    /// Writes the amount as a JSON number with as many decimals as it needs, e.g. `1054.5`.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let magnitude = Decimal(sign: .plus, exponent: -4, significand: Decimal(tenThousandths.magnitude))
        try container.encode(tenThousandths < 0 ? -magnitude : magnitude)
    }

    /// The amount nearest to a decimal number, or nil when it is beyond ``maximum``.
    private init?(_ amount: Decimal) {
        guard amount.isFinite else { return nil }
        var scaled = amount * 10_000
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        let limit = Decimal(Money.maximum.tenThousandths)
        guard rounded >= -limit, rounded <= limit else { return nil }
        self.init(tenThousandths: NSDecimalNumber(decimal: rounded).int64Value)
    }
}
