public import RapportCRM
import RapportTime

extension BacklogModel {
    /// Writes the text pool, the cases in opening order, then the day counts.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        texts.write(to: &writer)
        writer.writeVarint(UInt64(cases.count))
        for record in cases { record.write(to: &writer) }
        days.write(to: &writer)
    }

    /// Reads a backlog written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The backlog.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged: a text number outside the pool, a case twice,
    ///   an unknown priority or status.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> BacklogModel {
        var model = BacklogModel()
        model.texts = try TextPool.read(from: &reader)
        let count = try reader.readCount()
        model.cases.reserveCapacity(count)
        for index in 0..<count {
            let record = try CaseRecord.read(from: &reader, texts: model.texts)
            guard model.caseIndex.updateValue(index, forKey: record.id) == nil else {
                throw BinaryFormatError("case \(record.id) is stored twice")
            }
            model.cases.append(record)
        }
        model.days = try [CalendarDate: CaseDayTally].read(from: &reader)
        return model
    }
}

extension CaseRecord {
    /// Writes the record field by field.
    ///
    /// - Parameter writer: The writer.
    func write(to writer: inout ByteWriter) {
        writer.write(id)
        writer.writeSigned(Int64(subject))
        writer.writeSigned(Int64(owner))
        writer.write(priority)
        writer.write(status)
        writer.write(openedAt)
        writer.writeSigned(Int64(firstResponseTarget))
        writer.writeSigned(Int64(resolutionTarget))
        writer.writeSigned(heldMicroseconds)
        writer.write(holdSince)
        Self.writeClock(firstResponseClock, to: &writer)
        Self.writeClock(resolutionClock, to: &writer)
        Self.writeClock(closedClock, to: &writer)
        writer.write(firstResponseMet)
        writer.write(resolutionMet)
        writer.write(escalated)
        writer.write(reopened)
        writer.write(finished)
    }

    /// Reads a record written by ``write(to:)``.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - texts: The pool its subject and owner are numbers of.
    /// - Returns: The record.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged.
    static func read(from reader: inout ByteReader, texts: TextPool) throws(BinaryFormatError) -> CaseRecord {
        var record = CaseRecord(
            id: try reader.read(),
            subject: try texts.readNumber(from: &reader, optional: false),
            owner: try texts.readNumber(from: &reader, optional: true),
            priority: try reader.read(),
            status: try reader.read(),
            openedAt: try reader.read(),
            firstResponseTarget: try readInt32(from: &reader),
            resolutionTarget: try readInt32(from: &reader)
        )
        record.heldMicroseconds = try reader.readSigned()
        record.holdSince = try reader.read()
        record.firstResponseClock = try readClock(from: &reader)
        record.resolutionClock = try readClock(from: &reader)
        record.closedClock = try readClock(from: &reader)
        record.firstResponseMet = try reader.read()
        record.resolutionMet = try reader.read()
        record.escalated = try reader.read()
        record.reopened = try reader.read()
        record.finished = try reader.read()
        return record
    }

    private static func writeClock(_ clock: Int64?, to writer: inout ByteWriter) {
        guard let clock else {
            writer.writeByte(0)
            return
        }
        writer.writeByte(1)
        writer.writeSigned(clock)
    }

    private static func readClock(from reader: inout ByteReader) throws(BinaryFormatError) -> Int64? {
        try reader.read(Bool.self) ? try reader.readSigned() : nil
    }

    private static func readInt32(from reader: inout ByteReader) throws(BinaryFormatError) -> Int32 {
        let value = try reader.readSigned()
        guard let narrow = Int32(exactly: value) else { throw BinaryFormatError("target \(value) out of range") }
        return narrow
    }
}

extension CaseDayTally: BinaryField {
    /// Writes the two counts.
    ///
    /// - Parameter writer: The writer.
    func write(to writer: inout ByteWriter) {
        writer.write(opened)
        writer.write(closed)
    }

    /// Reads the two counts.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The counts.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged.
    static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> CaseDayTally {
        CaseDayTally(opened: try reader.read(), closed: try reader.read())
    }
}
