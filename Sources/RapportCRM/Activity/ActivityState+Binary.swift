extension ActivityState: BinaryField {
    /// Writes the version, the account, if any, and the status.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        version.write(to: &writer)
        accountId.write(to: &writer)
        status.write(to: &writer)
    }

    /// Reads an activity's state written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The state.
    /// - Throws: ``BinaryFormatError`` when the bytes end early or hold an unknown status.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> ActivityState {
        ActivityState(version: try reader.read(), accountId: try reader.read(), status: try reader.read())
    }
}

extension ActivityState.Status: BinaryField {
    /// Writes a tag byte: 0 logged, 1 open task, 2 completed task.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        switch self {
        case .logged: writer.writeByte(0)
        case .openTask: writer.writeByte(1)
        case .completedTask: writer.writeByte(2)
        }
    }

    /// Reads a status written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The status.
    /// - Throws: ``BinaryFormatError`` when the tag is unknown or no byte is left.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> ActivityState.Status {
        switch try reader.readByte() {
        case 0: .logged
        case 1: .openTask
        case 2: .completedTask
        case let tag:
            throw BinaryFormatError("activity status tag \(tag) at byte \(reader.offset - 1) is not 0, 1 or 2")
        }
    }
}
