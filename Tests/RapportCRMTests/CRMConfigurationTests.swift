import RapportCRM
import Testing

struct CRMConfigurationTests {
    @Test func standardConfigurationHasSalesforceDefaultsAndIsValid() throws {
        let standard = try CRMConfiguration.standard.validated()
        #expect(standard.salesStages.map(\.name).first == "Prospecting")
        #expect(standard.salesStages.map(\.probability) == [10, 10, 20, 50, 60, 70, 75, 90, 100, 0])
        #expect(standard.stage(named: "Closed Won")?.won == true)
        #expect(standard.stage(named: "Closed Lost")?.forecastCategory == .omitted)
        #expect(standard.leadStatus(named: "Closed - Converted")?.converted == true)
        #expect(CasePriority.allCases.allSatisfy { standard.targets(for: $0) != nil })
    }

    @Test func sectionsLeftOutKeepTheStandardOnes() throws {
        let json =
            #"{"salesStages":[{"name":"Open","probability":30,"forecastCategory":"Best Case"},"#
            + #"{"name":"Won","probability":100,"forecastCategory":"Closed","closed":true,"won":true},"#
            + #"{"name":"Lost","probability":0,"forecastCategory":"Omitted","closed":true}]}"#
        let configuration = try CRMConfiguration.decode(json: Array(json.utf8))
        #expect(configuration.salesStages.map(\.name) == ["Open", "Won", "Lost"])
        #expect(configuration.stage(named: "Open")?.forecastCategory == .bestCase)
        #expect(configuration.stage(named: "Open")?.closed == false)
        #expect(configuration.leadStatuses == CRMConfiguration.standard.leadStatuses)
        #expect(configuration.caseTargets == CRMConfiguration.standard.caseTargets)
    }

    /// Configurations that break a rule, the field named, and words of the rule.
    static let refused: [(json: String, field: String, rule: String)] = [
        ("[1]", "", "a configuration must be a JSON object, not an array"),
        (#"{"salesStages":[}"#, "", "the configuration is not valid JSON at byte 17: a value"),
        (#"{"leadStatuses":[],"leadStatuses":[]}"#, "leadStatuses", "leadStatuses is given twice"),
        (#"{"salesStages":[{"probability":10,"forecastCategory":"Pipeline"}]}"#, "salesStages[0].name", "required"),
        (
            #"{"salesStages":[{"name":"A","probability":"high","forecastCategory":"Pipeline"}]}"#,
            "salesStages[0].probability", "must be a whole number"
        ),
        (
            #"{"salesStages":[{"name":"A","probability":10,"forecastCategory":"Maybe"}]}"#,
            "salesStages[0].forecastCategory",
            #"must be one of Pipeline, Best Case, Commit, Closed, Omitted, not "Maybe""#
        ),
        (
            #"{"salesStages":[{"name":"A","probability":120,"forecastCategory":"Pipeline"}]}"#,
            "salesStages[0].probability", "between 0 and 100"
        ),
        (
            #"{"salesStages":[{"name":"A","probability":10,"forecastCategory":"Pipeline","won":true}]}"#,
            "salesStages[0].won", "only a closed stage can be won"
        ),
        (
            #"{"salesStages":[{"name":"A","probability":10,"forecastCategory":"Pipeline"},"#
                + #"{"name":"A","probability":20,"forecastCategory":"Pipeline"}]}"#,
            "salesStages[1].name", "named twice"
        ),
        (
            #"{"salesStages":[{"name":"A","probability":10,"forecastCategory":"Pipeline"}]}"#,
            "salesStages", "closed won stage"
        ),
        (#"{"leadStatuses":[{"name":"Open"}]}"#, "leadStatuses", "converted status"),
        (#"{"leadStatuses":[{"name":"","converted":true}]}"#, "leadStatuses[0].name", "must not be empty"),
        (
            #"{"caseTargets":[{"priority":"Critical","firstResponseMinutes":90,"resolutionMinutes":60}]}"#,
            "caseTargets[0].firstResponseMinutes", "not be later than resolutionMinutes"
        ),
        (
            #"{"caseTargets":[{"priority":"Critical","firstResponseMinutes":0,"resolutionMinutes":60}]}"#,
            "caseTargets[0].firstResponseMinutes", "must be positive"
        ),
        (
            #"{"caseTargets":[{"priority":"Critical","firstResponseMinutes":30,"resolutionMinutes":60}]}"#,
            "caseTargets", "needs targets for priority High"
        ),
        (#"{"salesStage":[]}"#, "salesStage", "salesStage"),
        (
            #"{"leadStatuses":[{"name":"Open","converted":false},{"name":"Won","convertd":true}]}"#,
            "leadStatuses[1].convertd", "convertd"
        ),
        (
            #"{"caseTargets":[{"priority":"Urgent","firstResponseMinutes":30,"resolutionMinutes":60}]}"#,
            "caseTargets[0].priority", "must be one of Critical, High, Medium, Low, not \"Urgent\""
        ),
    ]

    @Test(arguments: refused)
    func refusedConfigurationsNameTheFieldAndTheRule(json: String, field: String, rule: String) {
        let error = #expect(throws: DomainError.self) { try CRMConfiguration.decode(json: Array(json.utf8)) }
        #expect(error?.code == .invalidConfiguration)
        #expect((error?.field ?? "") == field)
        #expect(error?.message.contains(rule) == true, "\(error?.message ?? "")")
    }
}
