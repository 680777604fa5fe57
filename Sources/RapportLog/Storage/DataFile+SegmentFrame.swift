extension DataFile {
    /// The header at the start of a segment file.
    ///
    /// - Returns: The header, or `nil` when it is missing, cut short or damaged.
    /// - Throws: ``LogError/Code/ioFailure`` when the file can not be read.
    func segmentHeader() throws -> SegmentHeader? {
        let bytes = try read(at: 0, count: SegmentHeader.size)
        return bytes.withUnsafeBytes { SegmentHeader.parse($0) }
    }

    /// The footer at the end of a segment file, if the segment is sealed.
    ///
    /// - Parameter size: The file's size.
    /// - Returns: The footer, or `nil` when the file has none (it is not sealed) or it is damaged.
    /// - Throws: ``LogError/Code/ioFailure`` when the file can not be read.
    func segmentFooter(size: UInt64) throws -> SegmentFooter? {
        guard size >= UInt64(SegmentHeader.size + SegmentFooter.size) else { return nil }
        let bytes = try read(at: size - UInt64(SegmentFooter.size), count: SegmentFooter.size)
        return bytes.withUnsafeBytes { SegmentFooter.parse($0, fileSize: size) }
    }
}
