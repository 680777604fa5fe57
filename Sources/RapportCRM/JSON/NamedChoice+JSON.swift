/// A choice's JSON is its name, as its `encode(to:)` writes it.
extension JSONDirectValue where Self: NamedChoice {
    package func appendJSON(to bytes: inout [UInt8]) { JSONText.appendString(rawValue, to: &bytes) }
}

extension ActivityChannel: JSONDirectValue {}
extension CampaignMemberKind: JSONDirectValue {}
extension CaseChannel: JSONDirectValue {}
extension CasePriority: JSONDirectValue {}
extension CaseStatus: JSONDirectValue {}
extension CaseType: JSONDirectValue {}
extension ForecastCategory: JSONDirectValue {}
extension TaskPriority: JSONDirectValue {}
