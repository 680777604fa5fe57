import Foundation

/// The files of a log's data directory, read and damaged on purpose by tests of recovery and verification.
///
/// Every method works on a file name inside ``directory`` (for example `00000000000000000000.log`), so a test
/// states which file it damages the way the log's reports name it.
public struct LogFiles: Sendable {
    /// The data directory.
    public let directory: String

    /// Creates a view of a data directory's files.
    ///
    /// - Parameter directory: The data directory.
    public init(directory: String) {
        self.directory = directory
    }

    /// The segment files' names, oldest first.
    ///
    /// - Returns: The names ending in `.log`, sorted.
    /// - Throws: When the directory can not be listed.
    public func segmentNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".log") }.sorted()
    }

    /// Every file's content, by name, to check later that nothing was changed.
    ///
    /// - Returns: The files' bytes by name.
    /// - Throws: When the directory or a file can not be read.
    public func snapshot() throws -> [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            contents[name] = try bytes(of: name)
        }
        return contents
    }

    /// The full path of a file in the directory.
    ///
    /// - Parameter name: The file's name.
    /// - Returns: Its path.
    public func path(_ name: String) -> String {
        directory + "/" + name
    }

    /// Whether a file exists.
    ///
    /// - Parameter name: The file's name.
    /// - Returns: `true` when it exists.
    public func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: path(name))
    }

    /// A file's size.
    ///
    /// - Parameter name: The file's name.
    /// - Returns: Its size in bytes.
    /// - Throws: When the file can not be examined.
    public func size(of name: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: path(name))
        return (attributes[.size] as? NSNumber)?.uint64Value ?? 0
    }

    /// A file's whole content.
    ///
    /// - Parameter name: The file's name.
    /// - Returns: Its bytes.
    /// - Throws: When the file can not be read.
    public func bytes(of name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }

    /// Overwrites bytes in the middle of a file.
    ///
    /// - Parameters:
    ///   - bytes: The new bytes.
    ///   - name: The file's name.
    ///   - offset: Where the bytes go.
    /// - Throws: When the file can not be written.
    public func write(_ bytes: [UInt8], to name: String, at offset: UInt64) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path(name)))
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: bytes)
    }

    /// Inverts every bit of one byte of a file.
    ///
    /// - Parameters:
    ///   - name: The file's name.
    ///   - offset: The byte to invert.
    /// - Throws: When the file can not be read or written.
    public func flipByte(in name: String, at offset: UInt64) throws {
        let content = try bytes(of: name)
        try write([~content[Int(offset)]], to: name, at: offset)
    }

    /// Adds bytes at the end of a file.
    ///
    /// - Parameters:
    ///   - bytes: The bytes to add.
    ///   - name: The file's name.
    /// - Throws: When the file can not be written.
    public func append(_ bytes: [UInt8], to name: String) throws {
        try write(bytes, to: name, at: size(of: name))
    }

    /// Cuts a file to a size.
    ///
    /// - Parameters:
    ///   - name: The file's name.
    ///   - size: The new size.
    /// - Throws: When the file can not be truncated.
    public func truncate(_ name: String, to size: UInt64) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path(name)))
        defer { try? handle.close() }
        try handle.truncate(atOffset: size)
    }

    /// Creates a file or directory where the log will want to create one, so that its creation fails.
    ///
    /// - Parameters:
    ///   - name: The name to occupy.
    ///   - asDirectory: Whether to put a non-empty directory there (which `unlink` can not remove) rather than
    ///     an empty file.
    /// - Throws: When it can not be created.
    public func occupy(_ name: String, asDirectory: Bool = false) throws {
        var file = path(name)
        if asDirectory {
            try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: false)
            file += "/keep"
        }
        guard FileManager.default.createFile(atPath: file, contents: Data()) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
        }
    }

    /// Removes a file or directory.
    ///
    /// - Parameter name: The file's name.
    /// - Throws: When it can not be removed.
    public func remove(_ name: String) throws {
        try FileManager.default.removeItem(atPath: path(name))
    }
}
