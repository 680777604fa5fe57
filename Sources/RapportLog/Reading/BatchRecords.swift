/// The records of one batch, from a scan's first position on, decoded in place: what a reading thread hands the
/// code that prepares a batch (``EventLog/scan(from:preparing:_:)``). Valid only during that call.
public struct BatchRecords {
    private let block: UnsafeRawBufferPointer
    private let header: BatchHeader
    private let place: (path: String, offset: UInt64)
    private let position: UInt64

    /// The records of the uncompressed `block` of the batch with `header`, from `position` on.
    init(
        block: UnsafeRawBufferPointer,
        header: BatchHeader,
        place: (path: String, offset: UInt64),
        from position: UInt64
    ) {
        self.block = block
        self.header = header
        self.place = place
        self.position = position
    }

    /// Calls `body` with each record, in log order, until it returns `false`.
    ///
    /// - Parameter body: Receives each record; returns `false` to stop. The view is valid only during the call.
    /// - Returns: `false` when `body` stopped.
    /// - Throws: ``LogError`` with code `corrupt_data` when a record does not fit the block, naming the segment
    ///   file and the batch's offset, or what `body` throws.
    public func forEach(_ body: (RecordView) throws -> Bool) throws -> Bool {
        do {
            return try BatchDecoder.forEachRecord(in: block, header: header) { view in
                guard view.position >= position else { return true }
                return try body(view)
            }
        } catch let error as LogError where error.code == .corruptData {
            throw locating(error)
        }
    }

    /// The batch's damage, said of the segment file and the batch's offset in it.
    private func locating(_ error: LogError) -> LogError {
        LogError(.corruptData, "\(place.path) at byte \(place.offset): \(error.message)")
    }

    /// Where a record of this batch is, to find it again with ``record(at:)``.
    ///
    /// - Parameter view: A record of this batch, as ``forEach(_:)`` passed it.
    /// - Returns: The record's mark.
    public func mark(of view: RecordView) -> RecordMark {
        // A record's stream id starts right after its fixed fields.
        let streamIdStart = view.streamIdBytes.baseAddress.map { $0 - block.baseAddress! } ?? 0
        return RecordMark(offset: streamIdStart - RecordLayout.fixedSize, position: view.position)
    }

    /// A record found before in this batch.
    ///
    /// - Parameter mark: The record's mark (``mark(of:)``), from this batch.
    /// - Returns: The record.
    /// - Throws: ``LogError`` with code `corrupt_data` when the mark is not a record of this batch.
    public func record(at mark: RecordMark) throws -> RecordView {
        guard mark.offset >= 0, mark.offset < block.count,
            let view = RecordView(block: block, offset: mark.offset, position: mark.position)
        else {
            throw locating(LogError(.corruptData, "no record \(mark.position) in the batch"))
        }
        return view
    }
}

/// Where a record is in its batch: see ``BatchRecords/mark(of:)``.
public struct RecordMark: Sendable, Hashable {
    /// Where the record starts in the batch's uncompressed block.
    let offset: Int
    /// The record's position.
    let position: UInt64
}
