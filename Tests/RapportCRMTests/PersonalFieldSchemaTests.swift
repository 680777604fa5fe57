import Foundation
import PropertyBased
import RapportCRM
import Testing

/// A record id known to be valid.
private func id(_ text: String) -> RecordId {
    try! RecordId(text)
}

/// Forgetting a person: the fields the event schemas mark `"x-personal": true` are the ones the Swift types seal
/// and erase, the rules of `ForgetContact` and `ForgetLead`, and the decision state they leave.
struct PersonalFieldSchemaTests {
    typealias Commands = AccountTestCommands
    typealias Values = AccountEventGenerators
    typealias Binary = DecisionStateBinaryTests

    /// The payload types that hold personal data, by event type; every other event type holds none.
    static let personalTypes: [String: any PersonalData.Type] = [
        ContactAdded.eventType: ContactAdded.self,
        ContactUpdated.eventType: ContactUpdated.self,
        LeadCaptured.eventType: LeadCaptured.self,
    ]

    /// The properties an event schema of `schemas/events/` marks `"x-personal": true`.
    ///
    /// - Parameters:
    ///   - eventType: The event type.
    ///   - version: The schema version.
    /// - Returns: The properties' names.
    /// - Throws: When the schema cannot be read.
    static func markedPersonal(_ eventType: String, version: Int) throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = root.appendingPathComponent("schemas/events/\(eventType).v\(version).schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        let properties = schema?["properties"] as? [String: Any] ?? [:]
        return Set(properties.keys.filter { ((properties[$0] as? [String: Any])?["x-personal"] as? Bool) == true })
    }

    @Test(arguments: CRMEvent.eventTypes)
    func theCurrentSchemaMarksExactlyTheTypesPersonalFields(eventType: String) throws {
        let version = try #require(CRMEvent.schemaVersions[eventType])
        let expected = Self.personalTypes[eventType].map { Set($0.personalFields) } ?? []
        #expect(try Self.markedPersonal(eventType, version: version) == expected)
    }

    @Test func everyStoryEventHoldsPersonalDataExactlyWhenItsTypeIsAPersonalOne() throws {
        let stories = ["account", "activity", "campaign", "case", "contact", "lead", "opportunity", "privacy"]
        let events = try stories.flatMap { try AccountStory.run($0).events.map(\.event) }
        #expect(Set(events.map(\.eventType)) == Set(CRMEvent.eventTypes))
        for event in events {
            let fields = event.personalData.map { type(of: $0).personalFields }
            #expect(fields == Self.personalTypes[event.eventType]?.personalFields, "\(event.eventType)")
        }
    }

    /// Accounts `acme` and `globex`, contact `ann` at acme and lead `lee`, each with a name, an email and a phone.
    static func domainWithTwoPeople() throws -> Decisions {
        var domain = try Commands.domain([("acme", nil), ("globex", nil)])
        try domain.run(
            Commands.json(
                "AddContact",
                #""contactId":"ann","accountId":"acme","firstName":"Ann","lastName":"Lee","email":"Ann@Acme.example","#
                    + #""phone":"+49 30 1234","title":"Buyer""#
            )
        )
        try domain.run(
            Commands.json(
                "CaptureLead",
                #""leadId":"lee","company":"Hooli","firstName":"Lee","lastName":"Roe","email":"lee@hooli.example","#
                    + #""phone":"+1 555 0100","source":"Web""#
            )
        )
        return domain
    }

