import RapportCRM
import Testing

/// Commands refused while being read, each with its code, the field and the rule.
extension CommandEnvelopeTests {
    @Test(
        arguments: [
            ("not json", "a command must be a JSON object, not text that is not JSON"),
            ("", "a command must be a JSON object, not empty text"),
            ("   \n", "a command must be a JSON object, not empty text"),
            (#"[{"type":"OpenAccount"}]"#, "a command must be a JSON object, not an array"),
            (#""OpenAccount""#, "a command must be a JSON object, not a string"),
            ("42", "a command must be a JSON object, not a number"),
            ("null", "a command must be a JSON object, not null"),
            (String(minimal.dropLast()), "cut short"),
            (String(minimal.prefix(30)), "cut short"),
            (String(minimal.prefix(1)), "cut short"),
            (minimal + "}", "at byte \(minimal.utf8.count + 1): text follows the command's closing }"),
            (#"{"type":"OpenAccount",}"#, "at byte 23: a field name in double quotes was expected"),
            (#"{"type" "OpenAccount"}"#, "at byte 9: ':' was expected after the field name"),
            (#"{"type":'OpenAccount'}"#, "at byte 9: a value"),
            (#"{"type":"Open\Account"}"#, "at byte 14: a backslash must start one of"),
            (#"{"type":"Open\u12"}"#, "\\u must be followed by four hexadecimal digits"),
            ("{\"type\":\"Open\tAccount\"}", "at byte 14: a control character must be escaped inside a string"),
            (#"{"expectedVersion":01}"#, "at byte 21: ',' or '}' was expected"),
            (#"{"expectedVersion":1.}"#, "a number needs digits after its decimal point"),
            (#"{"expectedVersion":1e}"#, "a number needs digits in its exponent"),
            (#"{"expectedVersion":-}"#, "a number needs digits"),
            (#"{"expectedVersion":NaN}"#, "at byte 20: a value"),
            (#"{"data":{"a":[1,2}}"#, "',' or ']' was expected"),
            (#"{"data":tru}"#, "at byte 9: a value"),
        ]
    )
    func refusesTextThatIsNotOneJSONObject(json: String, explanation: String) {
        let refusal = Self.refusal(json, code: .malformedCommand)
        #expect(refusal?.field == nil)
        #expect(refusal?.message.contains(explanation) == true, "\(String(describing: refusal))")
    }

    @Test func refusesTextThatIsNotUTF8() {
        var bytes = Array(Self.minimal.utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "A"))!] = 0xC3
        let refusal = Self.refusal(bytes: bytes, code: .malformedCommand)
        #expect(refusal?.message.contains("is not valid UTF-8") == true)
    }

    @Test(
        arguments: [
            (#"{"type":"OpenAccount","actor":"u","actor":"v","data":{}}"#, "actor"),
            (#"{"type":"OpenAccount","actor":"u","data":{"name":"A","n\u0061me":"B"}}"#, "data.name"),
        ]
    )
    func refusesAFieldGivenTwice(json: String, field: String) {
        let refusal = Self.refusal(json, code: .malformedCommand, field: field)
        #expect(refusal?.message == "\(field) is given twice; a field may appear once")
    }

    @Test(
        arguments: [
            (#"{"actor":"u","data":\#(accountData)}"#, "type"),
            (#"{"type":"OpenAccount","data":\#(accountData)}"#, "actor"),
            (#"{"type":"OpenAccount","actor":"u"}"#, "data"),
            (#"{"type":"OpenAccount","actor":"u","data":{"name":"Acme","ownerId":"u"}}"#, "data.accountId"),
            (#"{"type":"OpenAccount","actor":"u","data":{"accountId":"acme","ownerId":"u"}}"#, "data.name"),
        ]
    )
    func refusesAMissingRequiredField(json: String, field: String) {
        let refusal = Self.refusal(json, code: .missingField, field: field)
        #expect(refusal?.message == "\(field) is required")
    }

    @Test func refusesAnUnknownCommandType() {
        let json = #"{"type":"OpenAcount","actor":"u","data":\#(Self.accountData)}"#
        let refusal = Self.refusal(json, code: .unknownCommandType, field: "type")
        #expect(refusal?.message.hasPrefix(#"type "OpenAcount" is not a command; did you mean OpenAccount? "#) == true)
        #expect(refusal?.message.contains("the commands are ") == true)
        let farOff = Self.refusal(#"{"type":"Shout","actor":"u","data":{}}"#, code: .unknownCommandType, field: "type")
        #expect(farOff?.message.hasPrefix(#"type "Shout" is not a command; the commands are "#) == true)
    }

    @Test(
        arguments: [
            (#"{"type":"OpenAccount","actr":"u","data":\#(accountData)}"#, "actr"),
            (#"{"type":"OpenAccount","actor":"u","extra":1,"data":\#(accountData)}"#, "extra"),
            (openAccount("nmae", #""Acme""#), "data.nmae"),
            (#"{"type":"OpenAccount","actor":"u","data":{"accountId":"a","nmae":"Acme","ownerId":"u"}}"#, "data.nmae"),
        ]
    )
    func refusesAnUnknownField(json: String, field: String) {
        let refusal = Self.refusal(json, code: .unknownField, field: field)
        #expect(refusal?.message.hasPrefix("\(field) is not a field of ") == true)
    }

    @Test func listsTheEnvelopeFieldsWhenOneIsUnknown() {
        let refusal = Self.refusal(
            #"{"type":"OpenAccount","actor":"u","version":1,"data":{}}"#,
            code: .unknownField,
            field: "version"
        )
        #expect(
            refusal?.message
                == "version is not a field of a command; it has type, actor, commandId, expectedVersion, occurredAt, "
                + "correlationId, causationId, data"
        )
    }

    @Test(.enabled(if: CRMCommand.commandTypes.contains("ConvertLead")))
    func refusesAnUnknownFieldOfANestedObject() {
        let json = """
            {"type":"ConvertLead","actor":"u","data":{"leadId":"l1","accountId":"a1","contactId":"c1",
             "opportunity":{"opportunityId":"o1","name":"Deal","closeDate":"2025-06-30","amuont":5}}}
            """
        let refusal = Self.refusal(json, code: .unknownField, field: "data.opportunity.amuont")
        #expect(refusal?.message == "data.opportunity.amuont is not a field of ConvertLead")
    }

    @Test(
        arguments: [
            (#"{"type":7,"actor":"u","data":{}}"#, "type", "type must be a string"),
            (#"{"type":"OpenAccount","actor":["u"],"data":{}}"#, "actor", "actor must be a string"),
            (#"{"type":"OpenAccount","actor":"u","data":[]}"#, "data", "data must be an object"),
            (#"{"type":"OpenAccount","actor":"u","data":"x"}"#, "data", "data must be an object"),
            (#"{"type":"OpenAccount","actor":"u","data":null}"#, "data", "data must be an object"),
            (openAccount("name", "42"), "data.name", "data.name must be a string"),
            (openAccount("name", "null"), "data.name", "data.name must be a string"),
            (openAccount("type", "true"), "data.type", "data.type must be a string"),
            (openAccount("employees", "1.5"), "data.employees", "data.employees must be a whole number from"),
            (openAccount("employees", #""7""#), "data.employees", "data.employees must be a whole number from"),
            (openAccount("employees", "1e30"), "data.employees", "data.employees must be a whole number from"),
            (openAccount("annualRevenue", #""abc""#), "data.annualRevenue", "data.annualRevenue must be an amount"),
            (openAccount("annualRevenue", "1e300"), "data.annualRevenue", "data.annualRevenue must be an amount"),
            (openAccount("annualRevenue", "1e400"), "data.annualRevenue", "data.annualRevenue must be an amount"),
            (openAccount("annualRevenue", "-1e13"), "data.annualRevenue", "data.annualRevenue must be an amount"),
        ]
    )
    func refusesAFieldOfTheWrongType(json: String, field: String, message: String) {
        let refusal = Self.refusal(json, code: .invalidField, field: field)
        #expect(refusal?.message.hasPrefix(message) == true, "\(String(describing: refusal))")
    }

    @Test(arguments: ["-1", "1.5", #""3""#, "true", "18446744073709551616", "1e400"])
    func refusesAnExpectedVersionThatIsNotAVersion(value: String) {
        let json = #"{"type":"OpenAccount","actor":"u","expectedVersion":\#(value),"data":\#(Self.accountData)}"#
        let refusal = Self.refusal(json, code: .invalidField, field: "expectedVersion")
        #expect(refusal?.message == "expectedVersion must be a whole number from 0 to 18446744073709551615")
    }

    @Test(arguments: [#""yesterday""#, #""2025-02-30T10:00:00Z""#, #""2025-02-03 10:00:00Z""#, "1738576800"])
    func refusesAnOccurredAtThatIsNotAnRFC3339Time(value: String) {
        let json = #"{"type":"OpenAccount","actor":"u","occurredAt":\#(value),"data":\#(Self.accountData)}"#
        let refusal = Self.refusal(json, code: .invalidField, field: "occurredAt")
        #expect(refusal?.message.hasPrefix("occurredAt must be") == true, "\(String(describing: refusal))")
    }

    @Test(
        arguments: [
            (#""a b""#, "data.accountId may hold only letters, digits and . _ : -"),
            (#""""#, "data.accountId must be 1 to 64 characters long, not 0"),
            ("\"\(String(repeating: "a", count: 65))\"", "data.accountId must be 1 to 64 characters long, not 65"),
            (#""acmé""#, "data.accountId may hold only letters, digits and . _ : -"),
        ]
    )
    func refusesAnInvalidId(value: String, message: String) {
        let json = #"{"type":"OpenAccount","actor":"u","data":{"accountId":\#(value),"name":"Acme","ownerId":"u"}}"#
        let refusal = Self.refusal(json, code: .invalidId, field: "data.accountId")
        #expect(refusal?.message.hasPrefix(message) == true, "\(String(describing: refusal))")
    }

    @Test func acceptsAnIdOfTheLongestLength() throws {
        let id = String(repeating: "a", count: RecordId.maximumLength)
        let json = #"{"type":"OpenAccount","actor":"u","data":{"accountId":"\#(id)","name":"Acme","ownerId":"u"}}"#
        #expect(
            try CommandEnvelope.decode(json: Array(json.utf8)).command.target == StreamName(.account, try RecordId(id))
        )
    }

    @Test(
        arguments: [
            ("actor", #""   ""#, "actor must not be empty"),
            ("actor", #""""#, "actor must not be empty"),
            (
                "actor", "\"\(String(repeating: "u", count: 129))\"",
                "actor must be at most 128 characters long, not 129"
            ),
            ("actor", #""user\u0000""#, "actor must not hold control characters"),
            ("commandId", #""""#, "commandId must not be empty"),
            ("commandId", "\"\(String(repeating: "c", count: 129))\"", "commandId must be at most 128 characters"),
            ("correlationId", #"" ""#, "correlationId must not be empty"),
            ("causationId", #""a\nb""#, "causationId must not hold control characters"),
        ]
    )
    func refusesAnInvalidEnvelopeText(field: String, value: String, message: String) {
        let actor = field == "actor" ? value : #""u""#
        let extra = field == "actor" ? "" : #","\#(field)":\#(value)"#
        let json = #"{"type":"OpenAccount","actor":\#(actor)\#(extra),"data":\#(Self.accountData)}"#
        let refusal = Self.refusal(json, code: .invalidField, field: field)
        #expect(refusal?.message.hasPrefix(message) == true, "\(String(describing: refusal))")
    }

    @Test func acceptsAnActorOfTheLongestLength() throws {
        let actor = String(repeating: "é", count: CommandEnvelope.maximumIdLength)
        let json = #"{"type":"OpenAccount","actor":"\#(actor)","data":\#(Self.accountData)}"#
        #expect(try CommandEnvelope.decode(json: Array(json.utf8)).actor == actor)
    }
}
