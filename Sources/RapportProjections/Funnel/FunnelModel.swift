public import RapportCRM

/// Placeholder for the funnel read model, written in full in its own change.
public struct FunnelModel: ReadModel {
    public static let name = "funnel"
    public static let version = 1
    public init() {}
    public mutating func apply(_ event: RecordedEvent) {}
    public func write(to writer: inout ByteWriter) {}
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> FunnelModel { FunnelModel() }
}
