import Foundation
import PropertyBased
import RapportCRM
import RapportTime
import Testing

struct CaseEventCodecTests {
    /// Characters of one to four UTF-8 bytes, so texts exercise every string length encoding.
    static let characters: [Character] = ["a", "Z", "0", " ", "-", "é", "ß", "ж", "€", "日", "😀", "\u{7}"]

    static let text = Gen<Character?>.element(of: characters).map { $0! }.string(of: 0...40)
    static let id = Gen<Character>.letterOrNumber.string(of: 1...64).map { try! RecordId($0) }
    static let minutes = Gen<Int>.int(in: 0...1_000_000)
    static let priority = Gen<CasePriority>.case
    static let status = Gen<CaseStatus>.case
    static let moment = Gen<Int64>.int64(in: -2_208_988_800_000_000...4_102_444_800_000_000)
        .map { Timestamp(microsecondsSinceEpoch: $0) }

    static let opened = zip(
        zip(id, id.optional(), text, text.optional(), priority),
        zip(Gen<CaseChannel>.case.optional(), Gen<CaseType>.case.optional(), id.optional(), status),
        zip(minutes, minutes)
    ).map { first, second, targets in
        CaseEvent.opened(
            CaseOpened(
                accountId: first.0,
                contactId: first.1,
                subject: first.2,
                description: first.3,
                priority: first.4,
                origin: second.0,
                type: second.1,
                ownerId: second.2,
                status: second.3,
                firstResponseMinutes: targets.0,
                resolutionMinutes: targets.1
            )
        )
    }

    static let assigned = zip(id.optional(), id).map {
        CaseEvent.assigned(CaseAssigned(fromOwnerId: $0, toOwnerId: $1))
    }

    static let responseRecorded = zip(Gen<CaseChannel>.case.optional(), text.optional(), Gen.bool).map {
        CaseEvent.responseRecorded(CaseResponseRecorded(channel: $0, message: $1, firstResponse: $2))
    }

    static let priorityChanged = zip(priority, priority, minutes, minutes).map {
        CaseEvent.priorityChanged(
            CasePriorityChanged(fromPriority: $0, toPriority: $1, firstResponseMinutes: $2, resolutionMinutes: $3)
        )
    }

    static let escalated = zip(text, Gen<Int>.int(in: 1...1000)).map {
        CaseEvent.escalated(CaseEscalated(reason: $0, level: $1))
    }

    static let putOnHold = zip(text, moment).map { CaseEvent.putOnHold(CasePutOnHold(reason: $0, onHoldSince: $1)) }

    static let resumed = zip(minutes, status).map { CaseEvent.resumed(CaseResumed(holdMinutes: $0, status: $1)) }

    static let resolved = text.map { CaseEvent.resolved(CaseResolved(resolution: $0)) }

    static let closed = zip(text.optional(), Gen.bool).map {
        CaseEvent.closed(CaseClosed(reason: $0, wasResolved: $1))
    }

    static let reopened = zip(text, status, status).map {
        CaseEvent.reopened(CaseReopened(reason: $0, fromStatus: $1, status: $2))
    }

    static let transferred = zip(id, id, Gen.bool).map {
        CaseEvent.transferred(CaseTransferred(AccountTransfer(fromAccountId: $0, toAccountId: $1, viaMerge: $2)))
    }

    /// Any case event, every type equally likely.
    static let event = Gen<CaseEvent>.oneOf(
        opened,
        assigned,
        responseRecorded,
        priorityChanged,
        escalated,
        putOnHold,
        resumed,
        resolved,
        closed,
        reopened,
        transferred
    )

    @Test func everyCaseEventSurvivesTheBinaryForm() async {
        await propertyCheck(count: 200, input: Self.event) { caseEvent in
            let event = CRMEvent.case(caseEvent)
            let payload = event.encodedPayload()
            let type = Array(event.eventType.utf8)
            let decoded = try type.withUnsafeBytes { type in
                try payload.withUnsafeBytes {
                    try CRMEvent.decode(type: type, schemaVersion: event.schemaVersion, payload: $0)
                }
            }
            #expect(decoded == event)
        }
    }

    @Test func everyCaseEventSurvivesTheJSONForm() async {
        await propertyCheck(count: 200, input: Self.event) { caseEvent in
            let survives = try Self.survivesJSON(caseEvent.payload)
            #expect(survives, "\(caseEvent)")
        }
    }

    @Test func everyCaseEventTypeIsInTheCatalog() {
        let types = [
            "CaseOpened", "CaseAssigned", "CaseResponseRecorded", "CasePriorityChanged", "CaseEscalated",
            "CasePutOnHold", "CaseResumed", "CaseResolved", "CaseClosed", "CaseReopened", "CaseTransferred",
        ]
        #expect(Set(types).isSubset(of: CRMEvent.eventTypes))
    }

    /// Whether a payload reads back from its JSON form unchanged.
    static func survivesJSON<Payload: EventPayload>(_ payload: Payload) throws -> Bool {
        let json = try JSONEncoder().encode(payload)
        return try JSONDecoder().decode(Payload.self, from: json) == payload
    }
}
