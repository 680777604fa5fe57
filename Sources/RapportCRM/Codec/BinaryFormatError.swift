/// Bytes that do not hold what the binary event form says they should: cut short, too long, or out of range.
public struct BinaryFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, with the byte offset where it was found.
    public var description: String

    /// Creates an error.
    ///
    /// - Parameter description: What is wrong.
    public init(_ description: String) {
        self.description = description
    }
}
