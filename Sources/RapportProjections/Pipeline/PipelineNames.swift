/// Names interned as small numbers in the order first seen, so each deal stores a number instead of a string
/// and the names themselves are stored once.
struct PipelineNames: Hashable, Sendable {
    /// The names, by number.
    private(set) var names: [String] = []
    private var numbers = TextNumbers<Int32>()

    /// How many names.
    var count: Int { names.count }

    /// The number of a name already known.
    ///
    /// - Parameter name: The name.
    /// - Returns: Its number, or nil when it is not known.
    @inline(__always)
    mutating func number(of name: String) -> Int32? {
        numbers.number(of: name)
    }

    /// Whether a name is known.
    ///
    /// - Parameter name: The name.
    /// - Returns: `true` when it has a number.
    func contains(_ name: String) -> Bool {
        numbers.contains(name)
    }

    /// Adds a name not known yet.
    ///
    /// - Parameter name: The name.
    /// - Returns: Its number, the next one.
    mutating func append(_ name: String) -> Int32 {
        let number = Int32(names.count)
        names.append(name)
        numbers.set(number, for: name)
        return number
    }

    /// The name with a number.
    ///
    /// - Parameter number: The number, below ``count``.
    subscript(number: Int32) -> String { names[Int(number)] }
}
