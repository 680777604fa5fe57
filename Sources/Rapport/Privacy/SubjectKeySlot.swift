import Crypto

/// One slot of a key store file: a data subject and its key, or the mark that the subject's key was destroyed.
///
/// Bytes: 0 the state, 1 the subject's length, 2..<90 the subject in UTF-8 padded with zeros, 90..<122 the key
/// (zeros once destroyed), 122..<124 zero, 124..<128 the CRC-32C of bytes 0..<124, little-endian.
struct SubjectKeySlot: Sendable {
    /// The state byte of a slot that holds a key.
    static let liveState: UInt8 = 1
    /// The state byte of a slot whose key was destroyed.
    static let destroyedState: UInt8 = 2
    /// The longest subject a slot holds, in UTF-8 bytes.
    static let maximumSubjectLength = 88
    /// Where the subject's bytes start.
    static let subjectOffset = 2
    /// Where the key's bytes start.
    static let keyOffset = 90
    /// A key's length in bytes (AES-256).
    static let keyLength = 32

    /// The data subject, for example `contact-c17`.
    let subject: String
    /// The subject's key, or `nil` once it was destroyed.
    let key: SymmetricKey?

    /// The slot's bytes, checksum included.
    var bytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: SubjectKeyFile.slotSize)
        let subjectBytes = Array(subject.utf8)
        bytes[0] = key == nil ? Self.destroyedState : Self.liveState
        bytes[1] = UInt8(subjectBytes.count)
        bytes.replaceSubrange(Self.subjectOffset..<(Self.subjectOffset + subjectBytes.count), with: subjectBytes)
        if let key {
            key.withUnsafeBytes { bytes.replaceSubrange(Self.keyOffset..<(Self.keyOffset + Self.keyLength), with: $0) }
        }
        SubjectKeyFile.sealChecksum(of: &bytes)
        return bytes
    }

    /// Creates a slot.
    ///
    /// - Parameters:
    ///   - subject: The data subject, already checked by ``check(subject:)``.
    ///   - key: Its key, or `nil` for a destroyed one.
    init(subject: String, key: SymmetricKey?) {
        self.subject = subject
        self.key = key
    }

    /// Reads a slot's subject and key bytes, checking every rule of the format; the table keeps the key's bytes as
    /// they are, without making a key of them.
    ///
    /// - Parameters:
    ///   - bytes: The slot's ``SubjectKeyFile/slotSize`` bytes.
    ///   - slot: The slot's number, for error messages.
    ///   - name: The file as error messages name it.
    ///   - advice: What to do about damage, appended to the message.
    /// - Returns: The subject, and the key's bytes within `bytes` (`nil` for a destroyed key).
    /// - Throws: ``RapportError`` `key_store_failure` naming the file, the slot, its offset and the rule broken.
    static func fields(
        decoding bytes: UnsafeRawBufferPointer,
        slot: Int,
        name: String,
        advice: String
    ) throws -> (subject: String, key: UnsafeRawBufferPointer?) {
        func damaged(_ rule: String) -> RapportError {
            SubjectKeyFile.damage(in: name, slot: slot, rule, advice: advice)
        }
        let stored = SubjectKeyFile.littleEndian(bytes, at: SubjectKeyFile.checksumOffset, as: UInt32.self)
        let actual = SubjectKeyFile.checksum(of: bytes)
        guard stored == actual else {
            throw damaged(
                "has checksum \(SubjectKeyFile.hex(stored)) but its bytes give \(SubjectKeyFile.hex(actual))"
            )
        }
        let state = bytes[0]
        guard state == Self.liveState || state == Self.destroyedState else {
            throw damaged("has state \(state), neither 1 (live key) nor 2 (destroyed)")
        }
        let length = Int(bytes[1])
        guard (1...Self.maximumSubjectLength).contains(length) else {
            throw damaged("has subject length \(length), outside 1...\(Self.maximumSubjectLength)")
        }
        let subjectEnd = Self.subjectOffset + length
        guard bytes[subjectEnd..<Self.keyOffset].allSatisfy({ $0 == 0 }) else {
            throw damaged("has non-zero bytes in the padding after its subject")
        }
        let reservedStart = Self.keyOffset + Self.keyLength
        guard bytes[reservedStart..<SubjectKeyFile.checksumOffset].allSatisfy({ $0 == 0 }) else {
            throw damaged(
                "has non-zero bytes in its reserved bytes \(reservedStart)..<\(SubjectKeyFile.checksumOffset)"
            )
        }
        guard let subject = String(validUTF8: UnsafeRawBufferPointer(rebasing: bytes[Self.subjectOffset..<subjectEnd]))
        else {
            throw damaged("has a subject that is not valid UTF-8")
        }
        let keyBytes = UnsafeRawBufferPointer(rebasing: bytes[Self.keyOffset..<reservedStart])
        if state == Self.destroyedState {
            guard keyBytes.allSatisfy({ $0 == 0 }) else {
                throw damaged("is destroyed (state 2) but its key bytes are not all zero")
            }
            return (subject, nil)
        }
        return (subject, keyBytes)
    }

    /// Checks that a subject fits in a slot: 1 to 88 bytes of UTF-8.
    ///
    /// - Parameter subject: The data subject.
    /// - Throws: ``RapportError`` `invalid_input` naming the subject and its length.
    static func check(subject: String) throws {
        let length = subject.utf8.count
        guard (1...maximumSubjectLength).contains(length) else {
            throw RapportError(
                .invalidInput,
                "the data subject \"\(subject)\" is \(length) bytes of UTF-8; a key store holds subjects of "
                    + "1 to \(maximumSubjectLength) bytes"
            )
        }
    }
}
