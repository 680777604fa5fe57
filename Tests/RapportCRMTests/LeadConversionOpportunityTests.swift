import RapportCRM
import Testing

/// The rules of the opportunity part of ``ConvertLead``.
struct LeadConversionOpportunityTests {
    @Test func convertLeadRefusesAnExistingOpportunity() throws {
        var domain = try LeadConversionDecisionTests.domainWithLead()
        try domain.run(
            LeadConversionDecisionTests.command(
                "CaptureLead",
                #""leadId":"lead-2","company":"Initech","lastName":"Lumbergh""#
            )
        )
        try domain.run(
            LeadConversionDecisionTests.command(
                "ConvertLead",
                #""leadId":"lead-2","accountId":"initech","contactId":"bill","opportunity":{"opportunityId":"globex-deal","name":"D","closeDate":"2026-01-31"}"#
            )
        )
        domain.expectRefusal(
            LeadConversionDecisionTests.fullConversion,
            code: .opportunityExists,
            field: "data.opportunity.opportunityId"
        )
    }

    @Test(arguments: ["Qualified", "Closed Won"])
    func convertLeadRefusesAStageThatIsNotAnOpenOne(stage: String) throws {
        var domain = try LeadConversionDecisionTests.domainWithLead()
        domain.expectRefusal(
            LeadConversionDecisionTests.command(
                "ConvertLead",
                #""leadId":"lead-1","accountId":"globex","contactId":"hank","opportunity":{"opportunityId":"o","name":"D","closeDate":"2026-01-31","stage":"\#(stage)"}"#
            ),
            code: .invalidStage,
            field: "data.opportunity.stage"
        )
    }

    @Test(
        arguments: [
            (#""name":" ","closeDate":"2026-01-31""#, "data.opportunity.name"),
            (#""name":"D","closeDate":"2026-01-31","amount":-1"#, "data.opportunity.amount"),
            (#""name":"D","closeDate":"2026-01-31","currency":"usd""#, "data.opportunity.currency"),
            (#""name":"D","closeDate":"2026-02-30""#, "data.opportunity.closeDate"),
        ]
    )
    func convertLeadRefusesAnInvalidOpportunityField(fields: String, field: String) throws {
        var domain = try LeadConversionDecisionTests.domainWithLead()
        domain.expectRefusal(
            LeadConversionDecisionTests.command(
                "ConvertLead",
                #""leadId":"lead-1","accountId":"globex","contactId":"hank","opportunity":{"opportunityId":"o","#
                    + fields
                    + "}"
            ),
            code: .invalidField,
            field: field
        )
    }

    @Test func convertLeadRequiresTheOpportunitysCloseDate() throws {
        var domain = try LeadConversionDecisionTests.domainWithLead()
        domain.expectRefusal(
            LeadConversionDecisionTests.command(
                "ConvertLead",
                #""leadId":"lead-1","accountId":"globex","contactId":"hank","opportunity":{"opportunityId":"o","name":"D"}"#
            ),
            code: .missingField,
            field: "data.opportunity.closeDate"
        )
    }

    @Test func convertLeadRefusesAMisspelledOpportunityField() throws {
        var domain = try LeadConversionDecisionTests.domainWithLead()
        domain.expectRefusal(
            LeadConversionDecisionTests.command(
                "ConvertLead",
                #""leadId":"lead-1","accountId":"globex","contactId":"hank","opportunity":{"opportunityId":"o","name":"D","closeDate":"2026-01-31","amout":5}"#
            ),
            code: .unknownField,
            field: "data.opportunity.amout"
        )
    }
}
