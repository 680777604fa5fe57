import Foundation
import RapportCRM
import RapportLog
import RapportProjections
import RapportTime

/// The bytes of a snapshot file: a magic string, the header with its checksum, then the sections (read models,
/// decision state, command results, the log's index), each with its own length and checksum in the header.
///
/// Written in this project's own binary codec (the one events use), since no library here writes Swift values in
/// a compact form that reads back at millions of records a second.
enum SnapshotFile {
    /// The first eight bytes of every snapshot file.
    static let magic = Array("RAPSNAP\n".utf8)

    /// The section names, in file order.
    static let sectionNames = ["models", "decisions", "results", "index"]
    /// The sections of format 1 files, written before snapshots held the log's index; they are still read.
    static let formerSectionNames = ["models", "decisions", "results"]

    /// Encodes a snapshot: the read models on another task while this one writes the decision state and the
    /// results, since each is seconds of work on a large history and a snapshot holds up the engine's close.
    ///
    /// - Parameters:
    ///   - snapshot: The snapshot.
    ///   - index: The log's index checkpoint, as ``LogCheckpoint/encoded()`` gives it.
    ///   - modelsLastEventId: The id of the last event folded into the read models.
    ///   - decisionsLastEventId: The id of the last event folded into the decision state.
    ///   - createdAt: The time of writing.
    /// - Returns: The header and the file's parts, to be written one after another.
    static func encode(
        _ snapshot: Snapshot,
        index: [UInt8],
        modelsLastEventId: UUID?,
        decisionsLastEventId: UUID?,
        createdAt: Timestamp
    ) async -> (header: SnapshotHeader, parts: [[UInt8]]) {
        let readModels = snapshot.models.models
        async let models = {
            var models = ByteWriter(capacity: 1 << 20)
            readModels.write(to: &models)
            return models.bytes
        }()
        var decisions = ByteWriter(capacity: 1 << 20)
        snapshot.decisions.write(to: &decisions)
        var results = ByteWriter(capacity: 1 << 16)
        snapshot.results.write(to: &results)
        let bodies = [await models, decisions.bytes, results.bytes, index]
        let sections = zip(sectionNames, bodies).map { name, bytes in
            SnapshotHeader.Section(name: name, length: UInt64(bytes.count), checksum: checksum(bytes))
        }
        var versions: [String: Int] = [:]
        for entry in ReadModels.catalog { versions[entry.name] = entry.version }
        let header = SnapshotHeader(
            createdAt: createdAt,
            models: snapshot.models.progress,
            modelsLastEventId: modelsLastEventId,
            decisionsPosition: snapshot.decisionsPosition,
            decisionsLastEventId: decisionsLastEventId,
            modelVersions: versions,
            sections: sections
        )
        return (header, [prefix(of: header)] + bodies)
    }

    /// The bytes of a file before its sections: the magic string, the header and the header's checksum.
    ///
    /// - Parameter header: The header.
    /// - Returns: The bytes, for ``readHeader(from:)``.
    static func prefix(of header: SnapshotHeader) -> [UInt8] {
        var headerWriter = ByteWriter(capacity: 512)
        header.write(to: &headerWriter)
        var prefix = ByteWriter(capacity: 600)
        for byte in magic { prefix.writeByte(byte) }
        prefix.writeBytes(headerWriter.bytes)
        prefix.writeVarint(UInt64(checksum(headerWriter.bytes)))
        return prefix.bytes
    }

    /// Reads a snapshot's header, checking the magic string and the header's checksum.
    ///
    /// - Parameter reader: A reader at the file's start; left at the first section.
    /// - Returns: The header.
    /// - Throws: ``BinaryFormatError`` naming what is wrong.
    static func readHeader(from reader: inout ByteReader) throws(BinaryFormatError) -> SnapshotHeader {
        for expected in magic {
            guard try reader.readByte() == expected else {
                throw BinaryFormatError("the file does not start with the snapshot magic string")
            }
        }
        let (header, actual) = try reader.withBytes { (bytes: inout ByteReader) throws(BinaryFormatError) in
            let checksum = bytes.withRemainingBytes { SnapshotFile.checksum($0) }
            return (try SnapshotHeader.read(from: &bytes), checksum)
        }
        let stored = try reader.readVarint()
        guard stored == UInt64(actual) else {
            throw BinaryFormatError("the header's checksum is \(actual), the file says \(stored)")
        }
        return header
    }

    /// Reads the read models, checking their section's checksum.
    ///
    /// - Parameters:
    ///   - header: The header read by ``readHeader(from:)``.
    ///   - reader: A reader at the first section.
    ///   - selection: The read models to decode; the others are left empty.
    /// - Returns: The read models.
    /// - Throws: ``BinaryFormatError`` naming the damaged section, or saying that the file ends too soon.
    static func readModels(
        of header: SnapshotHeader,
        from reader: inout ByteReader,
        only selection: ReadModels.Selection
    ) throws(BinaryFormatError) -> ReadModels {
        try checkLayout(of: header, remaining: reader.remainingCount)
        return try readSection(header.sections[0], from: &reader) {
            (bytes: inout ByteReader) throws(BinaryFormatError) in
            try ReadModels.read(from: &bytes, only: selection)
        }
    }

