/// How many records a run handled and how long it took.
public struct Throughput: Sendable {
    /// The records handled.
    public var records: Int
    /// The wall-clock time taken, in seconds.
    public var seconds: Double

    /// Creates a figure.
    ///
    /// - Parameters:
    ///   - records: The records handled.
    ///   - elapsed: The time taken.
    public init(records: Int, elapsed: Duration) {
        self.records = records
        self.seconds = elapsed.seconds
    }

    /// Records per second.
    public var recordsPerSecond: Double { Double(records) / seconds }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
