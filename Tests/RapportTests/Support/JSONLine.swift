import Foundation

/// One JSON object printed by the command, for reading fields in assertions.
struct JSONLine {
    private let object: [String: Any]

    init(_ line: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        self.object = object
    }

    subscript(key: String) -> Any? { object[key] }
}
