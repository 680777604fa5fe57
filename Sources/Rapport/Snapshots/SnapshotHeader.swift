public import Foundation
public import RapportCRM
public import RapportTime

/// What a snapshot holds and where: the positions of its parts, the read models' versions, and each section's
/// length and checksum. Read on its own to list snapshots and to pick one without reading the rest.
public struct SnapshotHeader: Sendable, Hashable {
    /// The layout of snapshot files this release writes: 2 added the log's index section. Format 1 is still read.
    static let formatVersion: UInt64 = 2

    /// One stored section: its name, length in bytes and CRC-32C.
    public struct Section: Sendable, Hashable {
        /// `models`, `decisions`, `results` or `index`.
        public var name: String
        /// Its length in bytes.
        public var length: UInt64
        /// Its CRC-32C.
        public var checksum: UInt32
    }

    /// When the snapshot was written.
    public var createdAt: Timestamp
    /// How far the read models are folded.
    public var models: FoldProgress
    /// The id of the last event folded into the read models, to check that the log still holds it.
    public var modelsLastEventId: UUID?
    /// The number of events folded into the decision state and command results.
    public var decisionsPosition: UInt64
    /// The id of the last event folded into the decision state.
    public var decisionsLastEventId: UUID?
    /// The name and version of every read model stored.
    public var modelVersions: [String: Int]
    /// The sections, in file order.
    public var sections: [Section]

    /// The position the snapshot stands for: the later of its two parts.
    public var position: UInt64 { max(models.position, decisionsPosition) }
}

extension SnapshotHeader: BinaryField {
    /// Writes the header's fields in order.
    public func write(to writer: inout ByteWriter) {
        writer.write(Self.formatVersion)
        writer.write(createdAt)
        writer.write(models.position)
        writer.write(models.lastRecordedAt)
        writer.write(models.latestOccurredAt)
        writer.write(modelsLastEventId.map(\.bytes))
        writer.write(decisionsPosition)
        writer.write(decisionsLastEventId.map(\.bytes))
        writer.writeVarint(UInt64(modelVersions.count))
        for (name, version) in modelVersions.sorted(by: { $0.key < $1.key }) {
            writer.write(name)
            writer.write(version)
        }
        writer.writeVarint(UInt64(sections.count))
        for section in sections {
            writer.write(section.name)
            writer.write(section.length)
            writer.write(UInt64(section.checksum))
        }
    }

    /// Reads a header written by ``write(to:)``.
    ///
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged or of another format version.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> SnapshotHeader {
        let format: UInt64 = try reader.read()
        guard (1...formatVersion).contains(format) else {
            throw BinaryFormatError("snapshot format \(format), this release reads formats 1 to \(formatVersion)")
        }
        let createdAt: Timestamp = try reader.read()
        let progress = FoldProgress(
            position: try reader.read(UInt64.self),
            lastRecordedAt: try reader.read(Timestamp?.self),
            latestOccurredAt: try reader.read(Timestamp?.self)
        )
        let modelsLastEventId = try readId(from: &reader)
        let decisionsPosition: UInt64 = try reader.read()
        let decisionsLastEventId = try readId(from: &reader)
        var modelVersions: [String: Int] = [:]
        for _ in 0..<(try reader.readCount()) {
            let name: String = try reader.read()
            modelVersions[name] = try reader.read(Int.self)
        }
        var sections: [Section] = []
        for _ in 0..<(try reader.readCount()) {
            let name: String = try reader.read()
            let length: UInt64 = try reader.read()
            let checksum: UInt64 = try reader.read()
            guard let narrow = UInt32(exactly: checksum) else {
                throw BinaryFormatError("section \(name) has checksum \(checksum), wider than 32 bits")
            }
            sections.append(Section(name: name, length: length, checksum: narrow))
        }
        return SnapshotHeader(
            createdAt: createdAt,
            models: progress,
            modelsLastEventId: modelsLastEventId,
            decisionsPosition: decisionsPosition,
            decisionsLastEventId: decisionsLastEventId,
            modelVersions: modelVersions,
            sections: sections
        )
    }

    private static func readId(from reader: inout ByteReader) throws(BinaryFormatError) -> UUID? {
        guard let bytes = try reader.read([UInt8]?.self) else { return nil }
        guard bytes.count == 16 else { throw BinaryFormatError("an event id of \(bytes.count) bytes, not 16") }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            )
        )
    }
}

extension UUID {
    /// The id's 16 bytes.
    var bytes: [UInt8] { withUnsafeBytes(of: uuid) { Array($0) } }
}
