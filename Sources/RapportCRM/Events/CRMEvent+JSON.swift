public import Foundation

extension CRMEvent {
    /// The event's data as compact JSON with sorted keys (slashes not escaped), as its JSON Schema in
    /// `schemas/events/` describes: the `data` of the CloudEvents form and of every export.
    ///
    /// - Returns: The JSON text.
    /// - Throws: `EncodingError` when the payload cannot be written (never for events the domain made).
    public func payloadJSON() throws -> Data {
        try Self.jsonEncoder.encode(PayloadForm(payload: payload))
    }

    /// The encoder of the domain's JSON forms: sorted keys, so the same event always gives the same bytes. A new
    /// one each time: an encoder is a class that calls on several threads must not share.
    static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private struct PayloadForm: Encodable {
        let payload: any EventPayload

        func encode(to encoder: any Encoder) throws {
            try payload.encode(to: encoder)
        }
    }
}
