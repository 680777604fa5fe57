import Foundation

extension CRMConfiguration {
    /// Reads a configuration from JSON: an object with any of `salesStages`, `leadStatuses` and `caseTargets`;
    /// a section left out keeps the ``standard`` one. The result is validated.
    ///
    /// - Parameter json: The JSON text.
    /// - Returns: The configuration.
    /// - Throws: ``DomainError`` with code `invalid_configuration`, naming the field and the rule.
    public static func decode(json: [UInt8]) throws -> CRMConfiguration {
        let file: Sections
        do {
            file = try JSONDecoder().decode(AuditedSections.self, from: Data(json)).sections
        } catch {
            let refusal = DomainError(
                decoding: error,
                malformed: DomainError(.invalidConfiguration, "the configuration is not a valid JSON object")
            )
            throw DomainError(.invalidConfiguration, field: refusal.field, refusal.message)
        }
        return try CRMConfiguration(
            salesStages: file.salesStages ?? standard.salesStages,
            leadStatuses: file.leadStatuses ?? standard.leadStatuses,
            caseTargets: file.caseTargets ?? standard.caseTargets
        ).validated()
    }

    /// The sections read with every field checked to be one a section has, so a misspelled section or field
    /// is refused rather than silently left at its default.
    private struct AuditedSections: Decodable {
        let sections: Sections

        init(from decoder: any Decoder) throws {
            let ledger = FieldLedger(subject: "a configuration")
            sections = try Sections(from: AuditingDecoder(decoder, ledger: ledger))
            if let unknown = ledger.firstUnknownField() {
                throw ledger.unknownField(unknown, known: nil)
            }
        }
    }

    /// The sections a configuration file may hold.
    private struct Sections: Decodable {
        var salesStages: [SalesStage]?
        var leadStatuses: [LeadStatus]?
        var caseTargets: [ServiceTargets]?
    }
}
