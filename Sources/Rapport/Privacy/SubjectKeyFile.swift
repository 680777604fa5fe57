import RapportLog

/// The layout of a key store file: a 128-byte header, then one 128-byte slot per data subject (docs/KEY-STORE.md).
///
/// Both header and slots are 128 bytes long and end with the CRC-32C of their first 124 bytes, so every slot
/// starts on a 128-byte boundary and never straddles a 512-byte sector: rewriting one slot in place can not tear
/// another.
enum SubjectKeyFile {
    /// The first eight bytes of every key store file.
    static let magic = Array("RPKEYS01".utf8)
    /// The format this code writes and reads.
    static let formatVersion: UInt16 = 1
    /// The header's size in bytes.
    static let headerSize = 128
    /// Every slot's size in bytes.
    static let slotSize = 128
    /// Where the checksum sits in the header and in every slot; it covers the bytes before it.
    static let checksumOffset = 124

    /// The byte offset of a slot in the file.
    ///
    /// - Parameter slot: The slot's number, from 0.
    /// - Returns: Where the slot starts.
    static func offset(ofSlot slot: Int) -> Int {
        headerSize + slot * slotSize
    }

    /// The header's bytes, checksum included.
    static var header: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: headerSize)
        bytes.replaceSubrange(0..<magic.count, with: magic)
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: formatVersion.littleEndian, toByteOffset: 8, as: UInt16.self)
            raw.storeBytes(of: UInt16(slotSize).littleEndian, toByteOffset: 10, as: UInt16.self)
        }
        sealChecksum(of: &bytes)
        return bytes
    }

    /// Checks a header: its magic string, its checksum, the format version, the slot size and its reserved bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's first ``headerSize`` bytes.
    ///   - name: The file as error messages name it, for example `key store /data/subject-keys`.
    ///   - advice: What to do about damage, appended to the message.
    /// - Throws: ``RapportError`` `key_store_failure` naming the file and the rule broken.
    static func checkHeader(_ bytes: UnsafeRawBufferPointer, name: String, advice: String) throws {
        guard bytes.prefix(magic.count).elementsEqual(magic) else {
            throw RapportError(
                .keyStoreFailure,
                "\(name) is not a key store: it does not start with the magic string RPKEYS01; \(advice)"
            )
        }
        let stored = littleEndian(bytes, at: checksumOffset, as: UInt32.self)
        let actual = checksum(of: bytes)
        guard stored == actual else {
            throw RapportError(
                .keyStoreFailure,
                "\(name) has a damaged header: its checksum is \(hex(stored)) but its bytes give \(hex(actual)); "
                    + advice
            )
        }
        let version = littleEndian(bytes, at: 8, as: UInt16.self)
        guard version == formatVersion else {
            throw RapportError(
                .keyStoreFailure,
                "\(name) is in key store format \(version); this version reads format \(formatVersion) only"
            )
        }
        let slotSize = littleEndian(bytes, at: 10, as: UInt16.self)
        guard slotSize == self.slotSize else {
            throw RapportError(
                .keyStoreFailure,
                "\(name) has a damaged header: it says its slots are \(slotSize) bytes long, but format "
                    + "\(formatVersion) slots are \(self.slotSize); \(advice)"
            )
        }
        guard bytes[12..<checksumOffset].allSatisfy({ $0 == 0 }) else {
            throw RapportError(
                .keyStoreFailure,
                "\(name) has a damaged header: its reserved bytes 12..<124 are not all zero; \(advice)"
            )
        }
    }

    /// The error for a slot that breaks a rule of the format.
    ///
    /// - Parameters:
    ///   - name: The file as error messages name it.
    ///   - slot: The slot's number.
    ///   - rule: What is wrong with the slot, for example `has state 7, neither 1 (live key) nor 2 (destroyed)`.
    ///   - advice: What to do about it.
    /// - Returns: A ``RapportError`` `key_store_failure` naming the file, the slot and its byte offset.
    static func damage(in name: String, slot: Int, _ rule: String, advice: String) -> RapportError {
        RapportError(
            .keyStoreFailure,
            "\(name) is damaged: slot \(slot) at byte \(offset(ofSlot: slot)) \(rule); \(advice)"
        )
    }

    /// The CRC-32C of a header's or a slot's first 124 bytes.
    ///
    /// - Parameter block: A header or a slot.
    /// - Returns: The checksum it should hold at byte 124.
    static func checksum(of block: UnsafeRawBufferPointer) -> UInt32 {
        CRC32C.checksum(UnsafeRawBufferPointer(rebasing: block[0..<checksumOffset]))
    }

    /// Stores the checksum of a header's or slot's first 124 bytes in its last four.
    ///
    /// - Parameter block: A header or slot, complete but for its checksum.
    static func sealChecksum(of block: inout [UInt8]) {
        block.withUnsafeMutableBytes { raw in
            let value = checksum(of: UnsafeRawBufferPointer(raw))
            raw.storeBytes(of: value.littleEndian, toByteOffset: checksumOffset, as: UInt32.self)
        }
    }

    /// Reads a little-endian integer at an offset that need not be aligned; the caller has checked the bounds.
    ///
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - offset: Where the integer starts.
    ///   - type: The integer's type.
    /// - Returns: The integer.
    static func littleEndian<Integer: FixedWidthInteger>(
        _ bytes: UnsafeRawBufferPointer,
        at offset: Int,
        as type: Integer.Type
    ) -> Integer {
        Integer(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Integer.self))
    }

    /// A checksum as error messages show it, for example `0x0badf00d`.
    ///
    /// - Parameter value: The checksum.
    /// - Returns: Eight hexadecimal digits after `0x`.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
