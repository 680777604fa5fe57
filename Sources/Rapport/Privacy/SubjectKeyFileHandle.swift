import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open key store file with positioned reads and writes and durable syncs; every error names the file.
struct SubjectKeyFileHandle: Sendable {
    /// The file's path.
    let path: String
    /// The file as error messages name it, for example `key store /data/subject-keys`.
    let name: String
    private let descriptor: FileDescriptor

    private init(path: String, name: String, descriptor: FileDescriptor) {
        self.path = path
        self.name = name
        self.descriptor = descriptor
    }

    /// Opens an existing file.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - name: How error messages name it.
    ///   - writable: Whether to open it for writing too.
    /// - Returns: The open file, or `nil` when there is no file at `path`.
    /// - Throws: ``RapportError`` `key_store_failure` when it exists but can not be opened.
    static func open(_ path: String, name: String, writable: Bool) throws -> SubjectKeyFileHandle? {
        do {
            let descriptor = try FileDescriptor.open(FilePath(path), writable ? .readWrite : .readOnly)
            return SubjectKeyFileHandle(path: path, name: name, descriptor: descriptor)
        } catch Errno.noSuchFileOrDirectory {
            return nil
        } catch {
            let purpose = writable ? "reading and writing" : "reading"
            throw RapportError(.keyStoreFailure, "cannot open \(name) for \(purpose): \(error)", cause: error)
        }
    }

    /// Creates a new file that must not exist yet.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - name: How error messages name it.
    /// - Returns: The open file, empty, for writing.
    /// - Throws: ``RapportError`` `key_store_failure`, also when the file exists.
    static func create(_ path: String, name: String) throws -> SubjectKeyFileHandle {
        do {
            let descriptor = try FileDescriptor.open(
                FilePath(path),
                .readWrite,
                options: [.create, .exclusiveCreate],
                permissions: [.ownerReadWrite]
            )
            return SubjectKeyFileHandle(path: path, name: name, descriptor: descriptor)
        } catch {
            throw RapportError(.keyStoreFailure, "cannot create \(name): \(error)", cause: error)
        }
    }

    /// The file's current size in bytes.
    ///
    /// - Throws: ``RapportError`` `key_store_failure`.
    func size() throws -> Int {
        var status = stat()
        guard fstat(descriptor.rawValue, &status) == 0 else {
            let error = Errno(rawValue: errno)
            throw RapportError(.keyStoreFailure, "cannot read the size of \(name): \(error)", cause: error)
        }
        return Int(status.st_size)
    }

    /// Fills a buffer with the bytes at `offset`, or as many as there are before the end of the file.
    ///
    /// - Parameters:
    ///   - offset: Where to start reading.
    ///   - buffer: Where to put the bytes.
    /// - Returns: How many bytes were read.
    /// - Throws: ``RapportError`` `key_store_failure`.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var total = 0
        while total < buffer.count {
            let count: Int
            do {
                count = try descriptor.read(
                    fromAbsoluteOffset: Int64(offset + total),
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...])
                )
            } catch {
                throw RapportError(
                    .keyStoreFailure,
                    "cannot read \(name) at byte \(offset + total): \(error)",
                    cause: error
                )
            }
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// Writes all of `bytes` at `offset`.
    ///
    /// - Parameters:
    ///   - bytes: What to write.
    ///   - offset: Where to write it.
    /// - Throws: ``RapportError`` `key_store_failure` (for example when the disk is full).
    func write(_ bytes: [UInt8], at offset: Int) throws {
        do {
            try descriptor.writeAll(toAbsoluteOffset: Int64(offset), bytes)
        } catch {
            throw RapportError(.keyStoreFailure, "cannot write \(name) at byte \(offset): \(error)", cause: error)
        }
    }

    /// Makes everything written so far durable (`fsync`).
    ///
    /// - Throws: ``RapportError`` `key_store_failure`; after a failed sync nothing written since the last good
    ///   one can be trusted to be on disk.
    func sync() throws {
        guard fsync(descriptor.rawValue) == 0 else {
            let error = Errno(rawValue: errno)
            throw RapportError(.keyStoreFailure, "cannot sync \(name) to disk: \(error)", cause: error)
        }
    }

    /// Cuts the file to `size` bytes.
    ///
    /// - Parameter size: The new size.
    /// - Throws: ``RapportError`` `key_store_failure`.
    func truncate(to size: Int) throws {
        do {
            try descriptor.resize(to: Int64(size))
        } catch {
            throw RapportError(.keyStoreFailure, "cannot truncate \(name) to \(size) bytes: \(error)", cause: error)
        }
    }

    /// Closes the file. Closing loses no written byte (the system keeps it until it reaches the disk), so a
    /// failure to close is not reported: only ``sync()`` says whether bytes are durable.
    func close() {
        try? descriptor.close()
    }
}
