public import Foundation

extension CRMEvent {
    /// The event's data as compact JSON with sorted keys (slashes not escaped), as its JSON Schema in
    /// `schemas/events/` describes: the `data` of the CloudEvents form and of every export.
    ///
    /// - Returns: The JSON text.
    /// - Throws: `EncodingError` when the payload cannot be written (never for events the domain made).
    public func payloadJSON() throws -> Data {
        Data(try SortedJSONEncoder.encode(payload))
    }
}
