public import RapportCRM

/// Placeholder for the backlog read model, written in full in its own change.
public struct BacklogModel: ReadModel {
    public static let name = "backlog"
    public static let version = 1
    public init() {}
    public mutating func apply(_ event: RecordedEvent) {}
    public func write(to writer: inout ByteWriter) {}
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> BacklogModel { BacklogModel() }
}
