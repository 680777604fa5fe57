/// One batch's records, uncompressed.
struct ReadBlock: Sendable {
    /// The batch's header.
    var header: BatchHeader
    /// The uncompressed block at the start of a buffer that may be longer.
    var buffer: [UInt8]
    /// The block's size.
    var size: Int
    /// The segment file, for messages.
    var path: String
    /// The batch's offset in the file, for messages.
    var offset: UInt64

    /// Calls `body` with the block's records from `position` on.
    func records<Result>(from position: UInt64, _ body: (BatchRecords) throws -> Result) rethrows -> Result {
        try buffer.withUnsafeBytes { buffer in
            try body(
                BatchRecords(
                    block: UnsafeRawBufferPointer(rebasing: buffer[..<size]),
                    header: header,
                    place: (path, offset),
                    from: position
                )
            )
        }
    }
}
