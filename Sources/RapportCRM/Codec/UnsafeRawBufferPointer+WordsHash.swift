extension UnsafeRawBufferPointer {
    /// A hash of every byte, read eight at a time and mixed by multiplication: a few cycles a word, for texts that
    /// share long prefixes and suffixes (command ids made of a name, a digest and a command type), which
    /// ``endsHash`` would not tell apart. Not keyed, so only for choosing among parts that are keyed tables.
    var wordsHash: UInt64 {
        var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= count {
            hash = Self.mix(hash, loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        guard offset < count else { return hash }
        var tail: UInt64 = 0
        for index in offset..<count { tail = tail << 8 | UInt64(self[index]) }
        return Self.mix(hash, tail)
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0xC2B2_AE3D_27D4_EB4F
        return mixed ^ (mixed >> 31)
    }
}
