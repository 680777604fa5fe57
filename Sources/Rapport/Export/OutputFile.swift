public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A file written whole or not at all: the bytes go to a temporary file beside it, which replaces the target
/// only once everything was written and synced. A failure leaves the target as it was.
public enum OutputFile {
    /// Writes a file through a sink.
    ///
    /// - Parameters:
    ///   - path: The file to write; replaced when it exists.
    ///   - body: Writes the contents through the sink it receives.
    /// - Returns: What `body` returns.
    /// - Throws: ``RapportError`` with code `invalid_input` when the file cannot be created or written, or what
    ///   `body` throws.
    public static func write<Result>(to path: String, _ body: ((Data) throws -> Void) throws -> Result) throws
        -> Result
    {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: temporary)
        else {
            throw RapportError(
                .invalidInput,
                "--out: cannot create \(path): its folder does not exist or is not writable"
            )
        }
        do {
            let result = try body { chunk in
                do {
                    try handle.write(contentsOf: chunk)
                } catch {
                    throw RapportError(.invalidInput, "--out: cannot write \(path): \(error)", cause: error)
                }
            }
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, target.path) == 0 else {
                throw RapportError(.invalidInput, "--out: cannot replace \(path) (error \(errno))")
            }
            return result
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
