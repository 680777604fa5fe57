import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of one log directory: segment names, listing, atomic replacement and directory syncs.
package struct DataDirectory: Sendable {
    /// The directory's path.
    package let path: String

    /// Names a directory; nothing is touched until a method is called.
    ///
    /// - Parameter path: The directory's path.
    package init(path: String) {
        self.path = path
    }

    /// The number of digits in a segment's base position.
    static let nameDigits = 20

    /// The path of the segment whose first record is at `basePosition`.
    func segmentPath(base basePosition: UInt64) -> String {
        "\(path)/\(Self.baseName(basePosition)).log"
    }

    /// The path of a segment's position index.
    func positionIndexPath(base basePosition: UInt64) -> String {
        "\(path)/\(Self.baseName(basePosition)).index"
    }

    /// The path of a segment's time index.
    func timeIndexPath(base basePosition: UInt64) -> String {
        "\(path)/\(Self.baseName(basePosition)).timeindex"
    }

    /// The 20-digit, zero-padded decimal form of a position.
    static func baseName(_ position: UInt64) -> String {
        let digits = String(position)
        return String(repeating: "0", count: nameDigits - digits.count) + digits
    }

    /// Creates the directory (and its parents) when it does not exist.
    ///
    /// - Throws: ``LogError/Code/directoryUnavailable`` when it can not be created or is not a directory.
    package func create() throws {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw LogError(.directoryUnavailable, "\(path) exists and is not a directory")
            }
            return
        }
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o755) != 0 && errno != EEXIST {
                throw LogError(
                    .directoryUnavailable,
                    "can not create data directory \(path)",
                    cause: Errno(rawValue: errno)
                )
            }
        }
    }

    /// The base positions of the segment files present, in ascending order.
    ///
    /// - Throws: ``LogError/Code/directoryUnavailable`` when the directory can not be read.
    func segmentBases() throws -> [UInt64] {
        guard let handle = opendir(path) else {
            throw LogError(.directoryUnavailable, "can not read data directory \(path)", cause: Errno(rawValue: errno))
        }
        defer { closedir(handle) }
        var bases: [UInt64] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name.utf8.count == Self.nameDigits + 4, name.hasSuffix(".log"),
                name.utf8.prefix(Self.nameDigits).allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let base = UInt64(name.prefix(Self.nameDigits))
            else { continue }
            bases.append(base)
        }
        return bases.sorted()
    }

    /// Writes a file atomically: a temporary file, synced, then renamed over the target, then a directory sync.
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - target: The final path.
    /// - Throws: ``LogError/Code/ioFailure``.
    package func replaceAtomically(_ bytes: [UInt8], at target: String) throws {
        try replaceAtomically(parts: [bytes], at: target)
    }

    /// Writes a file atomically from parts written one after another, so a large file is never joined in memory.
    ///
    /// - Parameters:
    ///   - parts: The file's content, in order.
    ///   - target: The final path.
    /// - Throws: ``LogError/Code/ioFailure``.
    package func replaceAtomically(parts: [[UInt8]], at target: String) throws {
        let temporary = target + ".tmp"
        unlink(temporary)
        let file = try DataFile.openForWriting(temporary, create: true)
        var offset: UInt64 = 0
        for part in parts {
            try file.write(part, at: offset)
            offset += UInt64(part.count)
        }
        try file.sync()
        guard rename(temporary, target) == 0 else {
            throw LogError(.ioFailure, "can not rename \(temporary) to \(target)", cause: Errno(rawValue: errno))
        }
        try sync()
    }

    /// Makes the directory's entries (new, renamed or removed files) durable.
    ///
    /// - Throws: ``LogError/Code/ioFailure``.
    package func sync() throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else {
            throw LogError(.ioFailure, "can not open directory \(path) to sync it", cause: Errno(rawValue: errno))
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw LogError(.ioFailure, "can not sync directory \(path)", cause: Errno(rawValue: errno))
        }
    }
}
