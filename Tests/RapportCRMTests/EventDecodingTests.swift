import RapportCRM
import Testing

/// Reading events from log bytes: the type is looked up without making a string, and anything that is not
/// exactly an event of a known type and version is refused, never guessed.
struct EventDecodingTests {
    private static let opened = CRMEvent.account(
        .opened(AccountOpened(name: "Acme", ownerId: RecordId(unchecked: "u1")))
    )

    private func decode(type: String, version: Int = 1, payload: [UInt8]) throws -> CRMEvent {
        let typeBytes = Array(type.utf8)
        return try typeBytes.withUnsafeBytes { type in
            try payload.withUnsafeBytes { payload in
                try CRMEvent.decode(type: type, schemaVersion: version, payload: payload)
            }
        }
    }

    @Test func everyEventTypeIsFoundByItsName() {
        #expect(CRMEvent.eventTypes.count == Set(CRMEvent.eventTypes).count)
        #expect(CRMEvent.eventTypes.contains("AccountOpened"))
        #expect(CRMEvent.schemaVersions["LeadCaptured"] == 2)
        #expect(throws: Never.self) { try decode(type: "AccountOpened", payload: Self.opened.encodedPayload()) }
    }

    @Test func eachEventTypeHasANumberOfItsOwnFoundFromItsNameOrItsBytes() {
        let numbers = CRMEvent.eventTypes.map { CRMEvent.typeNumber(of: $0) }
        #expect(numbers.compactMap { $0 } == Array(0..<CRMEvent.typeCount))
        for name in CRMEvent.eventTypes {
            let fromBytes = Array(name.utf8).withUnsafeBytes { CRMEvent.typeNumber(named: $0) }
            #expect(fromBytes == CRMEvent.typeNumber(of: name))
        }
    }

    @Test(arguments: ["", "A", "Account", "AccountOpenedX", "accountOpened", "AccountOpene", "CaseOpenedAccountOpened"])
    func unknownTypesHaveNoNumber(type: String) {
        #expect(CRMEvent.typeNumber(of: type) == nil)
    }

    @Test(arguments: ["", "A", "Account", "AccountOpenedX", "accountOpened", "AccountOpene", "CaseOpenedAccountOpened"])
    func unknownTypesAreRefusedByName(type: String) {
        let error = #expect(throws: BinaryFormatError.self) {
            try decode(type: type, payload: Self.opened.encodedPayload())
        }
        #expect(error?.description.contains("is not a CRM event type") == true)
    }

    @Test func aNamedValueReadsBackByItsNameAndANameNoValueHasIsRefused() throws {
        for priority in CasePriority.allCases {
            var writer = ByteWriter()
            priority.write(to: &writer)
            let read = try writer.bytes.withUnsafeBytes { bytes in
                var reader = ByteReader(bytes)
                return try CasePriority.read(from: &reader)
            }
            #expect(read == priority)
        }
        for name in ["Urgent", "high", "Hig", "Highest", ""] {
            var writer = ByteWriter()
            writer.writeString(name)
            let error = #expect(throws: BinaryFormatError.self) {
                try writer.bytes.withUnsafeBytes { bytes in
                    var reader = ByteReader(bytes)
                    return try CasePriority.read(from: &reader)
                }
            }
            #expect(error?.description.contains("\"\(name)\" is not a CasePriority") == true)
        }
    }

    @Test func bytesAfterThePayloadAreRefused() {
        let error = #expect(throws: BinaryFormatError.self) {
            try decode(type: "AccountOpened", payload: Self.opened.encodedPayload() + [0])
        }
        #expect(error?.description.contains("after its last field") == true)
    }

    @Test(arguments: [0, 2, 99])
    func schemaVersionsTheTypeNeverHadAreRefused(version: Int) {
        #expect(throws: BinaryFormatError.self) {
            try decode(type: "AccountOpened", version: version, payload: Self.opened.encodedPayload())
        }
    }
}
