import PropertyBased
import RapportCRM
import Testing

struct CampaignEventCodecTests {
    @Test func everyCampaignEventSurvivesTheBinaryAndJSONForms() async {
        await propertyCheck(count: 200, input: LeadAndCampaignEventGenerators.campaignEvent) { event in
            let decoded = try LeadAndCampaignEventForms.decode(
                type: event.eventType,
                schemaVersion: event.schemaVersion,
                payload: event.encodedPayload()
            )
            #expect(decoded == event)
            #expect(try LeadAndCampaignEventForms.survivesJSON(event.payload))
        }
    }

    @Test func anUnknownMemberKindIsRefused() {
        var writer = ByteWriter()
        writer.write("account")
        writer.write(try! RecordId("acme"))
        let payload = writer.bytes
        #expect(throws: BinaryFormatError.self) {
            try LeadAndCampaignEventForms.decode(type: "CampaignMemberAdded", schemaVersion: 1, payload: payload)
        }
    }
}
