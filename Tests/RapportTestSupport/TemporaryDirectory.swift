import Foundation

/// A fresh directory under the system's temporary folder, removed when the closure returns.
///
/// - Parameter body: Receives the directory's path.
/// - Returns: What `body` returns.
public func withTemporaryDirectory<Result>(
    _ body: (String) async throws -> Result
) async rethrows -> Result {
    let path = NSTemporaryDirectory() + "rapport-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}
