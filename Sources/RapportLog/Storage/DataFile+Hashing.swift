import Crypto

extension DataFile {
    /// The SHA-256 of the file's first `end` bytes, read in large chunks.
    ///
    /// - Parameter end: The number of bytes to hash.
    /// - Returns: The hash.
    /// - Throws: ``LogError/Code/ioFailure`` when the file can not be read or is shorter than `end`.
    func sha256(upTo end: UInt64) throws -> ChainHash {
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: UInt64 = 0
        while offset < end {
            let wanted = Int(min(UInt64(buffer.count), end - offset))
            let count = try buffer.withUnsafeMutableBytes { bytes in
                try self.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: bytes[..<wanted]))
            }
            guard count == wanted else {
                throw LogError(.ioFailure, "\(path) ended at byte \(offset + UInt64(count)) while hashing it")
            }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            offset += UInt64(count)
        }
        return ChainHash(hasher.finalize())
    }
}
