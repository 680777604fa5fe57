extension CRMConfiguration {
    /// Reads a configuration from JSON: an object with any of `salesStages`, `leadStatuses` and `caseTargets`;
    /// a section left out keeps the ``standard`` one. The result is validated.
    ///
    /// - Parameter json: The JSON text.
    /// - Returns: The configuration.
    /// - Throws: ``DomainError`` with code `invalid_configuration`, naming the field and the rule.
    public static func decode(json: [UInt8]) throws -> CRMConfiguration {
        let file = try json.withUnsafeBytes { bytes in
            do {
                let document = JSONDocument(bytes, nodes: try JSONSyntax.object(bytes, noun: "configuration"))
                let decoder = StrictJSONDecoder(document, node: 0, ledger: FieldLedger(subject: "a configuration"))
                return try decoder.decodeEveryField(Sections.self)
            } catch {
                let refusal = DomainError(
                    decoding: error,
                    malformed: DomainError(.invalidConfiguration, "the configuration is not a valid JSON object")
                )
                throw DomainError(.invalidConfiguration, field: refusal.field, refusal.message)
            }
        }
        return try CRMConfiguration(
            salesStages: file.salesStages ?? standard.salesStages,
            leadStatuses: file.leadStatuses ?? standard.leadStatuses,
            caseTargets: file.caseTargets ?? standard.caseTargets
        ).validated()
    }

    /// The sections a configuration file may hold.
    private struct Sections: Decodable {
        var salesStages: [SalesStage]?
        var leadStatuses: [LeadStatus]?
        var caseTargets: [ServiceTargets]?
    }
}
