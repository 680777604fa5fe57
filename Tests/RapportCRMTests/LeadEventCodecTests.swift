import PropertyBased
import RapportCRM
import RapportTime
import Testing

struct LeadEventCodecTests {
    /// The binary form of a version 1 `LeadCaptured`: company, name, email?, source?, campaignId?.
    static func version1Payload(
        company: String,
        name: String,
        email: String?,
        source: String?,
        campaignId: RecordId?
    ) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(company)
        writer.write(name)
        writer.write(email)
        writer.write(source)
        writer.write(campaignId)
        return writer.bytes
    }

    @Test func everyLeadEventSurvivesTheBinaryAndJSONForms() async {
        await propertyCheck(count: 200, input: LeadAndCampaignEventGenerators.leadEvent) { event in
            let decoded = try LeadAndCampaignEventForms.decode(
                type: event.eventType,
                schemaVersion: event.schemaVersion,
                payload: event.encodedPayload()
            )
            #expect(decoded == event)
            #expect(try LeadAndCampaignEventForms.survivesJSON(event.payload))
        }
    }

    @Test func recordFormHoldsTheTypeVersionAndPayloadOfTheEvent() async {
        await propertyCheck(count: 200, input: LeadAndCampaignEventGenerators.leadEvent) { event in
            let (type, version, payload) = event.recordForm()
            #expect(type == event.eventType)
            #expect(version == event.schemaVersion)
            let decoded = try LeadAndCampaignEventForms.decode(type: type, schemaVersion: version, payload: payload)
            #expect(decoded == event)
        }
    }

    @Test func leadCapturedIsAtSchemaVersion2() {
        #expect(LeadCaptured.schemaVersion == 2)
        #expect(CRMEvent.schemaVersions["LeadCaptured"] == 2)
    }

    @Test func version1LeadCapturedIsUpcast() throws {
        let payload = Self.version1Payload(
            company: "Globex",
            name: "Mary Ann Smith",
            email: "mary@globex.example",
            source: "Trade Show",
            campaignId: try RecordId("spring")
        )
        let event = try LeadAndCampaignEventForms.decode(type: "LeadCaptured", schemaVersion: 1, payload: payload)
        let expected = LeadCaptured(
            company: "Globex",
            firstName: "Mary Ann",
            lastName: "Smith",
            email: "mary@globex.example",
            source: "Trade Show",
            campaignId: try RecordId("spring"),
            status: "Open - Not Contacted"
        )
        #expect(event == .lead(.captured(expected)))
    }

    @Test(
        arguments: [
            ("Smith", nil, "Smith"),
            ("Ada Lovelace", "Ada", "Lovelace"),
            ("  Ada   King  Lovelace ", "Ada King", "Lovelace"),
            ("", nil, ""),
        ] as [(String, String?, String)]
    )
    func version1NamesSplitAtTheLastSpace(name: String, firstName: String?, lastName: String) throws {
        let payload = Self.version1Payload(company: "C", name: name, email: nil, source: nil, campaignId: nil)
        let event = try LeadAndCampaignEventForms.decode(type: "LeadCaptured", schemaVersion: 1, payload: payload)
        guard case .lead(.captured(let captured)) = event else {
            Issue.record("expected LeadCaptured, got \(event)")
            return
        }
        #expect(captured.firstName == firstName)
        #expect(captured.lastName == lastName)
        #expect(captured.email == nil && captured.source == nil && captured.campaignId == nil)
        #expect(captured.phone == nil && captured.title == nil)
    }

    @Test func aVersion1LeadConvertsWithItsUpcastNames() throws {
        let payload = Self.version1Payload(
            company: "Globex",
            name: "Hank Scorpio",
            email: nil,
            source: nil,
            campaignId: nil
        )
        let lead = try RecordId("old-lead")
        var state = DecisionState()
        state.apply(
            try LeadAndCampaignEventForms.decode(type: "LeadCaptured", schemaVersion: 1, payload: payload),
            to: lead,
            version: 1
        )
        let conversion = ConvertLead(leadId: lead, accountId: try RecordId("globex"), contactId: try RecordId("hank"))
        let events = try state.decide(
            conversion.command,
            in: DecisionContext(occurredAt: Timestamp(microsecondsSinceEpoch: 0), actor: "user-1")
        )
        guard case .contact(.added(let added)) = events[1].event else {
            Issue.record("expected ContactAdded second, got \(events)")
            return
        }
        #expect(added.firstName == "Hank" && added.lastName == "Scorpio")
    }

    @Test func aLaterSchemaVersionIsRefused() {
        let payload = Self.version1Payload(company: "C", name: "N", email: nil, source: nil, campaignId: nil)
        #expect(throws: BinaryFormatError.self) {
            try LeadAndCampaignEventForms.decode(type: "LeadCaptured", schemaVersion: 3, payload: payload)
        }
    }

    @Test func aVersion1PayloadReadAsVersion2IsRefused() {
        let payload = Self.version1Payload(company: "C", name: "N", email: nil, source: nil, campaignId: nil)
        #expect(throws: BinaryFormatError.self) {
            try LeadAndCampaignEventForms.decode(type: "LeadCaptured", schemaVersion: 2, payload: payload)
        }
    }
}
