/// Byte offsets of one record inside a batch's decompressed block (see docs/LOG-FORMAT.md, "Records").
enum RecordLayout {
    static let lengthOffset = 0
    static let streamVersionOffset = 4
    static let recordedAtOffset = 12
    static let occurredAtOffset = 20
    static let idOffset = 28
    static let streamIdLengthOffset = 44
    static let typeLengthOffset = 46
    static let metadataLengthOffset = 48
    static let payloadLengthOffset = 52
    /// Bytes before the variable-length fields.
    static let fixedSize = 56
    /// The longest stream id or type, in UTF-8 bytes.
    static let maximumNameLength = Int(UInt16.max)
}
