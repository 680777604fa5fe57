import Foundation
import RapportLog

/// The chain hash at the end of every batch of the part of a log the verifier found good.
///
/// The verifier has checked that each batch's `previousHash` field is the hash of the batch before it, so the
/// hash at the end of a batch is read from the next batch's header rather than recomputed: the walk reads only
/// the segment and batch headers (docs/LOG-FORMAT.md), and the last batch's hash is the verifier's head hash.
enum ChainWalk {
    private static let segmentHeaderSize: UInt64 = 88
    private static let batchHeaderSize = 80

    /// Calls `body` with the head at the end of each batch before the verified end, in log order.
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - report: The verifier's report of that directory, made just before.
    ///   - body: Receives each batch's head.
    /// - Throws: ``RapportError`` with code `log_failure` when a file cannot be read or no longer matches the
    ///   report.
    static func forEachBatchEnd(in directory: String, verified report: VerificationReport, _ body: (ChainHead) -> Void)
        throws
    {
        let end = report.recordCount
        guard end > 0 else { return }
        let bases = try segmentBases(in: directory)
        var position: UInt64 = 0
        for (index, base) in bases.enumerated() where base < end {
            let limit = min(index + 1 < bases.count ? bases[index + 1] : end, end)
            let path = directory + "/" + segmentName(base)
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw RapportError(.logFailure, "cannot open \(path) to read its batch headers")
            }
            defer { try? handle.close() }
            var offset = segmentHeaderSize
            while position < limit {
                let header = try read(handle, at: offset, path: path)
                guard header.base == position, header.count > 0 else {
                    throw RapportError(
                        .logFailure,
                        "\(path) at byte \(offset): batch header says position \(header.base), expected \(position); "
                            + "the log changed while it was read"
                    )
                }
                if position > 0 {
                    body(ChainHead(position: position - 1, hash: header.previousHash))
                }
                position += header.count
                offset += UInt64(batchHeaderSize) + header.storedSize
            }
        }
        body(ChainHead(position: end - 1, hash: report.headHash))
    }

    /// The fields of a batch header the walk needs.
    private struct BatchFields {
        var storedSize: UInt64
        var count: UInt64
        var base: UInt64
        var previousHash: ChainHash
    }

    private static func read(_ handle: FileHandle, at offset: UInt64, path: String) throws -> BatchFields {
        let bytes: [UInt8]
        do {
            try handle.seek(toOffset: offset)
            bytes = Array(try handle.read(upToCount: batchHeaderSize) ?? Data())
        } catch {
            throw RapportError(.logFailure, "cannot read \(path) at byte \(offset): \(error)", cause: error)
        }
        guard bytes.count == batchHeaderSize,
            let previousHash = ChainHash(hex: bytes[48..<80].map { hexDigits($0) }.joined())
        else {
            throw RapportError(.logFailure, "\(path) ends inside the batch header at byte \(offset)")
        }
        return BatchFields(
            storedSize: littleEndian(bytes, at: 12, count: 4),
            count: littleEndian(bytes, at: 20, count: 4),
            base: littleEndian(bytes, at: 24, count: 8),
            previousHash: previousHash
        )
    }

    private static func littleEndian(_ bytes: [UInt8], at offset: Int, count: Int) -> UInt64 {
        (0..<count).reduce(UInt64(0)) { value, index in value | UInt64(bytes[offset + index]) << (8 * index) }
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// The bases of the directory's segment files (20 digits and `.log`), ascending.
    private static func segmentBases(in directory: String) throws -> [UInt64] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RapportError(.logFailure, "cannot list \(directory): \(error)", cause: error)
        }
        return names.compactMap { name in
            guard name.utf8.count == 24, name.hasSuffix(".log") else { return nil }
            let digits = name.prefix(20)
            guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
            return UInt64(digits)
        }
        .sorted()
    }

    private static func segmentName(_ base: UInt64) -> String {
        let digits = String(base)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".log"
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0 to 9.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
