extension String {
    /// Whether an input line holds only spaces, tabs and a carriage return: the JSON-line readers
    /// (`rapport log append`, `rapport exec`) skip such lines.
    var isBlankInputLine: Bool {
        utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
