import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole key store files written atomically: a temporary file beside the target, synced, then put in place and
/// the directory synced, so that after a crash the target is either the old file or the complete new one.
extension SubjectKeyFileHandle {
    /// Writes a temporary file, replacing a temporary one left by an earlier attempt, and syncs it.
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - path: The temporary file, beside its target.
    ///   - name: How error messages name it.
    /// - Throws: ``RapportError`` `key_store_failure`; the temporary file is then removed.
    static func writeTemporary(_ bytes: [UInt8], at path: String, name: String) throws {
        unlink(path)
        let file = try create(path, name: name)
        defer { file.close() }
        do {
            try file.write(bytes, at: 0)
            try file.sync()
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Gives a synced temporary file its final name, then syncs the directory so that the name is durable.
    ///
    /// - Parameters:
    ///   - temporary: The synced temporary file, in the same directory as `target`.
    ///   - target: The final path.
    ///   - replacing: Whether an existing file at `target` is replaced; when `false` an existing file is an
    ///     error, decided atomically by the file system (a hard link fails when its name is taken).
    /// - Throws: ``RapportError`` `key_store_failure`; the temporary file is then left for the caller to remove.
    static func publish(_ temporary: String, as target: String, replacing: Bool) throws {
        if replacing {
            guard rename(temporary, target) == 0 else {
                let error = Errno(rawValue: errno)
                throw RapportError(.keyStoreFailure, "cannot rename \(temporary) to \(target): \(error)", cause: error)
            }
        } else {
            guard link(temporary, target) == 0 else {
                let error = Errno(rawValue: errno)
                if error == .fileExists {
                    throw RapportError(
                        .keyStoreFailure,
                        "\(target) already exists; it is not overwritten unless replacing it is asked for"
                    )
                }
                throw RapportError(.keyStoreFailure, "cannot create \(target): \(error)", cause: error)
            }
            unlink(temporary)
        }
        try syncDirectory(containing: target)
    }

    /// Makes a directory's entries (new, renamed or removed files) durable.
    ///
    /// - Parameter path: A file in the directory to sync.
    /// - Throws: ``RapportError`` `key_store_failure`.
    static func syncDirectory(containing path: String) throws {
        let directory = directory(containing: path)
        do {
            let descriptor = try FileDescriptor.open(FilePath(directory), .readOnly, options: [.directory])
            defer { try? descriptor.close() }
            guard fsync(descriptor.rawValue) == 0 else { throw Errno(rawValue: errno) }
        } catch {
            throw RapportError(.keyStoreFailure, "cannot sync directory \(directory): \(error)", cause: error)
        }
    }

    /// The directory a path names a file in: `.` for a bare file name.
    ///
    /// - Parameter path: A file's path.
    /// - Returns: Everything before its last `/`.
    private static func directory(containing path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
