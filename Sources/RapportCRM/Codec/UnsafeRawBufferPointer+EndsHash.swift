extension UnsafeRawBufferPointer {
    /// A hash of the first and last eight bytes and the length (of every byte when fewer than eight): a few
    /// cycles, for short names that differ at one end or the other (the event catalog's type names), where a keyed
    /// hash of every byte costs dozens. Not keyed, so not for tables that input could flood.
    var endsHash: UInt64 {
        guard count >= 8 else {
            return reduce(UInt64(count)) { ($0 &<< 8) | UInt64($1) } &* 0x9E37_79B9_7F4A_7C15
        }
        let first = loadUnaligned(as: UInt64.self)
        let last = loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        return (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
    }
}
