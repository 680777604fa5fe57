public import Crypto
public import Foundation

/// AES-256-GCM over an event's personal values, bound to the event: the associated data is the event id's 16 bytes
/// and the stream name, so a sealed value moved to another event or stream does not open.
///
/// The sealed form is the 12-byte nonce, the ciphertext and the 16-byte tag, as docs/EVENT-FORMAT.md describes.
public enum PersonalDataCipher {
    /// The length of a nonce in bytes.
    static let nonceLength = 12

    /// Encrypts personal values for one event.
    ///
    /// - Parameters:
    ///   - personal: The values' binary form.
    ///   - key: The person's key.
    ///   - eventId: The event's id.
    ///   - stream: The event's stream, e.g. `contact-c17`.
    ///   - nonce: A nonce never used before, random (``SecureRandomPool/nextNonce()``); a new one by default.
    /// - Returns: Nonce, ciphertext and tag.
    /// - Throws: What the cipher throws (never for a 256-bit key).
    public static func seal(
        _ personal: [UInt8],
        key: SymmetricKey,
        eventId: UUID,
        stream: String,
        nonce: AES.GCM.Nonce = AES.GCM.Nonce()
    ) throws -> [UInt8] {
        let box = try withAssociatedData(eventId, stream) { data in
            try AES.GCM.seal(personal, using: key, nonce: nonce, authenticating: data)
        }
        guard let combined = box.combined else {
            throw RapportError(.keyStoreFailure, "the cipher gave no combined form for the event \(eventId)")
        }
        return Array(combined)
    }

    /// Decrypts the personal values of one event.
    ///
    /// - Parameters:
    ///   - sealed: Nonce, ciphertext and tag.
    ///   - key: The person's key.
    ///   - eventId: The event's id.
    ///   - stream: The event's stream.
    /// - Returns: The values' binary form.
    /// - Throws: What the cipher throws when the key, the event or the bytes do not match.
    public static func open(_ sealed: [UInt8], key: SymmetricKey, eventId: UUID, stream: String) throws -> Data {
        let box = try AES.GCM.SealedBox(combined: sealed)
        return try withAssociatedData(eventId, stream) { data in
            try AES.GCM.open(box, using: key, authenticating: data)
        }
    }

    /// Runs `body` with the associated data of an event's seal, built on the stack.
    private static func withAssociatedData<Result>(
        _ eventId: UUID,
        _ stream: String,
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        var stream = stream
        return try stream.withUTF8 { name in
            try withUnsafeTemporaryAllocation(byteCount: 16 + name.count, alignment: 1) { buffer in
                withUnsafeBytes(of: eventId.uuid) { id in buffer.copyMemory(from: id) }
                UnsafeMutableRawBufferPointer(rebasing: buffer[16...]).copyMemory(from: UnsafeRawBufferPointer(name))
                return try body(UnsafeRawBufferPointer(buffer))
            }
        }
    }
}
