extension String {
    /// The text of bytes that are valid UTF-8, or `nil`. ASCII, what nearly every name, id and CSV field is, is
    /// taken as it is: the general validating initialiser is not specialised for a buffer of bytes and looks up
    /// generic metadata on every call.
    ///
    /// - Parameter bytes: The bytes.
    init?(validUTF8 bytes: UnsafeRawBufferPointer) {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            self = text
            return
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
