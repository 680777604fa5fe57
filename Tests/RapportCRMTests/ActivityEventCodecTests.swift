import PropertyBased
import RapportCRM
import RapportTime
import Testing

struct ActivityEventCodecTests {
    typealias Values = AccountEventGenerators

    static let events = Generator<ActivityEvent, Shrink.None<ActivityEvent>> { rng in
        func id() -> RecordId { Values.id.run(using: &rng) }
        func related() -> RecordId? { Values.id.optional.run(using: &rng) }
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            let transfer = AccountTransfer(fromAccountId: id(), toAccountId: id(), viaMerge: Bool.random(using: &rng))
            return .transferred(ActivityTransferred(transfer))
        case 1:
            return .logged(
                ActivityLogged(
                    channel: ActivityChannel.allCases.randomElement(using: &rng)!,
                    subject: Values.text.run(using: &rng),
                    durationMinutes: Values.number.optional.run(using: &rng),
                    description: Values.text.optional.run(using: &rng),
                    accountId: related(),
                    contactId: related(),
                    leadId: related(),
                    opportunityId: related(),
                    caseId: related(),
                    ownerId: related()
                )
            )
        case 2:
            return .taskCreated(
                TaskCreated(
                    subject: Values.text.run(using: &rng),
                    dueDate: OpportunityEventCodecTests.date.run(using: &rng),
                    ownerId: id(),
                    priority: TaskPriority.allCases.randomElement(using: &rng)!,
                    accountId: related(),
                    contactId: related(),
                    leadId: related(),
                    opportunityId: related(),
                    caseId: related()
                )
            )
        default:
            return .taskCompleted(TaskCompleted())
        }
    }

    @Test func activityEventsSurviveTheirBinaryAndJSONForms() async {
        await propertyCheck(count: 200, input: Self.events) { event in
            try EventRoundTrip.check(.activity(event))
        }
    }
}