    /// Reads the decision state and the command results, checking their sections' checksums; the models' section
    /// before them is passed over, so that another reader can take it at the same time.
    ///
    /// - Parameters:
    ///   - header: The header read by ``readHeader(from:)``.
    ///   - reader: A reader at the first section.
    /// - Returns: The decision state and the results of commands by id.
    /// - Throws: ``BinaryFormatError`` naming the damaged section, or saying that the file ends too soon.
    static func readDecisions(of header: SnapshotHeader, from reader: inout ByteReader) throws(BinaryFormatError)
        -> (DecisionState, CommandResults)
    {
        try checkLayout(of: header, remaining: reader.remainingCount)
        try reader.withNext(Int(header.sections[0].length)) { _ throws(BinaryFormatError) in }
        let decisions: DecisionState = try readSection(header.sections[1], from: &reader)
        let results: CommandResults = try readSection(header.sections[2], from: &reader)
        return (decisions, results)
    }

    /// Reads the log's index checkpoint, checking its section's checksum.
    ///
    /// - Parameters:
    ///   - header: The header read by ``readHeader(from:)``.
    ///   - reader: A reader at the first section.
    ///   - streams: ``RapportLog/StreamIndexing/notIndexed`` to pass over the stream index, for a log read by
    ///     position only.
    /// - Returns: The checkpoint, or `nil` for a format 1 file, which has none.
    /// - Throws: ``BinaryFormatError`` naming what is damaged.
    static func readIndex(
        of header: SnapshotHeader,
        from reader: inout ByteReader,
        streams: StreamIndexing = .indexed
    ) throws(BinaryFormatError) -> LogCheckpoint? {
        try checkLayout(of: header, remaining: reader.remainingCount)
        guard header.sections.count == sectionNames.count else { return nil }
        let before = header.sections.dropLast().reduce(0) { $0 + Int($1.length) }
        try reader.withNext(before) { _ throws(BinaryFormatError) in }
        let section = header.sections[sectionNames.count - 1]
        return try reader.withNext(Int(section.length)) { (bytes: inout ByteReader) throws(BinaryFormatError) in
            // The bytes stay valid for as long as the reader's: they are the file's, not a copy made for the call.
            let raw = bytes.withRemainingBytes { $0 }
            let actual = checksum(raw)
            guard actual == section.checksum else {
                throw BinaryFormatError("section index has checksum \(actual), the header says \(section.checksum)")
            }
            do throws(LogError) {
                return try LogCheckpoint(decoding: raw, streams: streams)
            } catch {
                throw BinaryFormatError("section index: \(error.message)")
            }
        }
    }

    /// Checks that the header lists the sections of a known layout and that the file holds all of them.
    private static func checkLayout(of header: SnapshotHeader, remaining: Int) throws(BinaryFormatError) {
        let names = header.sections.map(\.name)
        guard names == sectionNames || names == formerSectionNames else {
            throw BinaryFormatError("the sections are \(names), expected \(sectionNames)")
        }
        var total: UInt64 = 0
        for section in header.sections {
            let (sum, overflow) = total.addingReportingOverflow(section.length)
            guard !overflow, sum <= UInt64(remaining) else {
                throw BinaryFormatError(
                    "section \(section.name) of \(section.length) bytes runs past the file's end"
                )
            }
            total = sum
        }
    }

    private static func readSection<Value: BinaryField>(
        _ section: SnapshotHeader.Section,
        from reader: inout ByteReader
    ) throws(BinaryFormatError) -> Value {
        try readSection(section, from: &reader) { (bytes: inout ByteReader) throws(BinaryFormatError) in
            try Value.read(from: &bytes)
        }
    }

    private static func readSection<Value>(
        _ section: SnapshotHeader.Section,
        from reader: inout ByteReader,
        _ decode: (inout ByteReader) throws(BinaryFormatError) -> Value
    ) throws(BinaryFormatError) -> Value {
        guard section.length <= UInt64(reader.remainingCount) else {
            throw BinaryFormatError("section \(section.name) of \(section.length) bytes runs past the file's end")
        }
        return try reader.withNext(Int(section.length)) { (bytes: inout ByteReader) throws(BinaryFormatError) in
            let actual = bytes.withRemainingBytes { checksum($0) }
            guard actual == section.checksum else {
                throw BinaryFormatError(
                    "section \(section.name) has checksum \(actual), the header says \(section.checksum)"
                )
            }
            let value = try decode(&bytes)
            guard bytes.isAtEnd else {
                throw BinaryFormatError("section \(section.name) has \(bytes.remainingCount) bytes after its end")
            }
            return value
        }
    }

    /// The CRC-32C of bytes of any length (ISA-L takes at most 2 GiB a call).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + (1 << 30))
            crc = CRC32C.update(crc, UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            start = end
        }
        return crc
    }

    private static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
