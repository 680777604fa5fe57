import RapportCRM

/// The JSON of command answers written straight to bytes, members in sorted key order: every `POST /commands`
/// answers with one, and making a `JSONEncoder` for it took a share of each request.
extension CommandResponse: JSONDirectValue {
    package func appendJSON(to bytes: inout [UInt8]) {
        JSONObjectWriter.appendObject(to: &bytes) { $0.member("events", events) }
    }

    /// The answer's JSON.
    ///
    /// - Returns: The JSON text.
    func json() -> [UInt8] {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes)
        return bytes
    }

    /// The JSON array of a list's answers.
    ///
    /// - Parameter responses: One answer per command, in order.
    /// - Returns: The JSON text.
    static func json(_ responses: [CommandResponse]) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONObjectWriter.appendArray(responses, to: &bytes)
        return bytes
    }
}

extension CommandResponse.Event: JSONDirectValue {
    package func appendJSON(to bytes: inout [UInt8]) {
        JSONObjectWriter.appendObject(to: &bytes) { object in
            object.member("position", position)
            object.member("stream", stream)
            object.member("type", type)
            object.member("version", version)
        }
    }
}
