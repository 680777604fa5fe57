import Foundation
import Rapport

/// Lines read from a file or from standard input.
final class CommandInput {
    private let handle: UnsafeMutablePointer<FILE>?
    private let closesHandle: Bool

    /// Opens a file, or standard input when `path` is nil.
    ///
    /// - Throws: ``RapportError`` `unreadable_input` when the file cannot be opened.
    init(path: String?) throws {
        guard let path else {
            handle = nil
            closesHandle = false
            return
        }
        guard let opened = fopen(path, "r") else {
            throw RapportError(.unreadableInput, "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        handle = opened
        closesHandle = true
    }

    deinit {
        if closesHandle, let handle { fclose(handle) }
    }

    /// The next line without its newline, or nil at the end.
    func next() -> String? {
        guard let handle else { return readLine(strippingNewline: true) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let length = getline(&buffer, &capacity, handle)
        guard length >= 0, let buffer else { return nil }
        var line = String(cString: buffer)
        if line.hasSuffix("\n") { line.removeLast() }
        return line
    }
}
