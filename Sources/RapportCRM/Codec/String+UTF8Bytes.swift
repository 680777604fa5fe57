extension String {
    /// Whether the string's UTF-8 is exactly these bytes: compares the lengths first, then the bytes in one pass,
    /// so that a name read from the log is matched without making a string of it.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: `true` when they are the string's UTF-8.
    func hasUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let utf8 = self.utf8
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? utf8.elementsEqual(bytes)
    }
}
