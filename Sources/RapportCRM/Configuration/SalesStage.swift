/// An opportunity stage: its name, the probability of winning and forecast category it stands for, and
/// whether it closes the opportunity (won or lost).
public struct SalesStage: Hashable, Sendable, Codable {
    /// The stage's name, for example `Needs Analysis`.
    public var name: String
    /// The probability of winning, in percent (0 to 100).
    public var probability: Int
    /// Where the stage counts in the forecast.
    public var forecastCategory: ForecastCategory
    /// Whether the stage closes the opportunity.
    public var closed: Bool
    /// Whether the stage closes it as won (only a closed stage can be).
    public var won: Bool

    /// Creates a stage.
    ///
    /// - Parameters:
    ///   - name: The stage's name.
    ///   - probability: The probability of winning, in percent.
    ///   - forecastCategory: Where the stage counts in the forecast.
    ///   - closed: Whether it closes the opportunity.
    ///   - won: Whether it closes it as won.
    public init(
        name: String,
        probability: Int,
        forecastCategory: ForecastCategory,
        closed: Bool = false,
        won: Bool = false
    ) {
        self.name = name
        self.probability = probability
        self.forecastCategory = forecastCategory
        self.closed = closed
        self.won = won
    }

    /// Reads a stage; `closed` and `won` may be left out and are then `false`.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a field is missing or of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            probability: try container.decode(Int.self, forKey: .probability),
            forecastCategory: try container.decode(ForecastCategory.self, forKey: .forecastCategory),
            closed: try container.decodeIfPresent(Bool.self, forKey: .closed) ?? false,
            won: try container.decodeIfPresent(Bool.self, forKey: .won) ?? false
        )
    }
}
