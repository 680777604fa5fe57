import CISAL

/// CRC-32C (Castagnoli), the checksum of batches, segment headers, footers and index files.
///
/// Computed by Intel's ISA-L (`crc32_iscsi`), which uses the processor's CRC instructions.
package enum CRC32C {
    /// The checksum of a byte range.
    ///
    /// - Parameter bytes: The bytes to check.
    /// - Returns: The CRC-32C of `bytes`, with the standard initial value and final inversion.
    package static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        update(0, bytes)
    }

    /// Continues a checksum over more bytes.
    ///
    /// - Parameters:
    ///   - crc: The checksum of the bytes before `bytes` (0 to start).
    ///   - bytes: The next bytes.
    /// - Returns: The checksum of everything so far.
    package static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        let pointer = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: UInt8.self)
        return ~crc32_iscsi(pointer, Int32(bytes.count), ~crc)
    }

    /// The checksum of a byte array.
    ///
    /// - Parameter bytes: The bytes to check.
    /// - Returns: The CRC-32C of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
