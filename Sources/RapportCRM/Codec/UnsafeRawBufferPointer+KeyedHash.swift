extension UnsafeRawBufferPointer {
    /// A hash of every byte under a key, for hashed tables of short texts: the bytes are read eight at a time (the
    /// last few one by one) and each word is mixed in by a folded multiplication (the two halves of the 128-bit
    /// product xored), a few cycles a word. Keyed by a table's random seed, its collisions cannot be worked out in
    /// advance from the texts alone.
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

    /// The bytes from `offset` to the end, fewer than eight, as one word, read a byte at a time: a short text's
    /// bytes are often a copy just stored in two words, and a word loaded across both would wait for the stores.
    @inline(__always)
    private func tailWord(from offset: Int) -> UInt64 {
        var word: UInt64 = 0
        var index = count
        while index > offset {
            index -= 1
            word = word << 8 | UInt64(self[index])
        }
        return word
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
