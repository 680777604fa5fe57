import Foundation
import RapportCRM

@testable import Rapport

/// Changing snapshot files the way damage or another release would.
enum SnapshotFiles {
    /// Changes a snapshot's header and writes the file back with a valid header checksum.
    ///
    /// - Parameters:
    ///   - path: The snapshot file.
    ///   - change: What to change in the header.
    static func rewriteHeader(at path: String, _ change: (inout SnapshotHeader) -> Void) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let (header, rest): (SnapshotHeader, [UInt8]) = try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            let header = try SnapshotFile.readHeader(from: &reader)
            return (header, Array(bytes[reader.offset...]))
        }
        var changed = header
        change(&changed)
        var headerWriter = ByteWriter()
        changed.write(to: &headerWriter)
        var file = ByteWriter()
        for byte in SnapshotFile.magic { file.writeByte(byte) }
        file.writeBytes(headerWriter.bytes)
        file.writeVarint(UInt64(headerWriter.bytes.withUnsafeBytes { SnapshotFile.checksum($0) }))
        try Data(file.bytes + rest).write(to: URL(fileURLWithPath: path))
    }
}
