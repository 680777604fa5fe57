/// The stages seen in events, in the order they rank in the pipeline.
///
/// Events record a stage's name and its probability in force, not its place in the configured list, so the
/// rank is inferred: by the probability recorded when the stage was first seen, then by the order stages were
/// first seen (the demo's Prospecting and Qualification both stand at 10%, and Prospecting comes first). A
/// stage's rank never changes once seen, so comparisons made while folding stay true for good.
struct PipelineStages: Hashable, Sendable {
    /// Stages whose entries and advances are tracked by stage conversion: a deal keeps one bit per stage.
    static let trackedCount = 64

    /// The stage names, by number in the order first seen.
    private(set) var names = TextTable<Int32>()
    /// The probability recorded when each stage was first seen, in percent.
    private(set) var firstProbabilities: [UInt8] = []
    /// Whether each stage was ever an open stage of a deal (closed stages are only ever reached by closing).
    private(set) var seenOpen: [Bool] = []

    /// How many stages.
    var count: Int { names.count }

    /// The number of a stage, adding it when it is new.
    ///
    /// - Parameters:
    ///   - name: The stage's name.
    ///   - probability: Its probability as the event recorded it.
    ///   - open: Whether a deal is open in it.
    /// - Returns: The stage's number and whether it was new.
    @inline(__always)
    mutating func number(of name: String, probability: UInt8, open: Bool) -> (number: Int32, isNew: Bool) {
        if let number = names.number(of: name) {
            if open, !seenOpen[Int(number)] { seenOpen[Int(number)] = true }
            return (number, false)
        }
        firstProbabilities.append(probability)
        seenOpen.append(open)
        return (names.append(name), true)
    }

    /// Adds a stage read back from a binary form.
    ///
    /// - Parameters:
    ///   - name: The stage's name, not known yet.
    ///   - probability: Its probability when first seen.
    ///   - open: Whether it was ever an open stage.
    mutating func restore(_ name: String, probability: UInt8, open: Bool) {
        firstProbabilities.append(probability)
        seenOpen.append(open)
        _ = names.append(name)
    }

    /// Whether one stage ranks before another in the pipeline.
    ///
    /// - Parameters:
    ///   - first: A stage's number.
    ///   - second: Another stage's number.
    /// - Returns: `true` when `first` comes earlier.
    @inline(__always)
    func ranks(_ first: Int32, before second: Int32) -> Bool {
        let (left, right) = (firstProbabilities[Int(first)], firstProbabilities[Int(second)])
        return left != right ? left < right : first < second
    }

    /// The stage numbers in pipeline order.
    var ranked: [Int32] {
        (0..<Int32(count)).sorted { ranks($0, before: $1) }
    }

    /// The name of a stage.
    ///
    /// - Parameter number: The stage's number.
    subscript(number: Int32) -> String { names[number] }
}
