extension CRMEvent {
    /// The payload, when its type holds personal data.
    public var personalData: (any PersonalData)? {
        payload as? any PersonalData
    }

    /// The event with its personal values left out and their binary form, when it holds any.
    ///
    /// - Returns: `nil` when the event has no personal value to protect.
    public func sealingPersonalData() -> (event: CRMEvent, personal: [UInt8])? {
        switch self {
        case .contact(.added(let added)) where added.holdsPersonalValues:
            let (payload, personal) = added.sealed()
            return (.contact(.added(payload)), personal)
        case .contact(.updated(let updated)) where updated.holdsPersonalValues:
            let (payload, personal) = updated.sealed()
            return (.contact(.updated(payload)), personal)
        case .lead(.captured(let captured)) where captured.holdsPersonalValues:
            let (payload, personal) = captured.sealed()
            return (.lead(.captured(payload)), personal)
        default:
            return nil
        }
    }

    /// The event with the personal values its sealing left out put back.
    ///
    /// - Parameter personal: The values' bytes, decrypted.
    /// - Returns: The whole event.
    /// - Throws: ``BinaryFormatError`` when the event type holds no personal data or the bytes do not fit it.
    public func unsealingPersonalData(_ personal: UnsafeRawBufferPointer) throws(BinaryFormatError) -> CRMEvent {
        switch self {
        case .contact(.added(let added)): .contact(.added(try added.unsealed(personal)))
        case .contact(.updated(let updated)): .contact(.updated(try updated.unsealed(personal)))
        case .lead(.captured(let captured)): .lead(.captured(try captured.unsealed(personal)))
        default: throw BinaryFormatError("\(eventType) holds no personal data, yet the record has sealed data")
        }
    }

    /// The event with its personal fields erased; an event without personal data is returned as it is.
    public var erasingPersonalData: CRMEvent {
        switch self {
        case .contact(.added(let added)): .contact(.added(added.erasedCopy()))
        case .contact(.updated(let updated)): .contact(.updated(updated.erasedCopy()))
        case .lead(.captured(let captured)): .lead(.captured(captured.erasedCopy()))
        default: self
        }
    }
}
