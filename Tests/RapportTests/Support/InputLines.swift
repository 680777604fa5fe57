import Foundation

/// Builds JSON input lines for `rapport log append`.
enum InputLines {
    /// One input line.
    ///
    /// - Parameters:
    ///   - stream: The stream.
    ///   - expectedVersion: The expected version as JSON text (`"\"any\""`, `"3"`, ...), or `nil` to leave it out.
    ///   - type: The record type.
    ///   - data: The data as JSON text.
    /// - Returns: The line, without a newline.
    static func record(
        stream: String,
        expectedVersion: String? = nil,
        type: String = "NoteAdded",
        data: String = #"{"text":"hello"}"#
    ) -> String {
        var fields = [#""stream":\#(quoted(stream))"#, #""type":\#(quoted(type))"#, #""data":\#(data)"#]
        if let expectedVersion {
            fields.append(#""expectedVersion":\#(expectedVersion)"#)
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// `count` lines for streams `account-0` .. `account-<streams - 1>`, with distinct data.
    ///
    /// - Parameters:
    ///   - count: How many lines.
    ///   - first: The number of the first line (it shapes the data).
    ///   - streams: Over how many streams to spread them.
    /// - Returns: The lines joined with newlines, with a final newline.
    static func many(_ count: Int, first: Int = 0, streams: Int = 7) -> String {
        (first..<(first + count)).map { number in
            record(stream: "account-\(number % streams)", data: #"{"n":\#(number),"text":"note \#(number)"}"#)
        }.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }
}
