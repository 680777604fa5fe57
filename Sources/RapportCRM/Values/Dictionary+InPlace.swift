extension Dictionary {
    /// Changes the value stored for a key where it is stored, when there is one.
    ///
    /// `dictionary[key]?.field = value` goes through the subscript's modify accessor, which moves the optional value
    /// into a frame of its own and back; for the records of the decision state and the read models that frame is
    /// too large for the caller's buffer and is allocated on the heap, once per change. Folding millions of events
    /// made that a large share of all allocations. This looks the key up once and changes the value in place.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - body: Changes the value.
    /// - Returns: Whether the key had a value.
    @discardableResult
    @inline(__always)
    package mutating func modifyValue(forKey key: Key, _ body: (inout Value) throws -> Void) rethrows -> Bool {
        guard let index = index(forKey: key) else { return false }
        try body(&values[index])
        return true
    }
}
