import Foundation

/// A directory for one benchmark's log.
///
/// It lives under `$RAPPORT_BENCH_DIR` when set, otherwise under the system's temporary folder; either must be
/// on a real disk for the durable figures to mean anything.
public struct ScratchDirectory: Sendable {
    /// The directory's path.
    public let path: String

    /// Creates an empty directory named after `name`, removing what an earlier run may have left there.
    ///
    /// - Parameter name: The directory's name, unique among the benchmarks that run at the same time.
    /// - Throws: A file error when it can not be created.
    public init(_ name: String) throws {
        let base = ProcessInfo.processInfo.environment["RAPPORT_BENCH_DIR"] ?? NSTemporaryDirectory()
        path = (base as NSString).appendingPathComponent("rapport-bench-\(name)")
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Removes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A fresh directory for one run, removed when the closure returns.
///
/// - Parameters:
///   - name: A word for the directory's name.
///   - body: Receives the directory's path.
/// - Returns: What `body` returns.
/// - Throws: What `body` throws, or a file error when the directory can not be created.
public func withScratchDirectory<Result>(
    _ name: String,
    _ body: (String) async throws -> Result
) async throws -> Result {
    let directory = try ScratchDirectory("\(name)-\(UUID().uuidString)")
    defer { directory.remove() }
    return try await body(directory.path)
}
