extension UnsafeRawBufferPointer {
    /// A hash of every byte under a key, for hashed tables of short texts: the bytes are read eight at a time and
    /// each word is mixed in by a folded multiplication (the two halves of the 128-bit product xored), a few cycles
    /// a word. Keyed by a table's random seed, its collisions cannot be worked out in advance from the texts alone.
    ///
    /// The standard library's keyed hash costs dozens of cycles for an id of a few bytes, and neither it nor the
    /// collections package offers a faster keyed one for bytes, so the project keeps this one.
    ///
    /// - Parameter seed: The key.
    /// - Returns: The hash.
    @inline(__always)
    func keyedHash(seed: UInt64) -> UInt64 {
        var hash = Self.fold(seed ^ Self.lengthKey, UInt64(truncatingIfNeeded: count) ^ Self.wordKey)
        var offset = 0
        while offset + 8 <= count {
            hash = Self.fold(hash ^ loadUnaligned(fromByteOffset: offset, as: UInt64.self), Self.wordKey)
            offset += 8
        }
        if offset < count { hash = Self.fold(hash ^ tailWord(from: offset), Self.wordKey) }
        return Self.fold(hash, Self.finalKey)
    }

    /// The bytes from `offset` to the end, fewer than eight, as one word: overlapping the word before it when
    /// there is one, else from overlapping loads of four, or of single bytes. The length is hashed separately.
    @inline(__always)
    private func tailWord(from offset: Int) -> UInt64 {
        if count >= 8 { return loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) }
        if count >= 4 {
            let first = UInt64(loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let last = UInt64(loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return first << 32 | last
        }
        return UInt64(self[0]) << 16 | UInt64(self[count / 2]) << 8 | UInt64(self[count - 1])
    }

    @inline(__always)
    private static func fold(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let product = left.multipliedFullWidth(by: right)
        return product.high ^ product.low
    }

    private static var lengthKey: UInt64 { 0x243F_6A88_85A3_08D3 }
    private static var wordKey: UInt64 { 0x9E37_79B9_7F4A_7C15 }
    private static var finalKey: UInt64 { 0xC2B2_AE3D_27D4_EB4F }
}
