#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the string's UTF-8 is exactly these bytes: compares the lengths first, then the bytes with one
    /// `memcmp`, so that a name read from the log is matched without making a string of it.
    ///
    /// A string of up to 15 bytes, such as a short literal, keeps its bytes inline and offers no contiguous storage;
    /// `withUTF8` on a copy lays them out on the stack. Walking the UTF-8 view, or comparing the buffers element by
    /// element, cost some 300 instructions a name.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: `true` when they are the string's UTF-8.
    func hasUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard utf8.count == bytes.count else { return false }
        var text = self
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, let other = bytes.baseAddress else { return true }
            return memcmp(base, other, utf8.count) == 0
        }
    }
}
