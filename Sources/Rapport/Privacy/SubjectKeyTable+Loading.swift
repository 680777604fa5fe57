/// Reading a key store file into a table, checking the header and every whole slot.
extension SubjectKeyTable {
    /// How many slots are read with one call to the file.
    private static let slotsPerRead = 512

    /// Reads a key store file.
    ///
    /// Slots are read until the last whole one; what follows (a partial slot, or a run of all-zero slots that
    /// reaches the end) is a torn append, left for the caller to judge: the table's slots end at
    /// `SubjectKeyFile.offset(ofSlot: table.slotCount)`, which is less than the size returned when there is one.
    ///
    /// - Parameters:
    ///   - file: The open file.
    ///   - advice: What to do about damage, appended to the message.
    /// - Returns: The table and the file's size when it was read.
    /// - Throws: ``RapportError`` `key_store_failure` naming the file, and the slot and its offset for a damaged
    ///   slot.
    static func load(from file: SubjectKeyFileHandle, advice: String) throws -> (table: SubjectKeyTable, size: Int) {
        let size = try file.size()
        var header = [UInt8](repeating: 0, count: SubjectKeyFile.headerSize)
        let read = try header.withUnsafeMutableBytes { try file.read(at: 0, into: $0) }
        guard read == SubjectKeyFile.headerSize else {
            throw RapportError(
                .keyStoreFailure,
                "\(file.name) is \(read) bytes long, shorter than its \(SubjectKeyFile.headerSize)-byte header; "
                    + advice
            )
        }
        try header.withUnsafeBytes { try SubjectKeyFile.checkHeader($0, name: file.name, advice: advice) }
        // Room for the slots the size allows, up to 16M: the size is only a hint, and a sparse file could claim more.
        let slots = max(0, size - SubjectKeyFile.headerSize) / SubjectKeyFile.slotSize
        var table = SubjectKeyTable(capacity: min(slots, 1 << 24))
        try table.readSlots(of: file, upTo: size, advice: advice)
        return (table, size)
    }

    /// Reads the whole slots after the table's last one, up to `end`, and adds them.
    ///
    /// When a slot is damaged, the slots before it are added and the error is thrown. A run of all-zero slots
    /// that reaches `end` is not added (the table then ends before it); one followed by other slots is damage.
    ///
    /// - Parameters:
    ///   - file: The open file.
    ///   - end: Where to stop, for example the file's size; a partial slot before it is not read.
    ///   - advice: What to do about damage, appended to the message.
    /// - Throws: ``RapportError`` `key_store_failure` naming the file, the slot, its offset and the rule broken.
    mutating func readSlots(of file: SubjectKeyFileHandle, upTo end: Int, advice: String) throws {
        let slotSize = SubjectKeyFile.slotSize
        let wholeEnd = SubjectKeyFile.offset(ofSlot: max(0, end - SubjectKeyFile.headerSize) / slotSize)
        var buffer = [UInt8](repeating: 0, count: Self.slotsPerRead * slotSize)
        var offset = SubjectKeyFile.offset(ofSlot: slotCount)
        var zeroRunStart: Int?
        while offset < wholeEnd {
            let wanted = min(buffer.count, wholeEnd - offset)
            let read = try buffer.withUnsafeMutableBytes { raw in
                try file.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<wanted]))
            }
            let whole = read / slotSize * slotSize
            try buffer.withUnsafeBytes { raw in
                for start in stride(from: 0, to: whole, by: slotSize) {
                    let number = (offset + start - SubjectKeyFile.headerSize) / slotSize
                    let bytes = UnsafeRawBufferPointer(rebasing: raw[start..<(start + slotSize)])
                    if bytes.allSatisfy({ $0 == 0 }) {
                        zeroRunStart = zeroRunStart ?? number
                        continue
                    }
                    if let zero = zeroRunStart {
                        throw SubjectKeyFile.damage(
                            in: file.name,
                            slot: zero,
                            "is all zero bytes, yet written slots follow it",
                            advice: advice
                        )
                    }
                    // The key's bytes go straight into the table's block of keys: no key is made until one is
                    // looked up.
                    let (subject, key) = try SubjectKeySlot.fields(
                        decoding: bytes,
                        slot: number,
                        name: file.name,
                        advice: advice
                    )
                    guard append(subject: subject, key: key) else {
                        let first = self[subject]?.slot ?? 0
                        throw SubjectKeyFile.damage(
                            in: file.name,
                            slot: number,
                            "holds subject \(subject), which slot \(first) already holds",
                            advice: advice
                        )
                    }
                }
            }
            guard read == wanted else { return }
            offset += whole
        }
    }
}
