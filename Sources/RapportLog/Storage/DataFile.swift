import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file of the log (segment or index) with positioned reads and writes and durable syncs.
///
/// Positioned reads (`pread`) do not move a shared offset, so readers on several threads may share one.
final class DataFile: Sendable {
    /// The file's path, used in every error message.
    let path: String
    private let descriptor: FileDescriptor

    private init(path: String, descriptor: FileDescriptor) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        try? descriptor.close()
    }

    /// Opens an existing file for reading.
    ///
    /// - Parameter path: The file.
    /// - Returns: The open file.
    /// - Throws: ``LogError/Code/ioFailure`` when it can not be opened.
    static func openForReading(_ path: String) throws -> DataFile {
        do {
            return DataFile(path: path, descriptor: try FileDescriptor.open(FilePath(path), .readOnly))
        } catch {
            throw LogError(.ioFailure, "can not open \(path) for reading", cause: error)
        }
    }

    /// Opens a file for reading and writing, creating it when asked.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - create: Whether to create the file; when `true`, an existing file is an error.
    /// - Returns: The open file.
    /// - Throws: ``LogError/Code/ioFailure`` when it can not be opened or created.
    static func openForWriting(_ path: String, create: Bool) throws -> DataFile {
        do {
            let options: FileDescriptor.OpenOptions = create ? [.create, .exclusiveCreate] : []
            let descriptor = try FileDescriptor.open(
                FilePath(path),
                .readWrite,
                options: options,
                permissions: create ? [.ownerReadWrite, .groupRead, .otherRead] : nil
            )
            return DataFile(path: path, descriptor: descriptor)
        } catch {
            throw LogError(.ioFailure, "can not open \(path) for writing", cause: error)
        }
    }

    /// The file's current size in bytes.
    ///
    /// - Throws: ``LogError/Code/ioFailure``.
    func size() throws -> UInt64 {
        var status = stat()
        guard fstat(descriptor.rawValue, &status) == 0 else {
            throw LogError(.ioFailure, "can not read the size of \(path)", cause: Errno(rawValue: errno))
        }
        return UInt64(status.st_size)
    }

    /// Reads up to `buffer.count` bytes at `offset`, fewer only at the end of the file.
    ///
    /// - Parameters:
    ///   - offset: Where to start reading.
    ///   - buffer: Where to put the bytes.
    /// - Returns: The number of bytes read.
    /// - Throws: ``LogError/Code/ioFailure``.
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var total = 0
        while total < buffer.count {
            let count: Int
            do {
                count = try descriptor.read(
                    fromAbsoluteOffset: Int64(offset) + Int64(total),
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...])
                )
            } catch {
                throw LogError(.ioFailure, "can not read \(path) at byte \(offset + UInt64(total))", cause: error)
            }
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// Reads exactly `count` bytes at `offset`, or fewer when the file ends first.
    ///
    /// - Parameters:
    ///   - offset: Where to start reading.
    ///   - count: How many bytes to read.
    /// - Returns: The bytes read.
    /// - Throws: ``LogError/Code/ioFailure``.
    func read(at offset: UInt64, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let read = try bytes.withUnsafeMutableBytes { try self.read(at: offset, into: $0) }
        bytes.removeLast(count - read)
        return bytes
    }

    /// Reads the whole file, sized by its current length.
    ///
    /// - Returns: The file's bytes.
    /// - Throws: ``LogError/Code/ioFailure``.
    func readAll() throws -> [UInt8] {
        try read(at: 0, count: Int(size()))
    }

    /// Writes all of `bytes` at `offset`.
    ///
    /// - Parameters:
    ///   - bytes: What to write.
    ///   - offset: Where to write it.
    /// - Throws: ``LogError/Code/ioFailure`` (for example when the disk is full).
    func write(_ bytes: UnsafeRawBufferPointer, at offset: UInt64) throws {
        var total = 0
        while total < bytes.count {
            do {
                total += try descriptor.write(
                    toAbsoluteOffset: Int64(offset) + Int64(total),
                    UnsafeRawBufferPointer(rebasing: bytes[total...])
                )
            } catch {
                throw LogError(.ioFailure, "can not write \(path) at byte \(offset + UInt64(total))", cause: error)
            }
        }
    }

    /// Writes all of `bytes` at `offset`.
    ///
    /// - Parameters:
    ///   - bytes: What to write.
    ///   - offset: Where to write it.
    /// - Throws: ``LogError/Code/ioFailure``.
    func write(_ bytes: [UInt8], at offset: UInt64) throws {
        try bytes.withUnsafeBytes { try write($0, at: offset) }
    }

    /// Makes everything written so far durable (`fdatasync`).
    ///
    /// - Throws: ``LogError/Code/ioFailure``; after a failed sync nothing written since the last good one can
    ///   be trusted to be on disk.
    func sync() throws {
        guard fdatasync(descriptor.rawValue) == 0 else {
            throw LogError(.ioFailure, "can not sync \(path) to disk", cause: Errno(rawValue: errno))
        }
    }

    /// Cuts the file to `size` bytes.
    ///
    /// - Parameter size: The new size.
    /// - Throws: ``LogError/Code/ioFailure``.
    func truncate(to size: UInt64) throws {
        do {
            try descriptor.resize(to: Int64(size))
        } catch {
            throw LogError(.ioFailure, "can not truncate \(path) to \(size) bytes", cause: error)
        }
    }
}
