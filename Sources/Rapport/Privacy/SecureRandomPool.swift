import Crypto
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random bytes for new subject keys and cipher nonces, drawn from the kernel's secure generator a block at a time.
///
/// A bulk load creates a key for nearly every contact and lead and a nonce for every event with personal data.
/// Drawn one by one through swift-crypto or the standard library's generator, which ask the kernel for eight bytes
/// per system call, they were a measurable part of the load; no library here draws more at a time, so this
/// does, through getentropy(3). Every byte is handed out once, and the block is refilled in place, so it leaves no copies behind.
struct SecureRandomPool: Sendable {
    /// The bytes drawn at a time.
    static let blockSize = 4096

    /// The current block; empty until bytes are first asked for, so a pool never used draws nothing.
    private var block: [UInt8] = []
    /// Bytes of the block already handed out.
    private var used = 0

    /// A new 256-bit key.
    ///
    /// - Returns: The key.
    /// - Throws: ``RapportError`` `key_store_failure` when the system's generator fails.
    mutating func nextKey() throws -> SymmetricKey {
        try take(SubjectKeySlot.keyLength) { SymmetricKey(data: $0) }
    }

    /// A new 96-bit nonce for AES-GCM.
    ///
    /// - Returns: The nonce.
    /// - Throws: ``RapportError`` `key_store_failure` when the system's generator fails.
    mutating func nextNonce() throws -> AES.GCM.Nonce {
        try take(PersonalDataCipher.nonceLength) { try AES.GCM.Nonce(data: $0) }
    }

    /// Hands `count` bytes never handed out before to `body`.
    private mutating func take<Result>(
        _ count: Int,
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        if used + count > block.count { try refill() }
        let range = used..<(used + count)
        used += count
        return try block.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Fills the block with new random bytes.
    private mutating func refill() throws {
        if block.isEmpty { block = [UInt8](repeating: 0, count: Self.blockSize) }
        try block.withUnsafeMutableBytes { buffer in
            var filled = 0
            while filled < buffer.count {
                let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
                // getentropy(3) gives at most 256 bytes a call: 16 calls a block, against 512 eight bytes at a time.
                let drawn = min(rest.count, 256)
                guard getentropy(rest.baseAddress, drawn) == 0 else {
                    let error = Errno(rawValue: errno)
                    if error == .interrupted { continue }
                    throw RapportError(.keyStoreFailure, "the system's random generator failed: \(error)", cause: error)
                }
                filled += drawn
            }
        }
        used = 0
    }
}
