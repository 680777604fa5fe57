import PropertyBased
import RapportCRM
import Testing

struct ContactEventCodecTests {
    typealias Values = AccountEventGenerators

    static let events = Generator<ContactEvent, Shrink.None<ContactEvent>> { rng in
        func text() -> String? { Values.text.optional.run(using: &rng) }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            return .added(
                ContactAdded(
                    accountId: Values.id.run(using: &rng),
                    firstName: text(),
                    lastName: Values.text.run(using: &rng),
                    email: text(),
                    phone: text(),
                    title: text(),
                    convertedFromLeadId: Values.id.optional.run(using: &rng)
                )
            )
        case 1:
            return .updated(
                ContactUpdated(firstName: text(), lastName: text(), email: text(), phone: text(), title: text())
            )
        default:
            let transfer = AccountTransfer(
                fromAccountId: Values.id.run(using: &rng),
                toAccountId: Values.id.run(using: &rng),
                viaMerge: Bool.random(using: &rng)
            )
            return .moved(ContactMoved(transfer))
        }
    }

    @Test func contactEventsSurviveTheirBinaryAndJSONForms() async {
        await propertyCheck(count: 200, input: Self.events) { event in
            try EventRoundTrip.check(.contact(event))
        }
    }
}
