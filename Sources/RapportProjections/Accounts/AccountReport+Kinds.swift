import RapportCRM

extension AccountReport {
    /// Whether an account takes new records, was deactivated, or was merged into another.
    public enum Status: String, Sendable, Hashable, Encodable, CaseIterable {
        case active = "Active"
        case inactive = "Inactive"
        case merged = "Merged"
    }

    /// Where an opportunity stands: still open, or closed as won or lost.
    public enum OpportunityStatus: String, Sendable, Hashable, Encodable, CaseIterable {
        case open = "Open"
        case won = "Won"
        case lost = "Lost"
    }

    /// What an entry of the timeline is: an activity's channel, or a task.
    public enum ActivityKind: String, Sendable, Hashable, Encodable, CaseIterable {
        case call = "Call"
        case email = "Email"
        case meeting = "Meeting"
        case note = "Note"
        case task = "Task"

        /// The kind of a logged activity.
        ///
        /// - Parameter channel: The activity's channel.
        init(_ channel: ActivityChannel) {
            switch channel {
            case .call: self = .call
            case .email: self = .email
            case .meeting: self = .meeting
            case .note: self = .note
            }
        }
    }
}

extension CaseIterable where Self: Equatable, AllCases == [Self] {
    /// Writes the value as its place in ``allCases``, one byte.
    ///
    /// - Parameter writer: The writer.
    func writeOrdinal(to writer: inout ByteWriter) {
        writer.writeByte(UInt8(truncatingIfNeeded: Self.allCases.firstIndex(of: self) ?? 0))
    }

    /// Reads a value written by ``writeOrdinal(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The value.
    /// - Throws: ``BinaryFormatError`` when the byte is no value's place.
    static func readOrdinal(from reader: inout ByteReader) throws(BinaryFormatError) -> Self {
        let byte = try reader.readByte()
        guard Int(byte) < allCases.count else { throw BinaryFormatError("\(byte) is not a \(Self.self)") }
        return allCases[Int(byte)]
    }
}