    /// ``domainWithTwoPeople()`` with `ann` and `lee` forgotten.
    static func domainWithBothForgotten() throws -> Decisions {
        var domain = try domainWithTwoPeople()
        try domain.run(Commands.json("ForgetContact", #""contactId":"ann","reason":"Erasure request 7""#))
        try domain.run(Commands.json("ForgetLead", #""leadId":"lee","reason":"Erasure request 8""#))
        return domain
    }

    @Test func forgettingAContactDropsItsPersonalStateAndFreesItsEmail() throws {
        var domain = try Self.domainWithTwoPeople()
        domain.expectRefusal(
            Commands.addContact("bob", to: "acme", email: "ann@acme.example"),
            code: .duplicateContactEmail,
            field: "data.email"
        )
        let events = try domain.run(Commands.json("ForgetContact", #""contactId":"ann","reason":"Erasure request 7""#))
        let forgotten = ContactForgotten(reason: "Erasure request 7")
        #expect(events == [NewEvent(id("ann"), .contact(.forgotten(forgotten)))])
        let ann = try #require(domain.state.contacts[id("ann")])
        #expect(ann.forgotten && ann.version == 2 && ann.accountId == id("acme") && ann.email == nil)
        #expect([ann.firstName, ann.lastName, ann.phone] == [TextDigest(nil), TextDigest(nil), TextDigest(nil)])
        #expect(ann.title == TextDigest("Buyer"))
        #expect(domain.state.accounts[id("acme")]?.contacts == [id("ann")])
        #expect(domain.state.accounts[id("acme")]?.contactEmails.isEmpty == true)
        try domain.run(Commands.addContact("bob", to: "acme", email: "ann@acme.example"))
        #expect(domain.state.accounts[id("acme")]?.contactEmails == ["ann@acme.example": id("bob")])
    }

    @Test func forgettingALeadDropsItsPersonValuesAndKeepsTheRest() throws {
        var domain = try Self.domainWithTwoPeople()
        let events = try domain.run(Commands.json("ForgetLead", #""leadId":"lee","reason":"Erasure request 8""#))
        #expect(events == [NewEvent(id("lee"), .lead(.forgotten(LeadForgotten(reason: "Erasure request 8"))))])
        let lee = try #require(domain.state.leads[id("lee")])
        #expect(lee.forgotten && lee.version == 2)
        #expect(lee.firstName == nil && lee.lastName == "" && lee.email == nil && lee.phone == nil)
        #expect(lee.company == "Hooli" && lee.status == "Open - Not Contacted" && !lee.disqualified)
    }

    @Test func aForgottenContactCanStillMove() throws {
        var domain = try Self.domainWithBothForgotten()
        let events = try domain.run(Commands.json("MoveContact", #""contactId":"ann","toAccountId":"globex""#))
        let transfer = AccountTransfer(fromAccountId: id("acme"), toAccountId: id("globex"), viaMerge: false)
        #expect(events == [NewEvent(id("ann"), .contact(.moved(ContactMoved(transfer))))])
        #expect(domain.state.contacts[id("ann")]?.accountId == id("globex"))
        #expect(domain.state.contacts[id("ann")]?.forgotten == true)
        #expect(domain.state.accounts[id("globex")]?.contactEmails.isEmpty == true)
    }

    @Test func aDisqualifiedOrConvertedLeadCanStillBeForgotten() throws {
        var domain = try Self.domainWithTwoPeople()
        try domain.run(Commands.json("DisqualifyLead", #""leadId":"lee","reason":"No budget""#))
        try domain.run(Commands.json("CaptureLead", #""leadId":"kim","company":"Initech","lastName":"Kim""#))
        try domain.run(
            Commands.json("ConvertLead", #""leadId":"kim","accountId":"initech","contactId":"kim-initech""#)
        )
        try domain.run(Commands.json("ForgetLead", #""leadId":"lee","reason":"Erasure request 8""#))
        try domain.run(Commands.json("ForgetLead", #""leadId":"kim","reason":"Erasure request 9""#))
        #expect(domain.state.leads[id("lee")]?.forgotten == true && domain.state.leads[id("lee")]?.disqualified == true)
        #expect(domain.state.leads[id("kim")]?.forgotten == true && domain.state.leads[id("kim")]?.conversion != nil)
        #expect(domain.state.contacts[id("kim-initech")]?.forgotten == false)
    }

    /// Commands a forgotten contact or lead refuses, with the code and field of the refusal.
    static let refusalsOnceForgotten: [(String, DomainError.Code, String)] = [
        (Commands.json("ForgetContact", #""contactId":"ann","reason":"Again""#), .contactForgotten, "data.contactId"),
        (Commands.json("UpdateContact", #""contactId":"ann","title":"Head""#), .contactForgotten, "data.contactId"),
        (Commands.json("UpdateContact", #""contactId":"ann","lastName":"Lee""#), .contactForgotten, "data.contactId"),
        (Commands.json("ForgetLead", #""leadId":"lee","reason":"Again""#), .leadForgotten, "data.leadId"),
        (
            Commands.json("ChangeLeadStatus", #""leadId":"lee","status":"Working - Contacted""#), .leadForgotten,
            "data.leadId"
        ),
        (Commands.json("DisqualifyLead", #""leadId":"lee","reason":"No budget""#), .leadForgotten, "data.leadId"),
        (
            Commands.json("ConvertLead", #""leadId":"lee","accountId":"hooli","contactId":"lee-hooli""#),
            .leadForgotten, "data.leadId"
        ),
    ]

    @Test(arguments: refusalsOnceForgotten)
    func aForgottenPersonTakesNoMoreChanges(command: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithBothForgotten()
        domain.expectRefusal(command, code: code, field: field)
    }

    /// Forget commands refused on people who were never forgotten, with the code and field of the refusal.
    static let forgetRefusals: [(String, DomainError.Code, String)] = [
        (Commands.json("ForgetContact", #""contactId":"nobody","reason":"R""#), .contactNotFound, "data.contactId"),
        (Commands.json("ForgetLead", #""leadId":"nobody","reason":"R""#), .leadNotFound, "data.leadId"),
        (Commands.json("ForgetContact", #""contactId":"ann","reason":"""#), .invalidField, "data.reason"),
        (Commands.json("ForgetContact", #""contactId":"ann","reason":"  ""#), .invalidField, "data.reason"),
        (Commands.json("ForgetLead", #""leadId":"lee","reason":"""#), .invalidField, "data.reason"),
        (Commands.json("ForgetLead", #""leadId":"lee""#), .missingField, "data.reason"),
    ]

    @Test(arguments: forgetRefusals)
    func forgettingNeedsAKnownPersonAndAReason(command: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithTwoPeople()
        domain.expectRefusal(command, code: code, field: field)
    }

    @Test func sealingLeavesThePersonalValuesOutAsTheirBinaryList() throws {
        let added = ContactAdded(accountId: id("acme"), firstName: "Al", lastName: "Li", phone: "1", title: "Buyer")
        let (stored, personal) = added.sealed()
        #expect(stored == ContactAdded(accountId: id("acme"), lastName: "", title: "Buyer"))
        // Four values; each a presence byte, then the UTF-8 length and bytes: "Al", "Li", no email, "1".
        #expect(personal == [4, 1, 2, 0x41, 0x6C, 1, 2, 0x4C, 0x69, 0, 1, 1, 0x31])
        #expect(try personal.withUnsafeBytes { try stored.unsealed($0) } == added)
        let cutShort = Array(personal.dropLast())
        let threeValues: [UInt8] = [3, 0, 0, 0]
        for bytes in [cutShort, personal + [0], threeValues] {
            #expect(throws: BinaryFormatError.self) { try bytes.withUnsafeBytes { try stored.unsealed($0) } }
        }
    }

    @Test func onlyEventsWithPersonalValuesAreSealed() throws {
        #expect(CRMEvent.contact(.updated(ContactUpdated(title: "Head"))).sealingPersonalData() == nil)
        #expect(CRMEvent.contact(.updated(ContactUpdated(phone: ""))).sealingPersonalData() == nil)
        let forgotten = CRMEvent.contact(.forgotten(ContactForgotten(reason: "R")))
        #expect(forgotten.sealingPersonalData() == nil && forgotten.personalData == nil)
        #expect(forgotten.erasingPersonalData == forgotten)
        let noValues: [UInt8] = [0]
        #expect(throws: BinaryFormatError.self) {
            try noValues.withUnsafeBytes { try forgotten.unsealingPersonalData($0) }
        }
    }

    /// Events of the three personal types with random values, empty and missing ones among them.
    static let personalEvents = Generator<CRMEvent, Shrink.None<CRMEvent>> { rng in
        func text() -> String? { Values.text.optional.run(using: &rng) }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            let added = ContactAdded(
                accountId: Values.id.run(using: &rng),
                firstName: text(),
                lastName: Values.text.run(using: &rng),
                email: text(),
                phone: text(),
                title: text()
            )
            return .contact(.added(added))
        case 1:
            let updated = ContactUpdated(
                firstName: text(),
                lastName: text(),
                email: text(),
                phone: text(),
                title: text()
            )
            return .contact(.updated(updated))
        default:
            let captured = LeadCaptured(
                company: Values.text.run(using: &rng),
                firstName: text(),
                lastName: Values.text.run(using: &rng),
                email: text(),
                phone: text(),
                source: text(),
                status: "Open - Not Contacted"
            )
            return .lead(.captured(captured))
        }
    }

    @Test func sealedEventsUnsealToThemselvesAndHoldNoPersonalValue() async {
        await propertyCheck(count: 500, input: Self.personalEvents) { event throws in
            let data = try #require(event.personalData)
            guard let (stored, personal) = event.sealingPersonalData() else {
                #expect(!data.holdsPersonalValues)
                return
            }
            #expect(stored.personalData?.personalValues.allSatisfy { ($0 ?? "").isEmpty } == true)
            #expect(stored.eventType == event.eventType)
            #expect(try personal.withUnsafeBytes { try stored.unsealingPersonalData($0) } == event)
        }
    }

    @Test func anErasedPayloadShowsItsPersonalFieldsNullAndListsThem() throws {
        let added = ContactAdded(accountId: id("acme"), firstName: "Ann", lastName: "Lee", email: "a@b.example")
        let erased = CRMEvent.contact(.added(added)).erasingPersonalData
        #expect(erased == .contact(.added(added.erasedCopy())))
        #expect(erased.personalData?.erased == true)
        let json = String(decoding: erased.payloadJSON(), as: UTF8.self)
        #expect(
            json == #"{"accountId":"acme","email":null,"erased":["firstName","lastName","email","phone"],"#
                + #""firstName":null,"lastName":null,"phone":null}"#
        )
    }

    @Test(arguments: [ContactAdded.eventType, ContactUpdated.eventType, LeadCaptured.eventType])
    func theErasedJSONNullsAndListsExactlyTheSchemasPersonalFields(eventType: String) throws {
        let event: CRMEvent =
            switch eventType {
            case ContactAdded.eventType: .contact(.added(ContactAdded(accountId: id("acme"), lastName: "Lee")))
            case ContactUpdated.eventType: .contact(.updated(ContactUpdated(title: "Head")))
            default: .lead(.captured(LeadCaptured(company: "Hooli", lastName: "Roe", status: "Open - Not Contacted")))
            }
        let json = try JSONSerialization.jsonObject(with: event.erasingPersonalData.payloadJSON()) as? [String: Any]
        let object = try #require(json)
        let nulls = Set(object.keys.filter { object[$0] is NSNull })
        let marked = try Self.markedPersonal(eventType, version: event.schemaVersion)
        #expect(nulls == marked)
        #expect((object["erased"] as? [String]).map(Set.init) == marked)
        #expect(object["erased"] as? [String] == type(of: try #require(event.personalData)).personalFields)
    }

    @Test func thePrivacyStoryReplaysAndItsStatesReadBackFromTheirBinaryForm() throws {
        let story = try AccountStory.run("privacy")
        let types = Set(story.events.map(\.event.eventType))
        #expect(types.isSuperset(of: ["ContactAdded", "ContactUpdated", "LeadCaptured", "ContactForgotten"]))
        #expect(types.isSuperset(of: ["LeadForgotten", "ContactMoved"]))
        #expect(try AccountStory.replay(story.events) == story.state)
        #expect(story.state.contacts[id("c-1001")]?.forgotten == true)
        #expect(story.state.contacts[id("c-1002")]?.forgotten == false)
        #expect(story.state.leads[id("l-2001")]?.forgotten == true)
        for (step, state) in try Binary.states(along: "privacy").enumerated() {
            #expect(try Binary.read(DecisionState.self, from: Binary.bytes(of: state)) == state, "step \(step)")
        }
    }

    @Test func aForgottenContactAndLeadReadBackFromTheirBinaryForm() throws {
        let state = try Self.domainWithBothForgotten().state
        let ann = try #require(state.contacts[id("ann")])
        let lee = try #require(state.leads[id("lee")])
        // Whether the person was forgotten is each state's last byte.
        #expect(Binary.bytes(of: ann).last == 1 && Binary.bytes(of: lee).last == 1)
        #expect(try Binary.read(ContactState.self, from: Binary.bytes(of: ann)) == ann)
        #expect(try Binary.read(LeadState.self, from: Binary.bytes(of: lee)) == lee)
        #expect(try Binary.read(DecisionState.self, from: Binary.bytes(of: state)) == state)
    }
}
