import CLZ4

/// LZ4 block compression through liblz4.
enum LZ4Block {
    /// The largest output `compress` can produce for `size` input bytes.
    ///
    /// - Parameter size: The number of input bytes.
    /// - Returns: The worst-case compressed size.
    static func maximumCompressedSize(for size: Int) -> Int {
        Int(LZ4_compressBound(Int32(size)))
    }

    /// Compresses `source` into `destination`.
    ///
    /// - Parameters:
    ///   - source: The bytes to compress.
    ///   - destination: Room for at least ``maximumCompressedSize(for:)`` bytes.
    /// - Returns: The number of compressed bytes written, or `nil` when liblz4 reports a failure.
    static func compress(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer) -> Int? {
        guard let sourceBase = source.baseAddress, let destinationBase = destination.baseAddress else { return nil }
        let written = LZ4_compress_default(
            sourceBase.assumingMemoryBound(to: CChar.self),
            destinationBase.assumingMemoryBound(to: CChar.self),
            Int32(source.count),
            Int32(destination.count)
        )
        return written > 0 ? Int(written) : nil
    }

    /// Decompresses a block whose decompressed size is known.
    ///
    /// liblz4's safe decoder never reads or writes outside the given buffers, whatever the input.
    ///
    /// - Parameters:
    ///   - source: The compressed block.
    ///   - destination: Exactly the expected decompressed size.
    /// - Returns: Whether the block decompressed to exactly `destination.count` bytes.
    static func decompress(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer) -> Bool {
        guard let sourceBase = source.baseAddress, let destinationBase = destination.baseAddress else {
            return source.isEmpty && destination.isEmpty
        }
        let produced = LZ4_decompress_safe(
            sourceBase.assumingMemoryBound(to: CChar.self),
            destinationBase.assumingMemoryBound(to: CChar.self),
            Int32(source.count),
            Int32(destination.count)
        )
        return produced == Int32(destination.count)
    }
}
