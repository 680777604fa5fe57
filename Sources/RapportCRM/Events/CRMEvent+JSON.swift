public import Foundation

extension CRMEvent {
    /// The event's data as compact JSON with sorted keys (slashes not escaped), as its JSON Schema in
    /// `schemas/events/` describes: the `data` of the CloudEvents form and of every export.
    ///
    /// - Returns: The JSON text.
    public func payloadJSON() -> Data {
        var bytes: [UInt8] = []
        JSONObjectWriter.append(payload, to: &bytes)
        return Data(bytes)
    }
}
